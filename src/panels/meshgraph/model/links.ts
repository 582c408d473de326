import { graphPageUrl, type GraphFocus } from '../../../shared/links/appUrls';
import { type ViewEdge, type ViewNode } from './view/types';

export interface LinkOptions {
  tracesDatasourceUid: string;
  serviceDashboardUid: string;
  workloadDashboardUid: string;
}

export interface GraphLink {
  label: string;
  href: string;
}

const APP = '/a/meshlens-istio-app';
const q = encodeURIComponent;

/** Jaeger's service name for an Istio workload is `<app>.<namespace>`. */
function traceService(n: ViewNode): string | undefined {
  const m = n.mesh;
  if (!m || m.nodeType === 'unknown') {
    return undefined;
  }
  const name = m.app || m.service || m.workload;
  return name ? `${name}.${m.namespace}` : undefined;
}

function tracesHref(service: string, o: LinkOptions, operation?: string): string {
  if (!o.tracesDatasourceUid) {
    return `${APP}/traces?service=${q(service)}${operation ? `&operation=${q(operation)}` : ''}`;
  }
  const pane = {
    a: {
      datasource: o.tracesDatasourceUid,
      queries: [{ refId: 'A', datasource: { type: 'jaeger', uid: o.tracesDatasourceUid }, queryType: 'search', service, operation }],
      range: { from: 'now-1h', to: 'now' },
    },
  };
  return `/explore?schemaVersion=1&panes=${q(JSON.stringify(pane))}`;
}

/** Links for a node: its traces, its bundled Istio dashboard with variables filled, the graph focused on it. */
export function nodeLinks(n: ViewNode, o: LinkOptions): GraphLink[] {
  const links: GraphLink[] = [];
  const m = n.mesh;
  if (m?.nodeType === 'unknown') {
    return links;
  }
  const service = traceService(n);
  if (service) {
    links.push({ label: 'Traces', href: tracesHref(service, o) });
  }
  const cluster = m && m.cluster !== 'unknown' ? `&var-cluster=${q(m.cluster)}` : '';
  if (m?.nodeType === 'service' && m.service !== 'unknown') {
    const fqdn = `${m.service}.${m.namespace}.svc.cluster.local`;
    links.push({ label: 'Service dashboard', href: `/d/${q(o.serviceDashboardUid)}?var-namespace=${q(m.namespace)}&var-service=${q(fqdn)}${cluster}` });
  } else if (m?.workload) {
    links.push({ label: 'Workload dashboard', href: `/d/${q(o.workloadDashboardUid)}?var-namespace=${q(m.namespace)}&var-workload=${q(m.workload)}${cluster}` });
  }
  const focus = m && focusOf(m);
  if (m && focus) {
    const clusters = m.cluster !== 'unknown' && m.cluster !== '' ? [m.cluster] : [];
    links.push({ label: 'Graph focused on this node', href: graphPageUrl({ namespaces: [m.namespace], clusters, focus }) });
  }
  return links;
}

/** The graph page's focus for a mesh node: by its type's name (a service node by service, an app node by app). */
function focusOf(m: NonNullable<ViewNode['mesh']>): GraphFocus | undefined {
  const name = m.nodeType === 'service' ? m.service : m.nodeType === 'app' ? m.app : m.nodeType === 'workload' ? m.workload : '';
  if (!name || name === 'unknown' || !m.namespace || m.namespace === 'unknown') {
    return undefined;
  }
  return { kind: m.nodeType as GraphFocus['kind'], namespace: m.namespace, name };
}

/** Traces between the two ends of an edge: the caller's traces towards the callee's service. */
export function edgeLinks(e: ViewEdge, source: ViewNode | undefined, target: ViewNode | undefined, o: LinkOptions): GraphLink[] {
  const from = source && traceService(source);
  const to = target && traceService(target);
  if (!from) {
    return [];
  }
  return [{ label: 'Traces for this edge', href: tracesHref(from, o, to ? `${to}` : undefined) }];
}
