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
