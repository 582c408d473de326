import { layeredLayout } from './layered';
import { type LayoutInput, type LayoutResult, withSize } from './types';

const CELL = 120;

/**
 * Force-directed layout seeded with the layered one: springs along edges, repulsion only between
 * nodes in neighbouring grid cells (O(n) per step instead of O(n²)), a fixed number of cooling steps.
 * Pinned and previously placed nodes stay where they are.
 */
export function forceLayout(input: LayoutInput, iterations = 80): LayoutResult {
  const n = input.nodeCount;
  const pos = layeredLayout({ ...input, seed: undefined }).positions.slice();
  const fixed = new Uint8Array(n);
  for (let i = 0; i < n; i++) {
    const seeded = input.seed && !Number.isNaN(input.seed[2 * i]);
    if (seeded) {
      pos[2 * i] = input.seed![2 * i];
      pos[2 * i + 1] = input.seed![2 * i + 1];
    }
    fixed[i] = seeded || input.pinned?.[i] ? 1 : 0;
  }
  const disp = new Float64Array(2 * n);
  const cells = new Map<number, number[]>();
  let temperature = CELL;
  for (let it = 0; it < iterations; it++) {
    disp.fill(0);
    cells.clear();
    for (let i = 0; i < n; i++) {
      const key = Math.floor(pos[2 * i] / CELL) * 100003 + Math.floor(pos[2 * i + 1] / CELL);
      const list = cells.get(key);
      if (list) {
        list.push(i);
      } else {
        cells.set(key, [i]);
      }
    }
    for (let i = 0; i < n; i++) {
      const cx = Math.floor(pos[2 * i] / CELL);
      const cy = Math.floor(pos[2 * i + 1] / CELL);
      for (let dx = -1; dx <= 1; dx++) {
        for (let dy = -1; dy <= 1; dy++) {
          for (const j of cells.get((cx + dx) * 100003 + cy + dy) ?? []) {
            if (j <= i) {
              continue;
            }
            let ddx = pos[2 * i] - pos[2 * j];
            let ddy = pos[2 * i + 1] - pos[2 * j + 1];
            let d2 = ddx * ddx + ddy * ddy;
            if (d2 < 1) {
              ddx = ((i * 7919) % 13) - 6;
              ddy = ((j * 104729) % 13) - 6;
              d2 = ddx * ddx + ddy * ddy + 1;
            }
            const f = (CELL * CELL) / d2;
            disp[2 * i] += ddx * f * 0.05;
            disp[2 * i + 1] += ddy * f * 0.05;
            disp[2 * j] -= ddx * f * 0.05;
            disp[2 * j + 1] -= ddy * f * 0.05;
          }
        }
      }
    }
    const e = input.edges;
    for (let k = 0; k < e.length; k += 2) {
      const a = e[k];
      const b = e[k + 1];
      if (a === b) {
        continue;
      }
      const dx = pos[2 * b] - pos[2 * a];
      const dy = pos[2 * b + 1] - pos[2 * a + 1];
      const d = Math.sqrt(dx * dx + dy * dy) || 1;
      const f = (d - CELL * 1.5) / d / 8;
      disp[2 * a] += dx * f;
      disp[2 * a + 1] += dy * f;
      disp[2 * b] -= dx * f;
      disp[2 * b + 1] -= dy * f;
    }
    for (let i = 0; i < n; i++) {
      if (fixed[i]) {
        continue;
      }
      const dx = disp[2 * i];
      const dy = disp[2 * i + 1];
      const d = Math.sqrt(dx * dx + dy * dy);
      if (d > 0) {
        const step = Math.min(d, temperature);
        pos[2 * i] += (dx / d) * step;
        pos[2 * i + 1] += (dy / d) * step;
      }
    }
    temperature *= 0.95;
  }
  return withSize(pos);
}
