/** Rates, percentages, counts and byte rates: the one number formatter of the app pages and panels. */

const NONE = '–';

/** A request rate cell: "–" without a value, 3 significant digits, whole numbers from 100. */
export function formatRate(rps: number | null): string {
  if (rps === null || !Number.isFinite(rps)) {
    return NONE;
  }
  return `${rps >= 100 ? Math.round(rps) : Number(rps.toPrecision(3))} req/s`;
}

/** A rate with its unit glued on, as graph edge labels show it: 0, 1 or 2 decimals by size ("12.5rps", "3.20B/s"). */
export function formatRateUnit(v: number, unit: string): string {
  const digits = v >= 100 ? 0 : v >= 10 ? 1 : 2;
  return `${v.toFixed(digits)}${unit}`;
}

/** A rate and unit with a space, 1 decimal from 10, else 2 ("4.00 rps", "12.5 B/s"), as the graph's side panel shows it. */
export function formatRateSpaced(v: number, unit = 'rps'): string {
  return `${v >= 10 ? v.toFixed(1) : v.toFixed(2)} ${unit}`;
}

/** A percentage cell: "–" without a value; whole from 10 and at 0, else 1 decimal (2 below 1). */
export function formatPct(pct: number | null): string {
  if (pct === null || !Number.isFinite(pct)) {
    return NONE;
  }
  return `${pct === 0 || pct >= 10 ? Math.round(pct) : Number(pct.toFixed(pct < 1 ? 2 : 1))}%`;
}

/** A percentage with one decimal and a spaced sign ("12.3 %"), as health reasons and the side panel write it. */
export function formatPct1(pct: number | undefined | null): string {
  return pct === undefined || pct === null || !Number.isFinite(pct) ? NONE : `${pct.toFixed(1)} %`;
}

export function formatCount(n: number | null): string {
  return n === null || !Number.isFinite(n) ? NONE : String(n);
}

const BYTE_UNITS = ['B', 'KiB', 'MiB', 'GiB', 'TiB'];

/** Bytes (or bytes per second with `perSecond`) in binary units, 3 significant digits: "1.50 KiB/s". */
export function formatBytes(bytes: number | null, perSecond = false): string {
  if (bytes === null || !Number.isFinite(bytes)) {
    return NONE;
  }
  let v = Math.abs(bytes);
  let i = 0;
  while (v >= 1024 && i < BYTE_UNITS.length - 1) {
    v /= 1024;
    i++;
  }
  const text = i === 0 ? String(Math.round(v)) : v.toPrecision(3);
  return `${bytes < 0 ? '-' : ''}${text} ${BYTE_UNITS[i]}${perSecond ? '/s' : ''}`;
}
