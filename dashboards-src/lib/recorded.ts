/**
 * Query builders that read MeshLens' recorded series when the recording rules run, and the raw Istio series when they
 * do not (src/shared/istio/recordedSeries.ts, deploy/prometheus/rules/).
 *
 * Each query is `(recorded) or (raw)`. PromQL evaluates both sides of `or`, so to save anything the side not in use
 * must select no series at all: the raw side carries `meshlens_raw=~"$raw"`, a label no series has. The `raw`
 * variable is `.*` when the rules do not run (an absent label matches `.*`: the raw side reads as before) and `off`
 * when they do (nothing matches: Prometheus reads none of the raw samples). The recorded side needs no switch: without
 * the rules its metric does not exist. Queries whose labels no recorded family keeps read the raw series only.
 */
import {
  notRe,
  re,
  selector,
  sumBy,
  sumRate as rawSumRate,
  type Matcher,
} from '../../src/shared/istio/dashboardQueries';
import { IstioLabel, IstioMetric } from '../../src/shared/istio/metrics';
import { recordedFor } from '../../src/shared/istio/recordedSeries';

/** The raw side's switch (see the file comment). */
export const RAW_SWITCH: Matcher = 'meshlens_raw=~"$raw"';

const MTLS = IstioLabel.connectionSecurityPolicy;

/** Client-side views: the calling proxy (`source`), with or without the waypoint. */
function clientSide(matchers: readonly Matcher[]): boolean {
  return matchers.some((m) => /^reporter(=~?)"source(\|waypoint)?"$/.test(m));
}

/**
 * Grouping by `connection_security_policy` on the client side reads nothing useful: only the server side sets it,
 * the caller reports `unknown`. The caller does know its peer's identity, so there mTLS is read from
 * `destination_principal` (a SPIFFE id over mTLS, `unknown` in plaintext) into the same label, `mutual_tls` or
 * `none`, summed over principals.
 */
function mtlsFromPrincipal(by: readonly string[], inner: (by: readonly string[]) => string): string {
  const principal = IstioLabel.destinationPrincipal;
  const innerBy = by.map((l) => (l === MTLS ? principal : l));
  const relabelled =
    `label_replace(label_replace(${inner(innerBy)}, "${MTLS}", "mutual_tls", "${principal}", ".+"), ` +
    `"${MTLS}", "none", "${principal}", "unknown")`;
  return sumBy(by, relabelled);
}

/**
 * Sum of per-second rates of a raw counter: from the recorded family that fits, else from the raw series. On the
 * client side, mTLS comes from the peer's principal (mtlsFromPrincipal).
 */
export function sumRate(raw: string, matchers: readonly Matcher[], by: readonly string[] = []): string {
  if (by.includes(MTLS) && clientSide(matchers)) {
    return mtlsFromPrincipal(by, (innerBy) => recordedOrRaw(raw, matchers, innerBy));
  }
  return recordedOrRaw(raw, matchers, by);
}

function recordedOrRaw(raw: string, matchers: readonly Matcher[], by: readonly string[]): string {
  const rec = recordedFor(raw, matchers, by);
  if (!rec) {
    return rawSumRate(raw, matchers, by);
  }
  // The recorded rate as it is at each step: one sample per series and step, where a rate (or avg_over_time) over
  // $__rate_interval reads every sample in the window (4 at the usual 15 s), which made the recorded side cost nearly
  // what the raw side did (bench/dashboards-scale.ts). At steps up to the recorded 1m window (a 1 h panel steps by
  // 15 s) it is the raw query's value; at wider steps it is the last minute's rate at each step, not an average.
  const recorded = sumBy(by, selector(rec.record, matchers));
  return `(${recorded} or ${rawSumRate(raw, [...matchers, RAW_SWITCH], by)})`;
}

/**
 * `sum by (by) (gauge{matchers})` from the recorded sum when one keeps the query's labels (one series per namespace
 * and container, say, instead of one per pod), else from the raw gauge.
 */
export function sumGauge(raw: string, matchers: readonly Matcher[], by: readonly string[] = []): string {
  const rec = recordedFor(raw, matchers, by, 'sum');
  const rawSide = sumBy(by, selector(raw, rec ? [...matchers, RAW_SWITCH] : matchers));
  return rec ? `(${sumBy(by, selector(rec.record, matchers))} or ${rawSide})` : rawSide;
}

/**
 * `avg(gauge{matchers})` (the average over pods): the recorded sums over the recorded counts when both families keep
 * the query's labels, else the raw gauge's average.
 */
export function avgGauge(raw: string, matchers: readonly Matcher[]): string {
  const sum = recordedFor(raw, matchers, [], 'sum');
  const count = recordedFor(raw, matchers, [], 'count');
  if (!sum || !count) {
    return `avg(${selector(raw, matchers)})`;
  }
  const recorded = `${sumBy([], selector(sum.record, matchers))} / ${sumBy([], selector(count.record, matchers))}`;
  return `(${recorded} or avg(${selector(raw, [...matchers, RAW_SWITCH])}))`;
}

/** A quantile of a classic histogram (`<metric>_bucket`) over the recorded or raw bucket rates. */
export function histogramQuantile(quantile: number, bucket: string, matchers: readonly Matcher[]): string {
  if (!(quantile > 0 && quantile < 1)) {
    throw new Error(`histogramQuantile: quantile must be in (0, 1), got ${quantile}`);
  }
  return `histogram_quantile(${quantile}, ${sumRate(bucket, matchers, ['le'])})`;
}

export function requestRate(matchers: readonly Matcher[], by: readonly string[] = []): string {
  return sumRate(IstioMetric.requestsTotal, matchers, by);
}

export function requestRateByCode(codeRegex: string, matchers: readonly Matcher[], by: readonly string[] = []): string {
  return requestRate([...matchers, re(IstioLabel.responseCode, codeRegex)], by);
}

/**
 * Share of requests not answered with a 5xx, between 0 and 1. A group whose every answer was a 5xx has no non-5xx
 * series at all; `or total * 0` gives it 0 % instead of no value.
 */
export function successRatio(matchers: readonly Matcher[], by: readonly string[] = []): string {
  const ok = requestRate([...matchers, notRe(IstioLabel.responseCode, '5..')], by);
  const total = requestRate(matchers, by);
  return `(${ok} or ${total} * 0) / ${total}`;
}

/** Share of requests answered with a 5xx. */
export function errorRatio(matchers: readonly Matcher[], by: readonly string[] = []): string {
  return `${requestRateByCode('5..', matchers, by)} / ${requestRate(matchers, by)}`;
}

/** Request duration quantile (ms) over the recorded or raw bucket rates. */
export function latencyQuantile(quantile: number, matchers: readonly Matcher[], by: readonly string[] = []): string {
  if (!(quantile > 0 && quantile < 1)) {
    throw new Error(`latencyQuantile: quantile must be in (0, 1), got ${quantile}`);
  }
  return `histogram_quantile(${quantile}, ${sumRate(`${IstioMetric.requestDuration}_bucket`, matchers, ['le', ...by])})`;
}

/** Request or response body size quantile (bytes) over the recorded or raw bucket rates. */
export function sizeQuantile(
  quantile: number,
  which: 'request' | 'response',
  matchers: readonly Matcher[],
  by: readonly string[] = []
): string {
  if (!(quantile > 0 && quantile < 1)) {
    throw new Error(`sizeQuantile: quantile must be in (0, 1), got ${quantile}`);
  }
  const metric = which === 'request' ? IstioMetric.requestBytes : IstioMetric.responseBytes;
  return `histogram_quantile(${quantile}, ${sumRate(`${metric}_bucket`, matchers, ['le', ...by])})`;
}

/** TCP byte rate (B/s) sent or received, as reported by the proxy named in the matchers. */
export function tcpByteRate(
  which: 'sent' | 'received',
  matchers: readonly Matcher[],
  by: readonly string[] = []
): string {
  return sumRate(which === 'sent' ? IstioMetric.tcpSentBytesTotal : IstioMetric.tcpReceivedBytesTotal, matchers, by);
}
