import { type TraceColumns } from './columns';

/**
 * Rasterises every span into a width×height coverage grid (rows of the tree squeezed into pixel rows),
 * using per-row difference arrays: O(spans + pixels), whatever the trace size.
 * Returns per-pixel counts for all spans and for error spans.
 */
export function minimapCoverage(c: TraceColumns, width: number, height: number): { all: Uint32Array; errors: Uint32Array } {
  const w = Math.max(1, Math.floor(width));
  const h = Math.max(1, Math.floor(height));
  const diffAll = new Int32Array(h * (w + 1));
  const diffErr = new Int32Array(h * (w + 1));
  const t0 = c.summary.startMs;
  const span = c.summary.durationMs || 1;
  for (let i = 0; i < c.count; i++) {
    const y = Math.min(h - 1, Math.floor((i / c.count) * h));
    const s = c.start[i];
    const x0 = Math.min(w - 1, Math.max(0, Math.floor(((s - t0) / span) * w)));
    const x1 = Math.min(w, Math.max(x0 + 1, Math.ceil(((s + c.duration[i] - t0) / span) * w)));
    const row = y * (w + 1);
    diffAll[row + x0]++;
    diffAll[row + x1]--;
    if (c.flags[i] & 1) {
      diffErr[row + x0]++;
      diffErr[row + x1]--;
    }
  }
  const all = new Uint32Array(w * h);
  const errors = new Uint32Array(w * h);
  for (let y = 0; y < h; y++) {
    let a = 0;
    let e = 0;
    for (let x = 0; x < w; x++) {
      a += diffAll[y * (w + 1) + x];
      e += diffErr[y * (w + 1) + x];
      all[y * w + x] = a;
      errors[y * w + x] = e;
    }
  }
  return { all, errors };
}
