import { NODE_RADIUS } from './drawScene';
import { type PreparedScene } from './prepareScene';

/** The node under a world point (last drawn wins), or -1. Linear: a click is rare, 5,000 checks are cheap. */
export function nodeAt(xy: Float64Array, count: number, x: number, y: number, slack: number): number {
  const r2 = (NODE_RADIUS + slack) ** 2;
  for (let i = count - 1; i >= 0; i--) {
    const dx = xy[2 * i] - x;
    const dy = xy[2 * i + 1] - y;
    if (dx * dx + dy * dy <= r2) {
      return i;
    }
  }
  return -1;
}

/** The edge within `tolerance` world units of a point, or -1. */
export function edgeAt(ps: PreparedScene, xy: Float64Array, x: number, y: number, tolerance: number): number {
  let best = -1;
  let bestD = tolerance * tolerance;
  for (let j = 0; j < ps.edgeSrc.length; j++) {
    const a = ps.edgeSrc[j];
    const b = ps.edgeDst[j];
    if (a < 0 || b < 0 || a === b) {
      continue;
    }
    const ax = xy[2 * a];
    const ay = xy[2 * a + 1];
    const dx = xy[2 * b] - ax;
    const dy = xy[2 * b + 1] - ay;
    const len2 = dx * dx + dy * dy || 1;
    const t = Math.max(0, Math.min(1, ((x - ax) * dx + (y - ay) * dy) / len2));
    const px = ax + t * dx - x;
    const py = ay + t * dy - y;
    const d = px * px + py * py;
    if (d < bestD) {
      bestD = d;
      best = j;
    }
  }
  return best;
}
