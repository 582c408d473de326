import { CoreApp, rangeUtil, type DataQueryRequest, type ScopedVars, type TimeRange } from '@grafana/data';
import { type DataQuery } from '@grafana/schema';
import { DEFAULT_PROMETHEUS_UID } from '../../../../shared/settings';
import { type PresetTarget } from '../../../../shared/istio/graphQueries';

export { namespaceLookupQuery, presetPlan, type PresetInput, type PresetPlan } from './presetPlan';

/** Where the panel's data comes from: its own query targets, or the Istio preset it runs itself. */
export type DataMode = 'panel' | 'preset';

/** A preset target as sent to a Prometheus data source. */
export interface PresetQuery extends DataQuery, Omit<PresetTarget, 'refId'> {}

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
