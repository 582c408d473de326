import { type TraceColumns } from './columns';

/** Spans grouped by depth (counting sort, tree order inside a level): the flame graph draws level by level. */
export function spansByDepth(c: TraceColumns): { offsets: Int32Array; spans: Int32Array } {
  let maxDepth = 0;
  for (let i = 0; i < c.count; i++) {
    maxDepth = Math.max(maxDepth, c.depth[i]);
  }
  const offsets = new Int32Array(maxDepth + 2);
  for (let i = 0; i < c.count; i++) {
    offsets[c.depth[i] + 1]++;
  }
  for (let d = 0; d <= maxDepth; d++) {
    offsets[d + 1] += offsets[d];
  }
  const fill = offsets.slice(0, maxDepth + 1);
  const spans = new Int32Array(c.count);
  for (let i = 0; i < c.count; i++) {
    spans[fill[c.depth[i]]++] = i;
  }
  return { offsets, spans };
}

/** The span at a depth that covers time ms (absolute), or -1. */
export function spanAt(c: TraceColumns, levels: ReturnType<typeof spansByDepth>, depth: number, ms: number): number {
  if (depth < 0 || depth >= levels.offsets.length - 1) {
    return -1;
  }
  for (let k = levels.offsets[depth]; k < levels.offsets[depth + 1]; k++) {
    const i = levels.spans[k];
    const s = c.start[i];
    if (ms >= s && ms <= s + c.duration[i]) {
      return i;
    }
  }
  return -1;
}
