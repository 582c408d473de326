/**
 * Node titles are centred under their node; at a fitted zoom, long names (`istio-ingressgateway latest`) ran into
 * the next node's. Each title gets the room to its nearest neighbour on the same text line and is shortened in the
 * middle to fit (`istio-ing…latest`: both the name's start and its version suffix stay), never drawn over
 * another. The caller counts what was shortened, for the footer.
 */

/**
 * Horizontal room (world units) of each listed node: the distance to the nearest other listed node whose title
 * line is within `band` vertically; Infinity when it has none. Sorted by y, so O(n log n + n · neighbours).
 */
export function titleRoom(xy: Float64Array, nodes: readonly number[], band: number): Map<number, number> {
  const room = new Map<number, number>(nodes.map((i) => [i, Infinity]));
  const byY = [...nodes].sort((a, b) => xy[2 * a + 1] - xy[2 * b + 1]);
  for (let a = 0; a < byY.length; a++) {
    const i = byY[a];
    for (let b = a + 1; b < byY.length && xy[2 * byY[b] + 1] - xy[2 * i + 1] < band; b++) {
      const j = byY[b];
      const dx = Math.abs(xy[2 * i] - xy[2 * j]);
      room.set(i, Math.min(room.get(i)!, dx));
      room.set(j, Math.min(room.get(j)!, dx));
    }
  }
  return room;
}

const ELLIPSIS = '…';

/**
 * `text` if `measure(text)` fits in `maxWidth`, else the longest `head…tail` that does (head a little longer than
 * tail), or just the ellipsis when nothing else fits.
 */
export function fitTitle(text: string, maxWidth: number, measure: (s: string) => number): string {
  if (measure(text) <= maxWidth) {
    return text;
  }
  const chars = [...text];
  const cut = (n: number) => {
    const head = Math.ceil(n * 0.55);
    return chars.slice(0, head).join('') + ELLIPSIS + chars.slice(chars.length - (n - head)).join('');
  };
  let lo = 0;
  let hi = chars.length - 1;
  while (lo < hi) {
    const mid = Math.ceil((lo + hi) / 2);
    if (measure(cut(mid)) <= maxWidth) {
      lo = mid;
    } else {
      hi = mid - 1;
    }
  }
  return lo === 0 ? ELLIPSIS : cut(lo);
}
