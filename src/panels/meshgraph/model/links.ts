import { detailPageUrlFromGraph, graphPageUrl, type GraphFocus } from '../../../shared/links/appUrls';
import { tracesPageUrl } from '../../../shared/links/tracesUrl';
import { type EpochRange } from '../../../shared/links/timeRange';
import { isDnsLabel, type MeshPeer } from '../../../shared/traces/istioNaming';
import { type ViewEdge, type ViewNode } from './view/types';

export interface LinkOptions {
  tracesDatasourceUid: string;
  serviceDashboardUid: string;
  workloadDashboardUid: string;
  /** The panel's time range: an edge's traces are searched in the time the graph shows. */
  range?: EpochRange;
}

export interface GraphLink {
  label: string;
  href: string;
}

const PAGE_LABEL = { service: 'Service page', workload: 'Workload page' } as const;
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

function tracesHref(service: string, o: LinkOptions, range?: EpochRange): string {
  if (!o.tracesDatasourceUid) {
    return tracesPageUrl({ service, range });
  }
  const pane = {
    a: {
      datasource: o.tracesDatasourceUid,
      queries: [{ refId: 'A', datasource: { type: 'jaeger', uid: o.tracesDatasourceUid }, queryType: 'search', service }],
      range: range ? { from: String(range.from), to: String(range.to) } : { from: 'now-1h', to: 'now' },
    },
  };
  return `/explore?schemaVersion=1&panes=${q(JSON.stringify(pane))}`;
}

/** Where the panel is shown (the app's graph page or a dashboard): decides where a detail page's breadcrumb leads. */
export interface PanelLocation {
  pathname: string;
  search: string;
}

/**
 * Links for a node: its service or workload page in the app, its traces, its bundled Istio dashboard with
 * variables filled, the graph focused on it. The app's pages are offered wherever the panel is: the panel
 * ships inside the app plugin, so those pages exist whenever the panel does.
 */
export function nodeLinks(n: ViewNode, o: LinkOptions, here?: PanelLocation): GraphLink[] {
  const links: GraphLink[] = [];
  const m = n.mesh;
  if (m?.nodeType === 'unknown') {
    return links;
  }
  if (!m && n.page) {
    // A node-graph frame's node (the app's graph page): only the page its frame names.
    const { kind, namespace, name } = n.page;
    const graph = { namespaces: [namespace], focus: { kind, namespace, name } };
    return [{ label: PAGE_LABEL[kind], href: detailPageUrlFromGraph(kind, namespace, name, graph, here) }];
  }
  const focus = m && focusOf(m);
  const clusters = m && m.cluster !== 'unknown' && m.cluster !== '' ? [m.cluster] : [];
  const page = m && detailPage(m);
  if (m && page) {
    const graph = { namespaces: [m.namespace], clusters, focus };
    links.push({ label: page.label, href: detailPageUrlFromGraph(page.kind, m.namespace, page.name, graph, here) });
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
  if (m && focus) {
    links.push({ label: 'Graph focused on this node', href: graphPageUrl({ namespaces: [m.namespace], clusters, focus }) });
  }
  return links;
}

const known = (v: string) => v !== '' && v !== 'unknown';

/** The app page of a mesh node: a service node's service page, else the page of the workload behind the node. */
export function detailPage(m: NonNullable<ViewNode['mesh']>): { kind: 'service' | 'workload'; name: string; label: string } | undefined {
  if (!known(m.namespace)) {
    return undefined;
  }
  if (m.nodeType === 'service') {
    return known(m.service) ? { kind: 'service', name: m.service, label: PAGE_LABEL.service } : undefined;
  }
  return known(m.workload) ? { kind: 'workload', name: m.workload, label: PAGE_LABEL.workload } : undefined;
}

/** The graph page's focus for a mesh node: by its type's name (a service node by service, an app node by app). */
function focusOf(m: NonNullable<ViewNode['mesh']>): GraphFocus | undefined {
  const name = m.nodeType === 'service' ? m.service : m.nodeType === 'app' ? m.app : m.nodeType === 'workload' ? m.workload : '';
  if (!name || name === 'unknown' || !m.namespace || m.namespace === 'unknown') {
    return undefined;
  }
  return { kind: m.nodeType as GraphFocus['kind'], namespace: m.namespace, name };
}

/** The Kubernetes service a node receives calls as: a service node's own, else the first it serves in its namespace. */
function peerOf(n: ViewNode | undefined): MeshPeer | undefined {
  const m = n?.mesh;
  if (!m || !isDnsLabel(m.namespace)) {
    return undefined;
  }
  const name = m.nodeType === 'service' ? m.service : (m.destServices.find((d) => d.namespace === m.namespace)?.name ?? m.app);
  return name && isDnsLabel(name) ? { service: name, namespace: m.namespace } : undefined;
}

/**
 * Traces between the two ends of an edge: the caller's traces with a call to the callee's Kubernetes service.
 * Istio names that span `<host>:<port>/*` (`details.bookinfo.svc.cluster.local:9080/*`), so the app's traces
 * page matches the peer's host (src/shared/traces/istioNaming.ts) rather than an operation name; Explore's
 * Jaeger search cannot, so edges always open the app's page. The link carries the panel's time range (`from`/`to`).
 */
export function edgeLinks(e: ViewEdge, source: ViewNode | undefined, target: ViewNode | undefined, o: LinkOptions): GraphLink[] {
  const from = source && traceService(source);
  if (!from) {
    return [];
  }
  const peer = peerOf(target);
  const range = o.range;
  return [{ label: 'Traces for this edge', href: peer ? tracesPageUrl({ service: from, peer, range }) : tracesHref(from, o, range) }];
}
