/** Matchers for the variables every dashboard threads through its queries. */
import { inVar, type Matcher } from '../../src/shared/istio/dashboardQueries';

/** Scrape-config labels (`cluster`, `namespace`) on non-Istio metrics: cAdvisor, Go runtime, istiod, ztunnel. */
export function infraScope(...extra: Matcher[]): Matcher[] {
  return [inVar('cluster', 'cluster'), inVar('namespace', 'namespace'), ...extra];
}

/** Same, cluster only, for metrics whose namespace is not the one the dashboard filters on. */
export function clusterScope(...extra: Matcher[]): Matcher[] {
  return [inVar('cluster', 'cluster'), ...extra];
}
