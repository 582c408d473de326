/** Human duration from milliseconds, with precision that suits spans (µs to minutes). */
export function formatDurationMs(ms: number): string {
  if (!Number.isFinite(ms)) {
    return '–';
  }
  if (ms < 1) {
    return `${Math.round(ms * 1000)}µs`;
  }
  if (ms < 1000) {
    return `${Number(ms.toFixed(ms < 10 ? 2 : 1))}ms`;
  }
  if (ms < 60_000) {
    return `${Number((ms / 1000).toFixed(2))}s`;
  }
  return `${Math.floor(ms / 60_000)}m ${Math.round((ms % 60_000) / 1000)}s`;
}

/** A latency cell (overview, detail): "–" without a value, 3 significant digits in ms, seconds from 1 s. */
export function formatMs(ms: number | null): string {
  if (ms === null || !Number.isFinite(ms)) {
    return '–';
  }
  return ms >= 1000 ? `${Number((ms / 1000).toFixed(2))}s` : `${Number(ms.toPrecision(3))}ms`;
}

/** Kiali's edge response-time label: whole milliseconds, seconds with 2 decimals from 1 s. */
export function formatResponseTime(ms: number): string {
  return ms >= 1000 ? `${(ms / 1000).toFixed(2)}s` : `${Math.round(ms)}ms`;
}
