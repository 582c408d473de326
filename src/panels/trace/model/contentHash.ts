import { type Trace } from './types';

const f64 = new Float64Array(1);
const u32 = new Uint32Array(f64.buffer);

/**
 * A 32-bit FNV-1a hash of what the view draws of a trace: per span its id, parent, names, status, times and the number of
 * attributes and events. Two loads with the same hash (and trace id and span count) are treated as the same trace, so a
 * dashboard refresh that returns the same trace keeps the view state. Linear; about 10 ms at 100k spans.
 */
export function traceContentHash(trace: Trace): string {
  let h = 0x811c9dc5;
  const str = (s: string | undefined) => {
    const v = s ?? '';
    for (let i = 0; i < v.length; i++) {
      h = Math.imul(h ^ v.charCodeAt(i), 0x01000193);
    }
    h = Math.imul(h ^ 0xff, 0x01000193); // separator, so "ab"+"c" differs from "a"+"bc"
  };
  const num = (n: number) => {
    f64[0] = n;
    h = Math.imul(h ^ u32[0], 0x01000193);
    h = Math.imul(h ^ u32[1], 0x01000193);
  };
  for (const s of trace.spans) {
    str(s.spanId);
    str(s.parentSpanId);
    str(s.operation);
    str(s.service);
    str(s.status);
    num(s.startMs);
    num(s.durationMs);
    num(s.attributes.length);
    num(s.events.length);
  }
  return `${trace.traceId}:${trace.spans.length}:${(h >>> 0).toString(16)}`;
}
