import { eq as labelEquals, inList as labelIn } from '../../../../shared/promql/matchers';

/**
 * Namespaces that exist whether or not they carry traffic, from kube-state-metrics, and the Istio
 * proxies running in each. Both grouped: one query each for any number of namespaces.
 */
export const KSM = {
  phase: 'kube_namespace_status_phase',
  labels: 'kube_namespace_labels',
  injection: 'label_istio_injection',
  dataplaneMode: 'label_istio_io_dataplane_mode',
  deployments: 'kube_deployment_labels',
} as const;

function scoped(matchers: Array<string | undefined>): string {
  const set = matchers.filter(Boolean);
  return set.length > 0 ? `{${set.join(',')}}` : '';
}

function nsMatcher(namespaces: readonly string[] | undefined): string | undefined {
  return namespaces && namespaces.length > 0 ? labelIn('namespace', namespaces) : undefined;
}

/**
 * One series per Active namespace, carrying its istio-injection / dataplane-mode labels when
 * kube-state-metrics exports them; a namespace whose labels KSM does not export still comes back
 * (the `or` branch), without them. Result labels: `namespace` [, label_istio_injection, label_istio_io_dataplane_mode].
 */
export function namespaceInventory(namespaces?: readonly string[]): string {
  const ns = nsMatcher(namespaces);
  const active = `(${KSM.phase}${scoped([labelEquals('phase', 'Active'), ns])} == 1)`;
  const labelled = `max by (namespace, ${KSM.injection}, ${KSM.dataplaneMode}) (${KSM.labels}${scoped([ns])})`;
  return `${labelled} and on (namespace) ${active} or on (namespace) max by (namespace) ${active}`;
}

/** Istio sidecar/gateway proxies per namespace (each proxy exports one istio_build{component="proxy"}). */
export function namespaceProxyCount(namespaces?: readonly string[]): string {
  return `count by (namespace) (istio_build${scoped([labelEquals('component', 'proxy'), nsMatcher(namespaces)])})`;
}

/**
 * Deployments per namespace from kube-state-metrics: the workload count of namespaces that carry no
 * traffic (the Istio counts only see workloads that sent or received requests).
 */
export function namespaceDeploymentCount(namespaces?: readonly string[]): string {
  return `count by (namespace) (${KSM.deployments}${scoped([nsMatcher(namespaces)])})`;
}
