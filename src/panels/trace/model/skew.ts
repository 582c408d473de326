import { type Span, type Trace } from './types';

/**
 * The trace as Jaeger's clock-skew adjuster leaves it: every span moved by its skew correction (start and event
 * times; durations are kept), then the trace's start and end taken from the moved spans. The builder already
 * measured the corrections in tree order (parents before children, a delta inherited on the same service), so
 * this is one linear pass. Pure: a new Trace; spans that do not move are shared with the input, not copied.
 * Tree shape and row order stay as recorded, so a toggle never moves rows, selection, find matches or filters.
 */
export function adjustClockSkew(trace: Trace): Trace {
  if (trace.skewAdjusted) {
    return trace;
  }
  const n = trace.spans.length;
  if (trace.issues.skewed === 0) {
    // No span has its own correction, so none has an inherited one either.
    return { ...trace, skewAdjusted: true };
  }
  const spans: Span[] = new Array(n);
  let startMs = Infinity;
  let endMs = -Infinity;
  for (let i = 0; i < n; i++) {
    const s = trace.spans[i];
    const shift = s.skewShiftMs;
    const moved: Span =
      shift === 0 ? s : { ...s, startMs: s.startMs + shift, events: s.events.map((e) => ({ ...e, timeMs: e.timeMs + shift })) };
    spans[i] = moved;
    startMs = Math.min(startMs, moved.startMs);
    endMs = Math.max(endMs, moved.startMs + moved.durationMs);
  }
  return { ...trace, spans, startMs, endMs, skewAdjusted: true };
}
