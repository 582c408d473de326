/**
 * Critical path as Jaeger UI computes it (TracePage/CriticalPath: sanitizeOverFlowingChildren, findLastFinishingChildSpan,
 * computeCriticalPath), written iteratively and in O(n log n) so it holds at 100k spans and 100k-deep traces.
 *
 * 1. Blocking children only: a child whose parent link is FOLLOWS_FROM, or a consumer under a producer (asynchronous
 *    messaging), is left out with its whole subtree: its parent does not wait for it.
 * 2. Children are clipped to their parent's (already clipped) start and end; a child entirely before the parent's start
 *    or at/after its end is dropped with its subtree.
 * 3. From a root's end, walk back: take the child that finished last (before the point we came back to, strictly),
 *    the parent owns the gap between that child's end and the point; descend into the child; when a span has no such
 *    child it owns the stretch from its start, and the walk returns to its parent at the span's start.
 * Zero-length sections are not reported (as in Jaeger). Returns [span, from, to] triples; per root the sections are
 * disjoint and inside the root, so their sum never exceeds the root's duration.
 */
export function criticalPath(
  start: Float64Array,
  duration: Float64Array,
  parent: Int32Array,
  subtreeEnd: Int32Array,
  /** 1 when span i blocks its parent (see blockingFlags); all blocking when absent. */
  blocking?: Uint8Array
): Float64Array {
  const n = start.length;
  const { keep, cs, ce } = clipToParents(start, duration, parent, blocking);
  const { offset, kids } = keptChildren(parent, keep);
  // Sorted by clipped end (latest first; ties keep tree order, Jaeger takes the first) only when the walk reaches a span:
  // the walk visits the path alone, and sorting every span's children cost more than the rest of the columns, cold.
  const byEnd = (a: number, b: number) => ce[b] - ce[a] || a - b;
  const next = offset.slice(0, n); // per span: first child not yet passed over (the walk only moves it forward)
  const out: number[] = [];
  for (let r = 0; r < n; r = subtreeEnd[r]) {
    let s = r;
    let back = NaN; // the start of the child we came back from; NaN when we went down into s
    for (;;) {
      const to = Number.isNaN(back) ? ce[s] : back;
      if (Number.isNaN(back) && offset[s + 1] - offset[s] > 1) {
        kids.subarray(offset[s], offset[s + 1]).sort(byEnd); // s is entered once: sorted once
      }
      let k = next[s];
      if (!Number.isNaN(back)) {
        while (k < offset[s + 1] && ce[kids[k]] >= back) {
          k++;
        }
        next[s] = k;
      }
      if (k < offset[s + 1]) {
        const child = kids[k];
        if (ce[child] !== to) {
          out.push(s, ce[child], to);
        }
        s = child;
        back = NaN;
        continue;
      }
      if (cs[s] !== to) {
        out.push(s, cs[s], to);
      }
      if (s === r) {
        break;
      }
      back = cs[s];
      s = parent[s];
    }
  }
  return Float64Array.from(out);
}

/** 0 for a span its parent does not wait for: parent link FOLLOWS_FROM, or a consumer under a producer. */
export function blockingFlags(
  spans: ReadonlyArray<{ parent: number; kind: string; followsFrom?: boolean }>
): Uint8Array {
  const out = new Uint8Array(spans.length);
  for (let i = 0; i < spans.length; i++) {
    const s = spans[i];
    const p = s.parent >= 0 ? spans[s.parent] : undefined;
    out[i] = p && (s.followsFrom || (p.kind === 'producer' && s.kind === 'consumer')) ? 0 : 1;
  }
  return out;
}

/** Step 2: clipped start/end per span, in tree order (parents first); keep = 0 for dropped spans. */
function clipToParents(
  start: Float64Array,
  duration: Float64Array,
  parent: Int32Array,
  blocking: Uint8Array | undefined
) {
  const n = start.length;
  const keep = new Uint8Array(n);
  const cs = new Float64Array(n);
  const ce = new Float64Array(n);
  for (let i = 0; i < n; i++) {
    const p = parent[i];
    const s = start[i];
    const e = s + duration[i];
    if (p < 0) {
      keep[i] = 1;
      cs[i] = s;
      ce[i] = e;
      continue;
    }
    if (!keep[p] || (blocking && !blocking[i])) {
      continue;
    }
    const ps = cs[p];
    const pe = ce[p];
    if (s >= pe || (s < ps && e <= ps)) {
      continue;
    }
    keep[i] = 1;
    cs[i] = Math.max(s, ps);
    ce[i] = Math.min(e, pe);
  }
  return { keep, cs, ce };
}

/** Kept children of each span (CSR), in tree order. */
function keptChildren(parent: Int32Array, keep: Uint8Array) {
  const n = parent.length;
  const offset = new Int32Array(n + 1);
  for (let i = 0; i < n; i++) {
    if (keep[i] && parent[i] >= 0) {
      offset[parent[i] + 1]++;
    }
  }
  for (let i = 0; i < n; i++) {
    offset[i + 1] += offset[i];
  }
  const fill = offset.slice(0, n);
  const kids = new Int32Array(offset[n]);
  // Tree order: children are visited in order, so each list starts in tree order.
  for (let i = 0; i < n; i++) {
    if (keep[i] && parent[i] >= 0) {
      kids[fill[parent[i]]++] = i;
    }
  }
  return { offset, kids };
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
