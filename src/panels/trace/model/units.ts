/**
 * The one place where input time units become the model's unit (ms since the epoch, fractional).
 * Grafana frames: ms. Jaeger and Zipkin JSON: µs. OTLP: ns as decimal strings (too big for a double, so split).
 */
export const msFromMs = (v: number): number => v;
export const msFromUs = (v: number): number => v / 1000;

/** Nanoseconds (number, or decimal string up to 2^64) to ms without losing µs precision. */
export function msFromNs(v: unknown): number {
  if (typeof v === 'number') {
    return v / 1e6;
  }
  if (typeof v !== 'string' || !/^\d{1,20}$/.test(v)) {
    return NaN;
  }
  if (v.length <= 6) {
    return Number(v) / 1e6;
  }
  const ms = Number(v.slice(0, -6));
  return ms + Number(v.slice(-6)) / 1e6;
}

/** A number from a JSON number or numeric string; NaN otherwise. */
export function toNumber(v: unknown): number {
  if (typeof v === 'number') {
    return v;
  }
  if (typeof v === 'string' && v.trim() !== '') {
    return Number(v);
  }
  return NaN;
}
