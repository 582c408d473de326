import { bounds } from '../../model/layout/types';

/** World → screen: screen = world * k + (x, y). */
export interface Viewport {
  x: number;
  y: number;
  k: number;
}

export const MIN_ZOOM = 0.02;
export const MAX_ZOOM = 4;

/**
 * What a node draws beyond its centre, in world units: badges above (NODE_RADIUS + 14 + 6), title and subtitle
 * below (NODE_RADIUS + 25 + 6), half a typical title to each side. Fitting by centres alone cut the top row's
 * badges and the bottom row's names at the panel's edges.
 */
export const NODE_EXTENT = { top: 36, bottom: 47, side: 56 };

export function fitViewport(xy: Float64Array, width: number, height: number, margin = 24): Viewport {
  if (xy.length === 0) {
    return { x: width / 2, y: height / 2, k: 1 };
  }
  const b = bounds(xy);
  const [minX, maxX] = [b.minX - NODE_EXTENT.side, b.maxX + NODE_EXTENT.side];
  const [minY, maxY] = [b.minY - NODE_EXTENT.top, b.maxY + NODE_EXTENT.bottom];
  const w = Math.max(1, maxX - minX);
  const h = Math.max(1, maxY - minY);
  const k = Math.min(1.5, Math.max(MIN_ZOOM, Math.min((width - 2 * margin) / w, (height - 2 * margin) / h)));
  return { k, x: width / 2 - ((minX + maxX) / 2) * k, y: height / 2 - ((minY + maxY) / 2) * k };
}

export function zoomAt(v: Viewport, factor: number, sx: number, sy: number): Viewport {
  const k = Math.min(MAX_ZOOM, Math.max(MIN_ZOOM, v.k * factor));
  const f = k / v.k;
  return { k, x: sx - (sx - v.x) * f, y: sy - (sy - v.y) * f };
}

/** The world rectangle on screen, for culling. */
export function visibleWorld(v: Viewport, width: number, height: number, pad = 60) {
  return {
    x0: (-v.x - pad) / v.k,
    y0: (-v.y - pad) / v.k,
    x1: (width - v.x + pad) / v.k,
    y1: (height - v.y + pad) / v.k,
  };
}
