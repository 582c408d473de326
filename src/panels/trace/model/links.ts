import { graphPageUrl } from '../../../shared/links/appUrls';
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

/**
 * Istio names services `<name>.<namespace>`; sidecars also set istio.namespace / istio.canonical_service and
 * node_id `sidecar~ip~<pod>.<namespace>~…`; OTel SDKs set k8s.* resource attributes.
 */
export function serviceContext(service: string, attributes: readonly KeyValue[], resource: readonly KeyValue[]): ServiceContext {
  const all = [...attributes, ...resource];
  const [name, nsFromName] = service.split('.');
  const nodePod = /^[a-z]+~[^~]*~([^.~]+)\.([^~]+)~/.exec(find(all, 'node_id'));
  const namespace = find(all, 'istio.namespace', 'k8s.namespace.name', 'service.namespace') || nsFromName || nodePod?.[2] || '';
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

/** Built-in links: the bundled Istio service and workload dashboards and the mesh graph page, focused on this span's service. */
export function builtInLinks(ctx: ServiceContext): Array<{ title: string; href: string }> {
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
  return links;
}
