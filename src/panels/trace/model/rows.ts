import { type TraceColumns } from './columns';

/** A row of the timeline: a span, or a placeholder standing for pruned spans. */
export interface Rows {
  /** Per row: a span index (>= 0), or -1 - k for placeholder k. */
  readonly items: Int32Array;
  readonly placeholderCount: Int32Array;
  readonly placeholderErrors: Int32Array;
  readonly placeholderDepth: Int32Array;
  /** Spans hidden inside collapsed rows that are visible. */
  readonly collapsedHidden: number;
  /** Spans in placeholder rows. */
  readonly prunedHidden: number;
  readonly visibleSpans: number;
}

/** Descendants of span i (all of them, whatever the filter). */
export const descendants = (c: TraceColumns, i: number) => c.subtreeEnd[i] - i - 1;

/** A subtree's error count, O(1). */
export const subtreeErrors = (c: TraceColumns, i: number, end = c.subtreeEnd[i]) => c.errorPrefix[end] - c.errorPrefix[i];

/**
 * Keeps every span that matches or has a matching descendant (ancestors stay for context).
 * Linear: children come after their parent in tree order, so one backward pass suffices.
 */
export function keepWithAncestors(c: TraceColumns, match: Uint8Array): Uint8Array {
  const keep = Uint8Array.from(match);
  for (let i = c.count - 1; i >= 0; i--) {
    if (keep[i] && c.parent[i] >= 0) {
      keep[c.parent[i]] = 1;
    }
  }
  return keep;
}

/**
 * Visible rows from collapse state and an optional keep mask. Pruned sibling subtrees merge into one
 * "N spans hidden" placeholder; collapsed rows hide their descendants. Every span is accounted for:
 * visibleSpans + prunedHidden + collapsedHidden = count.
 */
export function buildRows(c: TraceColumns, collapsed: Uint8Array, keep?: Uint8Array): Rows {
  const n = c.count;
  const items = new Int32Array(n);
  const pCount: number[] = [];
  const pErrors: number[] = [];
  const pDepth: number[] = [];
  let rows = 0;
  let collapsedHidden = 0;
  let prunedHidden = 0;
  let i = 0;
  while (i < n) {
    if (keep && !keep[i]) {
      const parent = c.parent[i];
      const first = i;
      while (i < n && !keep[i] && c.parent[i] === parent) {
        i = c.subtreeEnd[i];
      }
      pCount.push(i - first);
      pErrors.push(subtreeErrors(c, first, i));
      pDepth.push(c.depth[first]);
      prunedHidden += i - first;
      items[rows++] = -pCount.length;
      continue;
    }
    items[rows++] = i;
    if (collapsed[i] && c.subtreeEnd[i] > i + 1) {
      collapsedHidden += c.subtreeEnd[i] - i - 1;
      i = c.subtreeEnd[i];
    } else {
      i++;
    }
  }
  return {
    items: items.slice(0, rows),
    placeholderCount: Int32Array.from(pCount),
    placeholderErrors: Int32Array.from(pErrors),
    placeholderDepth: Int32Array.from(pDepth),
    collapsedHidden,
    prunedHidden,
    visibleSpans: n - collapsedHidden - prunedHidden,
  };
}

/** Collapse state helpers: all, none, one level deeper or shallower (Jaeger's `]` `[` `p` `o`). */
export function collapseAll(c: TraceColumns): Uint8Array {
  const out = new Uint8Array(c.count);
  for (let i = 0; i < c.count; i++) {
    out[i] = c.childCount[i] > 0 ? 1 : 0;
  }
  return out;
}

/** Collapses the deepest expanded level that has children. */
export function collapseOneLevel(c: TraceColumns, collapsed: Uint8Array): Uint8Array {
  let deepest = -1;
  for (let i = 0; i < c.count; i = collapsed[i] ? c.subtreeEnd[i] : i + 1) {
    if (c.childCount[i] > 0 && !collapsed[i]) {
      deepest = Math.max(deepest, c.depth[i]);
    }
  }
  const out = Uint8Array.from(collapsed);
  for (let i = 0; i < c.count; i++) {
    if (c.depth[i] === deepest && c.childCount[i] > 0) {
      out[i] = 1;
    }
  }
  return out;
}

/** Expands the shallowest collapsed level that is visible. */
export function expandOneLevel(c: TraceColumns, collapsed: Uint8Array): Uint8Array {
  let shallowest = Infinity;
  for (let i = 0; i < c.count; i = collapsed[i] ? c.subtreeEnd[i] : i + 1) {
    if (collapsed[i]) {
      shallowest = Math.min(shallowest, c.depth[i]);
    }
  }
  const out = Uint8Array.from(collapsed);
  for (let i = 0; i < c.count; i++) {
    if (c.depth[i] === shallowest) {
      out[i] = 0;
    }
  }
  return out;
}

/** Expands the ancestors of span i so it becomes visible (used when jumping to a find match). */
export function revealSpan(c: TraceColumns, collapsed: Uint8Array, i: number): Uint8Array {
  let p = c.parent[i];
  let changed = false;
  const out = Uint8Array.from(collapsed);
  while (p >= 0) {
    if (out[p]) {
      out[p] = 0;
      changed = true;
    }
    p = c.parent[p];
  }
  return changed ? out : collapsed;
}
