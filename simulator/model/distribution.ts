/** Envoy's default histogram buckets (source/common/stats/histogram_impl.cc), used by every istio_* histogram. */
export const ENVOY_BUCKETS: readonly number[] = [
  0.5, 1, 5, 10, 25, 50, 100, 250, 500, 1000, 2500, 5000, 10000, 30000, 60000, 300000, 600000, 1800000, 3600000,
];

const Z95 = 1.6448536269514722;

/** Log-normal given its median and 95th percentile; the shape of service latencies and payload sizes. */
export interface LogNormal {
  mu: number;
  sigma: number;
}

export function logNormal(p50: number, p95: number): LogNormal {
  if (!(p50 > 0) || !(p95 >= p50)) {
    throw new Error(`latency needs 0 < p50 <= p95, got p50=${p50} p95=${p95}`);
  }
  return { mu: Math.log(p50), sigma: Math.max((Math.log(p95) - Math.log(p50)) / Z95, 1e-6) };
}

export function mean(d: LogNormal): number {
  return Math.exp(d.mu + (d.sigma * d.sigma) / 2);
}

/** Inverse-CDF sample, for traces and exemplars. */
export function sample(d: LogNormal, random: () => number): number {
  return Math.exp(d.mu + d.sigma * inverseNormal(Math.min(Math.max(random(), 1e-9), 1 - 1e-9)));
}

/** P(X <= x) for each bound: the cumulative shares a histogram's buckets hold. */
export function cumulativeShares(d: LogNormal, bounds: readonly number[]): Float64Array {
  const out = new Float64Array(bounds.length);
  for (let i = 0; i < bounds.length; i++) {
    out[i] = normalCdf((Math.log(bounds[i]) - d.mu) / d.sigma);
  }
  return out;
}

/**
 * Adds `count` observations to cumulative bucket counters in proportion to `shares`, using one
 * uniform offset (systematic rounding): integer, monotone, and the +Inf bucket gets exactly `count`.
 */
export function addToBuckets(buckets: Float64Array, shares: Float64Array, count: number, u: number): void {
  for (let i = 0; i < shares.length; i++) {
    buckets[i] += Math.floor(count * shares[i] + u);
  }
  buckets[shares.length] += count;
}

function normalCdf(z: number): number {
  return 0.5 * (1 + erf(z / Math.SQRT2));
}

// Abramowitz & Stegun 7.1.26 (|error| < 1.5e-7), ample for bucket shares.
function erf(x: number): number {
  const sign = x < 0 ? -1 : 1;
  const a = Math.abs(x);
  const t = 1 / (1 + 0.3275911 * a);
  const y =
    1 -
    ((((1.061405429 * t - 1.453152027) * t + 1.421413741) * t - 0.284496736) * t + 0.254829592) * t * Math.exp(-a * a);
  return sign * y;
}

// Acklam's rational approximation of the normal quantile.
function inverseNormal(p: number): number {
  const a = [
    -39.69683028665376, 220.9460984245205, -275.9285104469687, 138.357751867269, -30.66479806614716, 2.506628277459239,
  ];
  const b = [-54.47609879822406, 161.5858368580409, -155.6989798598866, 66.80131188771972, -13.28068155288572];
  const c = [
    -0.007784894002430293, -0.3223964580411365, -2.400758277161838, -2.549732539343734, 4.374664141464968,
    2.938163982698783,
  ];
  const d = [0.007784695709041462, 0.3224671290700398, 2.445134137142996, 3.754408661907416];
  const low = 0.02425;
  if (p < low) {
    const q = Math.sqrt(-2 * Math.log(p));
    return (
      (((((c[0] * q + c[1]) * q + c[2]) * q + c[3]) * q + c[4]) * q + c[5]) /
      ((((d[0] * q + d[1]) * q + d[2]) * q + d[3]) * q + 1)
    );
  }
  if (p > 1 - low) {
    return -inverseNormal(1 - p);
  }
  const q = p - 0.5;
  const r = q * q;
  return (
    ((((((a[0] * r + a[1]) * r + a[2]) * r + a[3]) * r + a[4]) * r + a[5]) * q) /
    (((((b[0] * r + b[1]) * r + b[2]) * r + b[3]) * r + b[4]) * r + 1)
  );
}

/**
 * Traffic multiplier at time t: a compressed "day" wave plus a slower ripple, never below 0.2,
 * so dashboards show visible change within minutes.
 */
export function wave(tSeconds: number, daySeconds: number, phase: number): number {
  const day = Math.sin((2 * Math.PI * tSeconds) / daySeconds + phase);
  const ripple = Math.sin((2 * Math.PI * tSeconds) / (daySeconds / 7.3) + phase * 3);
  return Math.max(0.2, 1 + 0.35 * day + 0.08 * ripple);
}
