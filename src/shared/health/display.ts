/**
 * Health as the pages show it: "unknown" when the data is missing or the query failed (never
 * healthy by default), and the dashboards' colour steps derived from the same thresholds.
 */
import { requestHealth, type RequestCounts } from './requests';
import { type DisplayHealth, type DisplayHealthStatus } from './rules';
import { thresholdOf, type HealthThreshold } from './thresholds';

/** Health for a page: from the counts when the query answered, "unknown" with the reason when not. */
export function pageHealth(counts: RequestCounts | undefined, thresholds: readonly HealthThreshold[], problem?: string): DisplayHealth {
  if (problem !== undefined || counts === undefined) {
    return { status: 'unknown', reasons: [problem ?? 'no data'] };
  }
  const h = requestHealth(counts, thresholds);
  return h.status === 'idle' ? { status: 'idle', reasons: ['no HTTP or gRPC requests in this time range'] } : h;
}

/** Sort order: failing first, unknown last. */
export const HEALTH_SORT_ORDER: Readonly<Record<DisplayHealthStatus, number>> = { failure: 0, degraded: 1, healthy: 2, idle: 3, unknown: 4 };

/** Grafana colour names per status, as Kiali colours them (dashboards). */
export const HEALTH_COLOURS = { healthy: 'green', degraded: 'orange', failure: 'red' } as const;

/**
 * Colour steps for a success ratio (0–1, share of requests not answered 5xx), from the 5xx
 * thresholds: red at or below 1 − failure, orange below 1 − degraded (below 1 when any 5xx
 * degrades), green above. Grafana colours a value ≥ a step with that step, so a ratio exactly at
 * 1 − failure shows orange where Kiali says failure: the only value that differs.
 */
export function successRatioSteps(thresholds: readonly HealthThreshold[]): { base: string; steps: Array<[number, string]> } {
  const t = thresholdOf(thresholds, '5xx');
  const round = (v: number) => Math.round(v * 1e6) / 1e6;
  const steps: Array<[number, string]> = [];
  if (t.failure > 0) {
    steps.push([round(1 - t.failure / 100), HEALTH_COLOURS.degraded]);
  }
  steps.push([t.degraded === 0 ? 1 : round(1 - t.degraded / 100), HEALTH_COLOURS.healthy]);
  return { base: t.failure > 0 ? HEALTH_COLOURS.failure : HEALTH_COLOURS.degraded, steps };
}

/** Colour steps for a 5xx rate in requests per second: any 5xx degrades when the 5xx degraded threshold is 0. */
export function errorRateSteps(thresholds: readonly HealthThreshold[]): { base: string; steps: Array<[number, string]> } {
  const t = thresholdOf(thresholds, '5xx');
  return { base: HEALTH_COLOURS.healthy, steps: t.degraded === 0 ? [[0.001, HEALTH_COLOURS.degraded]] : [] };
}
