import { TopologyBuilder } from './builder';
import type { Topology } from './types';

export const IDLE_NAMESPACE = 'standby';
export const NO_PROXY_NAMESPACE = 'legacy';

/**
 * What a real cluster has besides its busy mesh, to join to another topology (`bookinfo+idle`):
 * `standby` runs a sidecar-injected Deployment behind a Service that nobody calls (proxy series,
 * no request telemetry), and `legacy` runs two Deployments without any proxy (no istio_* series
 * at all; only kube-state-metrics knows them). No edges, so the other topology's graph is unchanged.
 */
export function idle(): Topology {
  const b = new TopologyBuilder('idle');
  const standby = b.workload('standby-v1', IDLE_NAMESPACE, { serviceAccount: 'standby' });
  b.service('standby', IDLE_NAMESPACE, 8080, [standby]);
  b.workload('legacy-api-v1', NO_PROXY_NAMESPACE, { dataPlane: 'none', serviceAccount: 'legacy-api' });
  b.workload('legacy-batch', NO_PROXY_NAMESPACE, { dataPlane: 'none', serviceAccount: 'legacy-batch' });
  return b.build();
}
