import { type GraphLayout, type MeshGraph, type PositionedNode } from './types';

export const LAYER_GAP = 220;
export const ROW_GAP = 90;

/**
 * Left-to-right layout: a node's layer is its breadth-first distance from the traffic sources
 * (nodes without inbound edges), so cycles cannot loop; rows are ordered by the mean row of
 * their callers to reduce crossings. Linear in nodes + edges.
 */
export function layeredLayout(graph: MeshGraph): GraphLayout {
  const incoming = new Map<string, number>();
  const outgoing = new Map<string, string[]>();
  const callers = new Map<string, string[]>();
  for (const node of graph.nodes) {
    incoming.set(node.id, 0);
  }
  for (const edge of graph.edges) {
    if (edge.source === edge.target) {
      continue;
    }
    incoming.set(edge.target, (incoming.get(edge.target) ?? 0) + 1);
    outgoing.set(edge.source, [...(outgoing.get(edge.source) ?? []), edge.target]);
    callers.set(edge.target, [...(callers.get(edge.target) ?? []), edge.source]);
  }

  const layer = new Map<string, number>();
  const queue: string[] = graph.nodes.filter((n) => incoming.get(n.id) === 0).map((n) => n.id);
  // A graph made only of cycles still needs a start.
  if (queue.length === 0 && graph.nodes.length > 0) {
    queue.push(graph.nodes[0].id);
  }
  queue.forEach((id) => layer.set(id, 0));
  for (let head = 0; head < queue.length; head++) {
    const id = queue[head];
    for (const next of outgoing.get(id) ?? []) {
      if (!layer.has(next)) {
        layer.set(next, layer.get(id)! + 1);
        queue.push(next);
      }
    }
  }

  const layers: string[][] = [];
  for (const node of graph.nodes) {
    const l = layer.get(node.id) ?? 0;
    (layers[l] ??= []).push(node.id);
  }
  const row = new Map<string, number>();
  for (const ids of layers) {
    const mean = (id: string) => {
      const rows = (callers.get(id) ?? []).map((c) => row.get(c)).filter((r): r is number => r !== undefined);
      return rows.length ? rows.reduce((a, b) => a + b, 0) / rows.length : Infinity;
    };
    const ordered = [...ids].sort((a, b) => mean(a) - mean(b) || a.localeCompare(b));
    ordered.forEach((id, i) => row.set(id, i));
  }

  const tallest = Math.max(1, ...layers.map((ids) => ids?.length ?? 0));
  const nodes: PositionedNode[] = graph.nodes.map((node) => {
    const l = layer.get(node.id) ?? 0;
    const size = layers[l].length;
    // Centre short layers against the tallest one.
    const offset = ((tallest - size) * ROW_GAP) / 2;
    return { ...node, x: l * LAYER_GAP + LAYER_GAP / 2, y: offset + row.get(node.id)! * ROW_GAP + ROW_GAP / 2 };
  });
  return { nodes, width: Math.max(layers.length, 1) * LAYER_GAP, height: tallest * ROW_GAP };
}
