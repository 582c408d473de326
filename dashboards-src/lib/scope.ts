/** Matchers for the variables every dashboard threads through its queries. */
import { inVar, type Matcher } from '../../src/shared/istio/dashboardQueries';

/**
 * The scrape-config `cluster` label matched against the cluster variable, whose values are Istio's cluster ids
 * (`destination_cluster`/`source_cluster`, lib/variables.ts clusterVariable). Series without a `cluster` label (a
 * single Prometheus per cluster, or no relabelling) also match, so picking a cluster never empties a panel of
 * istiod, proxy or ztunnel figures; where the scrape label exists it must name clusters as Istio does.
 */
export const SCRAPE_CLUSTER: Matcher = 'cluster=~"${cluster}|"';

/** Scrape-config labels (`cluster`, `namespace`) on non-Istio metrics: cAdvisor, Go runtime, istiod, ztunnel. */
export function infraScope(...extra: Matcher[]): Matcher[] {
  return [SCRAPE_CLUSTER, inVar('namespace', 'namespace'), ...extra];
}

/** Same, cluster only, for metrics whose namespace is not the one the dashboard filters on. */
export function clusterScope(...extra: Matcher[]): Matcher[] {
  return [SCRAPE_CLUSTER, ...extra];
}
