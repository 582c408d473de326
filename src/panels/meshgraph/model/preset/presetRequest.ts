import { CoreApp, rangeUtil, type DataQueryRequest, type ScopedVars, type TimeRange } from '@grafana/data';
import { type DataQuery } from '@grafana/schema';
import { DEFAULT_PROMETHEUS_UID } from '../../../../shared/settings';
import { defaultTrafficRates, istioPresetTargets, PREVIOUS_RANGE, type PresetTarget, type TrafficRates } from '../../../../shared/istio/graphQueries';

/** Where the panel's data comes from: its own query targets, or the Istio preset it runs itself. */
export type DataMode = 'panel' | 'preset';

/** A preset target as sent to a Prometheus data source. */
export interface PresetQuery extends DataQuery, Omit<PresetTarget, 'refId'> {}

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

export type PresetPlan = { ok: true; namespaces: string[]; clusters: string[]; targets: PresetTarget[] } | { ok: false; error: string };

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
  const unresolved = namespaces.find((n) => n.includes('$'));
  if (unresolved) {
    return { ok: false, error: `The namespace "${unresolved}" is a variable this dashboard does not define.` };
  }
  const clusterList = csvList(input.clusters ?? '');
  const all = clusterList.some((c) => c === '$__all' || c === '*' || c === '.*');
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

/**
 * Which Prometheus to query: the one chosen in the options, else the uid the app provisions and defaults to
 * (`meshlens-prometheus`) when it exists, else Grafana's default data source (undefined).
 */
export function choosePrometheus(optionUid: string, exists: (uid: string) => boolean): string | undefined {
  const chosen = optionUid.trim();
  if (chosen) {
    return chosen;
  }
  return exists(DEFAULT_PROMETHEUS_UID) ? DEFAULT_PROMETHEUS_UID : undefined;
}

export interface RequestContext {
  requestId: string;
  range: TimeRange;
  /** The panel request's interval when Grafana gave one; else derived from the range and the panel width. */
  interval?: { interval: string; intervalMs: number };
  width: number;
  scopedVars: ScopedVars;
  timezone: string;
  panelId?: number;
  dashboardUID?: string;
  datasource: { type: string; uid: string };
  now: number;
}

/** The data source request Grafana's query runner would send for these targets. */
export function presetRequest(targets: readonly PresetTarget[], ctx: RequestContext): DataQueryRequest<PresetQuery> {
  const interval = ctx.interval ?? rangeUtil.calculateInterval(ctx.range, Math.max(1, Math.round(ctx.width)));
  return {
    requestId: ctx.requestId,
    app: CoreApp.Dashboard,
    range: ctx.range,
    rangeRaw: ctx.range.raw,
    interval: interval.interval,
    intervalMs: interval.intervalMs,
    maxDataPoints: Math.max(1, Math.round(ctx.width)),
    scopedVars: ctx.scopedVars,
    timezone: ctx.timezone,
    panelId: ctx.panelId,
    dashboardUID: ctx.dashboardUID,
    startTime: ctx.now,
    targets: targets.map((t) => ({ ...t, datasource: ctx.datasource })),
  };
}
