import { podName, type Labels } from '../model/labels';
import type { Workload } from '../topology/types';
import type { Family, MetricStore, Series } from './store';

/** The out-of-mesh `unknown` caller stands for traffic from outside Kubernetes: no Deployment, no Namespace. */
const OUTSIDE_CLUSTER = 'unknown';

/** kube-state-metrics runs as its own pod; its series never hide with a stopped workload's pod. */
export const KUBE_STATE_POD = podName({ cluster: 'Kubernetes', namespace: 'kube-system', name: 'kube-state-metrics' });

export interface KubeStateSource {
  /** Live list: workloads added at run time get their Deployment series on the next step. */
  readonly workloads: readonly Workload[];
  readonly stopped: ReadonlySet<number>;
}

interface Families {
  phase: Family;
  nsLabels: Family;
  deployLabels: Family;
  available: Family;
}

/**
 * kube-state-metrics stand-ins with KSM's names and labels, so pages can list namespaces and
 * deployments that carry no traffic. One Namespace per workload namespace (Active), labelled
 * `istio-injection=enabled` when it runs sidecars and `istio.io/dataplane-mode=ambient` when it runs
 * ambient workloads (KSM exposes them as label_istio_injection / label_istio_io_dataplane_mode); one
 * Deployment per workload, with 0 available replicas while stopped. Like KSM scraped as one target,
 * the series carry no `cluster` label (the simulator's scrape labels have none either).
 */
export function kubeStateMetrics(store: MetricStore, source: KubeStateSource): (dt: number) => void {
  const f: Families = {
    phase: store.define('kube_namespace_status_phase', 'kubernetes namespace status phase.', 'gauge'),
    nsLabels: store.define('kube_namespace_labels', 'Kubernetes labels converted to Prometheus labels.', 'gauge'),
    deployLabels: store.define('kube_deployment_labels', 'Kubernetes labels converted to Prometheus labels.', 'gauge'),
    available: store.define(
      'kube_deployment_status_replicas_available',
      'The number of available replicas per deployment.',
      'gauge'
    ),
  };
  const available: Array<Series | undefined> = [];
  let seen = 0;
  return () => {
    const { workloads, stopped } = source;
    if (workloads.length > seen) {
      registerNamespaces(store, f, workloads);
      for (let i = seen; i < workloads.length; i++) {
        available[i] = registerDeployment(store, f, workloads[i]);
      }
      seen = workloads.length;
    }
    for (let i = 0; i < available.length; i++) {
      const s = available[i];
      if (s) {
        s.value = stopped.has(i) ? 0 : 1;
      }
    }
  };
}

function registerNamespaces(store: MetricStore, f: Families, workloads: readonly Workload[]): void {
  const planes = new Map<string, Set<Workload['dataPlane']>>();
  for (const w of workloads) {
    if (w.cluster === OUTSIDE_CLUSTER) {
      continue;
    }
    let set = planes.get(w.namespace);
    if (!set) {
      set = new Set();
      planes.set(w.namespace, set);
    }
    set.add(w.dataPlane);
  }
  for (const [namespace, set] of planes) {
    // KSM emits one series per phase; the current one is 1.
    store.series(f.phase, { namespace, phase: 'Active' }, KUBE_STATE_POD).value = 1;
    store.series(f.phase, { namespace, phase: 'Terminating' }, KUBE_STATE_POD).value = 0;
    const labels: Labels = { namespace };
    // istio-system runs the gateways but is never labelled for injection in Istio's install.
    if (set.has('sidecar') && namespace !== 'istio-system') {
      labels.label_istio_injection = 'enabled';
    }
    if (set.has('ambient')) {
      labels.label_istio_io_dataplane_mode = 'ambient';
    }
    // Same label text, same series: a re-registration after a run-time addition only updates it.
    const existing = [...f.nsLabels.series.values()].find((s) => s.labels.namespace === namespace);
    if (existing && Object.keys(existing.labels).length !== Object.keys(labels).length) {
      f.nsLabels.series.delete(existing.flat.text);
    }
    store.series(f.nsLabels, labels, KUBE_STATE_POD).value = 1;
  }
}

function registerDeployment(store: MetricStore, f: Families, w: Workload): Series | undefined {
  if (w.cluster === OUTSIDE_CLUSTER) {
    return undefined;
  }
  const labels: Labels = { namespace: w.namespace, deployment: w.name, label_app: w.app };
  // 'latest' is the simulator's "no version label" (Istio's default revision); KSM omits absent labels.
  if (w.version !== 'latest') {
    labels.label_version = w.version;
  }
  store.series(f.deployLabels, labels, KUBE_STATE_POD).value = 1;
  return store.series(f.available, { namespace: w.namespace, deployment: w.name }, KUBE_STATE_POD);
}
