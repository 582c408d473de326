import { useMemo, useState } from 'react';

/** The visible time window as fractions [from, to] of the trace duration (zoomed by minimap drag or keys). */
export type ViewRange = readonly [number, number];

const MIN_SPAN = 1e-6;

export function clampRange(from: number, to: number): ViewRange {
  const width = Math.max(Math.min(to - from, 1), MIN_SPAN);
  const start = Math.min(Math.max(from, 0), 1 - width);
  return [start, start + width];
}

export function useViewRange() {
  const [range, setRange] = useState<ViewRange>([0, 1]);
  // One object per range, so consumers (the view context) change only when the range does.
  return useMemo(() => ({
    range,
    setRange: (from: number, to: number) => setRange(clampRange(Math.min(from, to), Math.max(from, to))),
    reset: () => setRange([0, 1]),
    /** Moves the window by a fraction of its width (negative = left). */
    pan: (by: number) => setRange(([a, b]) => clampRange(a + (b - a) * by, b + (b - a) * by)),
    /** Scales the window around its centre (factor < 1 zooms in). */
    zoom: (factor: number) =>
      setRange(([a, b]) => {
        const mid = (a + b) / 2;
        const half = ((b - a) * factor) / 2;
        return clampRange(mid - half, mid + half);
      }),
  }), [range]);
}
