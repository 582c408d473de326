/**
 * PromQL builders for Istio's standard metrics, shared by the bundled dashboards (generated at build time)
 * and by the app's own panels. Pure string functions: no Grafana runtime, no module state.
 *
 * Two kinds of label values appear in a selector:
 * - literals we write (reporter regexes, metric constants): passed through `escape.ts`;
 * - Grafana template variables (`$namespace`): left for Grafana to interpolate, which escapes multi-value
 *   and All selections for regex matchers itself. Single-value variables are matched with `=` so a
 *   ServiceEntry host such as `*.example.com` is never read as a regex (istio/istio#59307).
 */
import { eq, eqVar, inVar, notRe, re, selector, type Matcher } from '../promql/matchers';
import { IstioLabel, IstioMetric } from './metrics';

// The matcher vocabulary is src/shared/promql/matchers.ts (one for the whole plugin); re-exported for the dashboards.
export { eq, eqVar, inVar, notRe, re, selector, type Matcher };

/** Grafana's rate window: at least four scrape intervals, so rates never go blank at slow scrapes. */
export const RATE_INTERVAL = '$__rate_interval';

/**
 * Which proxy's view of a request to count. In ambient mode L7 metrics come only from waypoints
 * (`reporter="waypoint"`), so each side includes them; otherwise ambient services show no traffic.
 */
export const Reporter = {
  client: 'source|waypoint',
  server: 'destination|waypoint',
} as const;

/** `rate(sel[$__rate_interval])`. Istio's legacy dashboards used irate, which jumps at every scrape. */
export function rate(sel: string): string {
  return `rate(${sel}[${RATE_INTERVAL}])`;
}

/** `sum by (a, b) (expr)`, or `sum(expr)` when `by` is empty. */
export function sumBy(by: readonly string[], expr: string): string {
  return by.length === 0 ? `sum(${expr})` : `sum by (${by.join(', ')}) (${expr})`;
}

/** Sum of per-second rates of a counter, grouped by `by`. */
export function sumRate(metric: string, matchers: readonly Matcher[], by: readonly string[] = []): string {
  return sumBy(by, rate(selector(metric, matchers)));
}

/** A quantile of a classic histogram, aggregated over everything except `by`. */
export function histogramQuantile(
  quantile: number,
  bucketMetric: string,
  matchers: readonly Matcher[],
  by: readonly string[] = []
): string {
  if (!(quantile > 0 && quantile < 1)) {
    throw new Error(`histogramQuantile: quantile must be in (0, 1), got ${quantile}`);
  }
  return `histogram_quantile(${quantile}, ${sumRate(bucketMetric, matchers, ['le', ...by])})`;
}

/** Request rate (req/s) of `istio_requests_total`. */
export function requestRate(matchers: readonly Matcher[], by: readonly string[] = []): string {
  return sumRate(IstioMetric.requestsTotal, matchers, by);
}

/** Rate of requests answered with a status matching `codeRegex` (for example `5..`). */
export function requestRateByCode(codeRegex: string, matchers: readonly Matcher[], by: readonly string[] = []): string {
  return requestRate([...matchers, re(IstioLabel.responseCode, codeRegex)], by);
}

/** Share of requests that were not 5xx, between 0 and 1. */
export function successRatio(matchers: readonly Matcher[], by: readonly string[] = []): string {
  const ok = requestRate([...matchers, notRe(IstioLabel.responseCode, '5..')], by);
  return `${ok} / ${requestRate(matchers, by)}`;
}

/** Share of requests that were 5xx, between 0 and 1. */
export function errorRatio(matchers: readonly Matcher[], by: readonly string[] = []): string {
  return `${requestRateByCode('5..', matchers, by)} / ${requestRate(matchers, by)}`;
}

/** Request duration quantile in milliseconds (Istio's histogram is in ms; no legacy seconds fallback). */
export function latencyQuantile(quantile: number, matchers: readonly Matcher[], by: readonly string[] = []): string {
  return histogramQuantile(quantile, `${IstioMetric.requestDuration}_bucket`, matchers, by);
}

/** Request or response size quantile in bytes. */
export function sizeQuantile(
  quantile: number,
  which: 'request' | 'response',
  matchers: readonly Matcher[],
  by: readonly string[] = []
): string {
  const metric = which === 'request' ? IstioMetric.requestBytes : IstioMetric.responseBytes;
  return histogramQuantile(quantile, `${metric}_bucket`, matchers, by);
}

/** TCP byte rate (B/s) sent or received, as reported by the proxy named in the matchers. */
export function tcpByteRate(
  which: 'sent' | 'received',
  matchers: readonly Matcher[],
  by: readonly string[] = []
): string {
  const metric = which === 'sent' ? IstioMetric.tcpSentBytesTotal : IstioMetric.tcpReceivedBytesTotal;
  return sumRate(metric, matchers, by);
}

/** `expr or vector(0)`, so a stat shows 0 instead of "No data" when nothing matched (e.g. no 5xx at all). */
export function orZero(expr: string): string {
  return `(${expr}) or vector(0)`;
}

/** `topk(k, expr)`. */
export function topk(k: number, expr: string): string {
  if (!Number.isInteger(k) || k < 1) {
    throw new Error(`topk: k must be a positive integer, got ${k}`);
  }
  return `topk(${k}, ${expr})`;
}
