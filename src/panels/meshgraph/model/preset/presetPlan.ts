/**
 * The Istio preset's plan: the namespaces and clusters (Grafana variables already replaced) and Kiali's grouped
 * queries for them. Pure, without @grafana/data, so the dashboards' generator and tests read it too.
 */
import { defaultTrafficRates, istioPresetTargets, PREVIOUS_RANGE, type PresetTarget, type TrafficRates } from '../../../../shared/istio/graphQueries';
import { IstioMetric } from '../../../../shared/istio/metrics';
import { inList } from '../../../../shared/promql/matchers';

export interface PresetInput {
  /** The namespaces option after template variables were replaced (comma-separated, Grafana's `csv` format). */
  namespaces: string;
  compareOffset: string;
  includeIdleEdges: boolean;
  showIdleNodes: boolean;
  /** The clusters option after variables were replaced (csv); empty, or Grafana's "All" (`$__all`, `*`), filters nothing. */
  clusters?: string;
  /** Which traffic to read (Kiali's Traffic menu); Kiali's defaults when absent. */
  rates?: TrafficRates;
}

export type PresetPlan =
  | {
      ok: true;
      namespaces: string[];
      clusters: string[];
      targets: PresetTarget[];
      /** Grafana's "All" in the namespaces (no targets yet): list them with this variable query, then plan again. */
      namespaceLookup?: string;
    }
  | { ok: false; error: string };

/** How Grafana writes "All" after replacing a variable: `$__all`, or a custom all value such as `.*`. */
const ALL_VALUES = new Set(['$__all', '*', '.*']);

/**
 * The namespaces "All" stands for: every namespace with Istio traffic (HTTP/gRPC requests or TCP bytes) in the
 * range, as a `label_values` variable query: the options the Graph page's namespace picker offers.
 */
export function namespaceLookupQuery(clusters: readonly string[]): string {
  const cluster = clusters.length > 0 ? `,${inList('destination_cluster', clusters)}` : '';
  return `label_values({__name__=~"${IstioMetric.requestsTotal}|${IstioMetric.tcpReceivedBytesTotal}"${cluster}}, destination_workload_namespace)`;
}

/** A replaced multi-value variable, `a,b` or `{a,b}`, as a list without blanks or duplicates. */
function csvList(text: string): string[] {
  return [
    ...new Set(
      text
        .replace(/[{}]/g, '')
        .split(',')
        .map((s) => s.trim())
        .filter(Boolean)
    ),
  ];
}

/**
 * The namespaces and Kiali's queries for them. A variable left unreplaced (`$namespace` on a dashboard
 * without that variable) or an empty list is an error the panel shows, not a query for a namespace
 * literally called `$namespace`.
 */
export function presetPlan(input: PresetInput): PresetPlan {
  // Multi-value variables without a format come as `{a,b}`; csvList reads both forms the same.
  const namespaces = csvList(input.namespaces);
  if (namespaces.length === 0) {
    return { ok: false, error: 'The Istio preset needs namespaces: type them in the panel option "Namespaces" (a dashboard variable such as $namespace works too).' };
  }
  const unresolved = namespaces.find((n) => n.includes('$') && !ALL_VALUES.has(n));
  if (unresolved) {
    return { ok: false, error: `The namespace "${unresolved}" is a variable this dashboard does not define.` };
  }
  const clusterList = csvList(input.clusters ?? '');
  const all = clusterList.some((c) => ALL_VALUES.has(c));
  const unresolvedCluster = clusterList.find((c) => c.includes('$') && c !== '$__all');
  if (unresolvedCluster) {
    return { ok: false, error: `The cluster "${unresolvedCluster}" is a variable this dashboard does not define.` };
  }
  const clusters = all ? [] : clusterList;
  const typed = input.compareOffset.trim();
  // "previous": the span just before the picked range (as long as it), which Grafana fills in as $__range.
  const offset = typed === 'previous' || typed === PREVIOUS_RANGE ? PREVIOUS_RANGE : typed;
  if (offset && offset !== PREVIOUS_RANGE && !/^\d+(ms|s|m|h|d|w|y)$/.test(offset)) {
    return { ok: false, error: `"Compare with" must be "previous" (the span before the range) or a Prometheus duration such as 1h or 1d, not "${offset}".` };
  }
  if (namespaces.some((n) => ALL_VALUES.has(n))) {
    return { ok: true, namespaces: [], clusters, targets: [], namespaceLookup: namespaceLookupQuery(clusters) };
  }
  const targets = istioPresetTargets({
    namespaces,
    clusters,
    rates: input.rates ?? defaultTrafficRates,
    compareOffset: offset,
    includeIdleEdges: input.includeIdleEdges,
    idleNodes: input.showIdleNodes,
  });
  return { ok: true, namespaces, clusters, targets };
}
