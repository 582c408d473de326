/**
 * Go's `%.*f`: like toFixed, except that exact binary ties round half to even (toFixed rounds them up).
 * Matters for golden tests against Kiali (e.g. 12.25 → "12.2").
 */
export function goFixed(value: number, precision: number): string {
  const scaled = value * 10 ** precision;
  const floor = Math.floor(scaled);
  if (scaled - floor === 0.5 && floor / 10 ** precision + 0.5 / 10 ** precision === value) {
    const even = floor % 2 === 0 ? floor : floor + 1;
    return (even / 10 ** precision).toFixed(precision);
  }
  return value.toFixed(precision);
}

/** Digits needed to show one significant digit of a small rate, at least `min`, at most 5 (common.go rateToString). */
export function rateToString(min: number, value: number): string {
  let precision = 0;
  let v = value;
  while (v > 0 && precision < 5 && v < 1) {
    v *= 10;
    precision++;
  }
  return goFixed(value, Math.max(min, precision));
}
