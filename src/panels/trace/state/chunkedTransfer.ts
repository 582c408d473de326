import { type FrameLike } from '../model/normalise';

/** Where a long string value sat in the frames, and how many chunks it was cut into. */
export interface LongString {
  readonly frame: number;
  readonly field: number;
  readonly row: number;
  readonly chunks: number;
}

/** 4 Mi characters: one chunk's copy in postMessage takes a few ms, so a 60 MB trace file never blocks for long. */
export const CHUNK_CHARS = 4 * 1024 * 1024;

/**
 * Cuts every string value longer than `chunkChars` out of the frames (trace JSON in a string field is tens of MB
 * at 100k spans): the frames keep '' in its place and the chunks go separately, each in its own task, because
 * one postMessage of the whole string copies it in a single main-thread task. Slicing a string does not copy it.
 * Never mutates its input.
 */
export function splitLongStrings(frames: readonly FrameLike[], chunkChars = CHUNK_CHARS) {
  const long: LongString[] = [];
  const chunks: string[] = [];
  const out = frames.map((f, fi) => {
    const fields = f.fields.map((field, gi) => {
      let values: unknown[] | undefined;
      for (let r = 0; r < field.values.length; r++) {
        const v = field.values[r];
        if (typeof v === 'string' && v.length > chunkChars) {
          values = values ?? Array.from(field.values);
          values[r] = '';
          const n = Math.ceil(v.length / chunkChars);
          for (let k = 0; k < n; k++) {
            chunks.push(v.slice(k * chunkChars, (k + 1) * chunkChars));
          }
          long.push({ frame: fi, field: gi, row: r, chunks: n });
        }
      }
      return values ? { ...field, values } : field;
    });
    return long.some((l) => l.frame === fi) ? { ...f, fields } : f;
  });
  return { frames: out, long, chunks };
}

/** The inverse of splitLongStrings: the frames with each long string joined again from its chunks, in order. */
export function joinLongStrings(frames: readonly FrameLike[], long: readonly LongString[], chunks: readonly string[]): FrameLike[] {
  const needed = long.reduce((a, l) => a + l.chunks, 0);
  if (needed !== chunks.length) {
    throw new Error(`The trace data arrived incomplete: ${chunks.length} of ${needed} parts.`);
  }
  const out = frames.map((f) => ({ ...f, fields: f.fields.map((field) => ({ ...field, values: field.values })) }));
  let k = 0;
  for (const l of long) {
    const field = out[l.frame]?.fields[l.field];
    if (!field) {
      throw new Error(`The trace data arrived garbled: no field ${l.field} in frame ${l.frame}.`);
    }
    const values = Array.from(field.values);
    values[l.row] = chunks.slice(k, k + l.chunks).join('');
    out[l.frame].fields[l.field] = { ...field, values };
    k += l.chunks;
  }
  return out;
}
