import { graphPageUrl } from '../../../shared/links/appUrls';
import { withTimeRange, type EpochRange } from '../../../shared/links/timeRange';
import { type KeyValue } from './types';

/** Where a span ran, as far as Istio/OTel attributes tell: used to fill dashboard variables. */
export interface ServiceContext {
  readonly service: string;
  readonly namespace: string;
  readonly workload: string;
}

const find = (kvs: readonly KeyValue[], ...keys: string[]) => {
  for (const k of keys) {
    const kv = kvs.find((a) => a.key === k);
    if (kv && String(kv.value)) {
      return String(kv.value);
    }
  }
  return '';
};

/** Attributes only an Istio proxy (sidecar, gateway, waypoint) puts on its spans. */
const ISTIO_PROXY_KEYS = ['istio.canonical_service', 'istio.namespace', 'istio.mesh_id', 'upstream_cluster', 'node_id'];

/**
 * Istio names a proxy's service `<canonical service>.<namespace>`; sidecars also set istio.namespace /
 * istio.canonical_service and node_id `sidecar~ip~<pod>.<namespace>~…`; OTel SDKs set k8s.* resource attributes.
 * The name is split into name and namespace only for Istio proxy spans, and at the last dot (namespaces hold
 * no dots, canonical services may: `my.app.shop` is `my.app` in `shop`); any other service name (`my.app` from
 * an SDK) stays whole.
 */
export function serviceContext(service: string, attributes: readonly KeyValue[], resource: readonly KeyValue[]): ServiceContext {
  const all = [...attributes, ...resource];
  const istio = all.some((a) => ISTIO_PROXY_KEYS.includes(a.key)) || find(all, 'component') === 'proxy';
  const nodePod = /^[a-z]+~[^~]*~([^.~]+)\.([^~]+)~/.exec(find(all, 'node_id'));
  const explicitNs = find(all, 'istio.namespace', 'k8s.namespace.name', 'service.namespace');
  const dot = service.lastIndexOf('.');
  const split = istio && dot > 0 ? { name: service.slice(0, dot), ns: service.slice(dot + 1) } : undefined;
  const namespace = explicitNs || split?.ns || nodePod?.[2] || '';
  // With the namespace known, the service name is what precedes `.<namespace>`, whatever dots it has.
  const name = service.endsWith(`.${namespace}`) && namespace ? service.slice(0, -namespace.length - 1) : (split?.name ?? service);
  const pod = find(all, 'k8s.pod.name') || nodePod?.[1] || '';
  // Pods are `<workload>-<replicaset hash>-<pod hash>`.
  const workload = find(all, 'k8s.deployment.name', 'istio.workload') || pod.replace(/-[a-z0-9]{5,10}-[a-z0-9]{5}$/, '');
  return { service: find(all, 'istio.canonical_service') || name, namespace, workload };
}

const q = (params: Record<string, string>) =>
  Object.entries(params)
    .filter(([, v]) => v)
    .map(([k, v]) => `${encodeURIComponent(k)}=${encodeURIComponent(v)}`)
    .join('&');

/**
 * Built-in links: the bundled Istio service and workload dashboards and the mesh graph page, focused on this
 * span's service; with `range` (the span's time ± a margin, see spanTimeRange) every link opens at that time.
 */
export function builtInLinks(ctx: ServiceContext, range?: EpochRange): Array<{ title: string; href: string }> {
  // The service dashboard's variable holds Istio's destination_service, the Kubernetes FQDN.
  const fqdn = ctx.namespace ? `${ctx.service}.${ctx.namespace}.svc.cluster.local` : ctx.service;
  const path = (s: string) => encodeURIComponent(s);
  const links = [
    { title: 'Istio service dashboard', href: `/d/meshlens-istio-service?${q({ 'var-namespace': ctx.namespace, 'var-service': fqdn })}` },
    // Focused on the service; without a namespace no focus can be named, so the graph opens unfocused.
    {
      title: 'Mesh graph',
      href: ctx.namespace
        ? graphPageUrl({ namespaces: [ctx.namespace], focus: { kind: 'service', namespace: ctx.namespace, name: ctx.service } })
        : graphPageUrl({}),
    },
  ];
  if (ctx.namespace) {
    links.push({
      title: 'MeshLens service page',
      href: `/a/meshlens-istio-app/overview/service/${path(ctx.namespace)}/${path(ctx.service)}`,
    });
  }
  if (ctx.workload) {
    links.splice(1, 0, {
      title: 'Istio workload dashboard',
      href: `/d/meshlens-istio-workload?${q({ 'var-workload': ctx.workload, 'var-namespace': ctx.namespace })}`,
    });
  }
  return links.map((l) => ({ title: l.title, href: withTimeRange(l.href, range) }));
}
