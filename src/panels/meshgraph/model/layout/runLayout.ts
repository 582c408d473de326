import { forceLayout } from './force';
import { gridLayout } from './grid';
import { layeredLayout } from './layered';
import { type LayoutAlgorithm, type LayoutInput, type LayoutResult } from './types';

export function runLayout(algorithm: LayoutAlgorithm, input: LayoutInput): LayoutResult {
  switch (algorithm) {
    case 'force':
      return forceLayout(input);
    case 'grid':
      return gridLayout(input);
    default:
      return layeredLayout(input);
  }
}

/** The layout input for a graph, with previous and pinned positions as the seed. */
export function layoutInput(
  nodes: ReadonlyArray<{ id: string; namespace: string }>,
  edges: ReadonlyArray<{ source: string; target: string }>,
  previous: ReadonlyMap<string, { x: number; y: number }>
): LayoutInput {
  const index = new Map<string, number>();
  nodes.forEach((node, i) => index.set(node.id, i));
  const groupIndex = new Map<string, number>();
  const groups = new Int32Array(nodes.length);
  nodes.forEach((node, i) => {
    if (!groupIndex.has(node.namespace)) {
      groupIndex.set(node.namespace, groupIndex.size);
    }
    groups[i] = groupIndex.get(node.namespace)!;
  });
  const pairs: number[] = [];
  for (const e of edges) {
    const s = index.get(e.source);
    const t = index.get(e.target);
    if (s !== undefined && t !== undefined) {
      pairs.push(s, t);
    }
  }
  let seed: Float64Array | undefined;
  if (previous.size > 0) {
    seed = new Float64Array(2 * nodes.length).fill(NaN);
    nodes.forEach((node, i) => {
      const p = previous.get(node.id);
      if (p) {
        seed![2 * i] = p.x;
        seed![2 * i + 1] = p.y;
      }
    });
  }
  return { nodeCount: nodes.length, edges: Int32Array.from(pairs), groups, seed };
}
