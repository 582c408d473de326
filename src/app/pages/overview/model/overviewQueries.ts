/**
 * The overview's queries, as data: pure, so the scene factory, the tests and the bench share them.
 */
import {
  namespaceLatencyQuantile,
  namespaceRequestRate,
  namespaceServiceCount,
  namespaceTraffic,
  namespaceWorkloadCount,
  type OverviewQueryRole,
} from '../../../../shared/istio/appQueries';
import { type ResolvedSettings } from '../../../../shared/settings';
import { namespaceOutboundHealth } from './healthQueries';
import { namespaceDeploymentCount, namespaceInventory, namespaceProxyCount } from './inventoryQueries';

export interface OverviewQuery {
  refId: OverviewQueryRole | 'inventory' | 'proxies' | 'deployments' | 'outbound';
  expr: string;
  instant: boolean;
  range: boolean;
}

type Scope = Pick<ResolvedSettings, 'defaultNamespaces'>;

// Default namespaces come from jsonData (provisioning may set anything): the builders write `$` and `[[` in them as `\x24`
// and `\x5b[` (src/shared/promql/escape.ts), which Grafana's template service leaves alone.
const instant = (refId: OverviewQuery['refId'], expr: string): OverviewQuery => ({ refId, expr, instant: true, range: false });

/**
 * The queries the rows need, each grouped by namespace: traffic by code and mTLS policy (rate, error
 * and mTLS shares from one scan), the requests each workload sends by code (the outbound side of
 * Kiali's health), workloads, services, and the inventory (kube-state-metrics),
 * proxies and deployments so namespaces without traffic are listed, with a workload count. All
 * cheap: the list shows when they answer.
 */
export function overviewQueries(settings: Scope): OverviewQuery[] {
  const scope = { namespaces: settings.defaultNamespaces };
  return [
    instant('traffic', namespaceTraffic(scope)),
    instant('outbound', namespaceOutboundHealth(scope.namespaces)),
    instant('workloads', namespaceWorkloadCount(scope)),
    instant('services', namespaceServiceCount(scope)),
    instant('inventory', namespaceInventory(scope.namespaces)),
    instant('proxies', namespaceProxyCount(scope.namespaces)),
    instant('deployments', namespaceDeploymentCount(scope.namespaces)),
  ];
}

/**
 * The costly queries, in a runner of their own so the list does not wait for them: p95 reads every
 * latency bucket series (most of the page's Prometheus time at 500 namespaces) and the sparkline is
 * a range query. Their cells fill in when they answer.
 */
export function overviewDetailQueries(settings: Scope): OverviewQuery[] {
  const scope = { namespaces: settings.defaultNamespaces };
  return [
    instant('p95', namespaceLatencyQuantile(0.95, scope)),
    { refId: 'trend', expr: namespaceRequestRate({ ...scope, window: '$__rate_interval' }), instant: false, range: true },
  ];
}
