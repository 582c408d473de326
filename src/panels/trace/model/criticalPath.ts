/**
 * Critical path the way Jaeger UI computes it, but iteratively (no recursion limit at 100k-deep traces):
 * from each span's end, walk back through the child that finished last before the current point, then the
 * child that finished last before that child started, and so on; the gaps belong to the span itself.
 * Children are clipped to their parent (a child outliving its parent counts only up to the parent's end).
 * Returns [span, from, to] triples.
 */
export function criticalPath(start: Float64Array, duration: Float64Array, parent: Int32Array, subtreeEnd: Int32Array): Float64Array {
  const n = start.length;
  const out: number[] = [];
  const work: number[] = []; // pairs: span, blocker time
  for (let r = 0; r < n; r = subtreeEnd[r]) {
    if (parent[r] < 0) {
      work.push(r, start[r] + duration[r]);
    }
  }
  const children: number[] = [];
  while (work.length > 0) {
    const blocker = work.pop()!;
    const s = work.pop()!;
    const sStart = start[s];
    const sEnd = sStart + duration[s];
    children.length = 0;
    // Direct children of s: walk its subtree skipping grandchildren's subtrees.
    for (let c = s + 1; c < subtreeEnd[s]; c = subtreeEnd[c]) {
      if (start[c] < sEnd) {
        children.push(c);
      }
    }
    const end = (c: number) => Math.min(start[c] + duration[c], sEnd);
    children.sort((a, b) => end(b) - end(a));
    let cursor = Math.min(blocker, sEnd);
    const before = out.length;
    for (const c of children) {
      const cEnd = end(c);
      if (cEnd > cursor || cursor <= sStart) {
        continue;
      }
      if (cursor > cEnd) {
        out.push(s, cEnd, cursor);
      }
      const cStart = Math.max(start[c], sStart);
      work.push(c, cEnd);
      cursor = cStart;
    }
    if (cursor > sStart || out.length === before) {
      // A span on the path always gets a segment, even a zero-length one, so it is flagged.
      out.push(s, sStart, Math.max(cursor, sStart));
    }
  }
  return Float64Array.from(out);
}

/**
 * Critical-path segments grouped by span: offsets[i]..offsets[i+1] index triples in `order`. Built with the columns in
 * the worker (the rows draw a span's segments; on the main thread this took ~10 ms of the first render at 100k spans).
 */
export function segmentsBySpan(segs: Float64Array, n: number): { offsets: Int32Array; order: Int32Array } {
  const offsets = new Int32Array(n + 1);
  for (let k = 0; k < segs.length; k += 3) {
    offsets[segs[k] + 1]++;
  }
  for (let i = 0; i < n; i++) {
    offsets[i + 1] += offsets[i];
  }
  const fill = offsets.slice(0, n);
  const order = new Int32Array(segs.length / 3);
  for (let k = 0; k < segs.length; k += 3) {
    order[fill[segs[k]]++] = k;
  }
  return { offsets, order };
}
