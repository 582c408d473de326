import { type ViewGraph } from '../../model/view/types';
import { type PreparedScene, SHAPES } from './prepareScene';

/** Node radius in world units; hit testing and drawing share it. */
export const NODE_RADIUS = 16;

export interface SceneState {
  graph: ViewGraph;
  prepared: PreparedScene;
  xy: Float64Array;
  selected?: string;
  matches: ReadonlySet<string>;
  showMtls: boolean;
  namespaceBoxes: boolean;
  /** Seconds, for traffic animation; undefined when off. */
  time?: number;
}

/** Kiali's node shapes as a canvas path (added to the current path, so many nodes fill at once). */
export function shapePath(ctx: CanvasRenderingContext2D, shape: number, x: number, y: number, r: number) {
  switch (SHAPES[shape]) {
    case 'square':
      ctx.rect(x - r, y - r, 2 * r, 2 * r);
      break;
    case 'triangle':
      ctx.moveTo(x, y - r * 1.15);
      ctx.lineTo(x + r * 1.1, y + r * 0.85);
      ctx.lineTo(x - r * 1.1, y + r * 0.85);
      ctx.closePath();
      break;
    case 'plate':
      ctx.moveTo(x - r * 0.7, y - r * 0.8);
      ctx.lineTo(x + r * 0.7, y - r * 0.8);
      ctx.lineTo(x + r * 1.1, y + r * 0.8);
      ctx.lineTo(x - r * 1.1, y + r * 0.8);
      ctx.closePath();
      break;
    case 'hexagon':
      for (let a = 0; a < 6; a++) {
        const t = (Math.PI / 3) * a;
        const px = x + r * 1.6 * Math.cos(t);
        const py = y + r * 1.6 * Math.sin(t);
        a === 0 ? ctx.moveTo(px, py) : ctx.lineTo(px, py);
      }
      ctx.closePath();
      break;
    default:
      ctx.moveTo(x + r, y);
      ctx.arc(x, y, r, 0, Math.PI * 2);
  }
}
