import { applySeed, LAYER_GAP, type LayoutInput, type LayoutResult, ROW_GAP, withSize } from './types';

/** Nodes in reading order, grouped by namespace, on a near-square grid. */
export function gridLayout(input: LayoutInput): LayoutResult {
  const n = input.nodeCount;
  const ids = Array.from({ length: n }, (_, i) => i).sort((a, b) => input.groups[a] - input.groups[b] || a - b);
  const cols = Math.max(1, Math.ceil(Math.sqrt(n * (ROW_GAP / LAYER_GAP) * 2)));
  const positions = new Float64Array(2 * n);
  ids.forEach((v, j) => {
    positions[2 * v] = (j % cols) * (LAYER_GAP * 0.75);
    positions[2 * v + 1] = Math.floor(j / cols) * ROW_GAP * 1.2;
  });
  return withSize(applySeed(positions, input));
}
