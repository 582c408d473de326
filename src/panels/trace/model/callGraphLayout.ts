import { type CallGraphEdge, type CallGraphNode } from './callGraph';

export interface PlacedNode extends CallGraphNode {
  readonly x: number;
  readonly y: number;
}

/**
 * Columns by call distance from the root services (BFS, so cycles terminate), rows in input order.
 * Coordinates are in a unit grid: x = column, y = row.
 */
export function layoutCallGraph(nodes: readonly CallGraphNode[], edges: readonly CallGraphEdge[], rootService: string): PlacedNode[] {
  const out = new Map<string, string[]>();
  const indegree = new Map<string, number>();
  for (const e of edges) {
    out.set(e.source, [...(out.get(e.source) ?? []), e.target]);
    indegree.set(e.target, (indegree.get(e.target) ?? 0) + 1);
  }
  const column = new Map<string, number>();
  const queue = nodes.filter((n) => n.service === rootService || !indegree.get(n.service)).map((n) => n.service);
  queue.forEach((s) => column.set(s, 0));
  for (let k = 0; k < queue.length; k++) {
    const s = queue[k];
    for (const tgt of out.get(s) ?? []) {
      if (!column.has(tgt)) {
        column.set(tgt, column.get(s)! + 1);
        queue.push(tgt);
      }
    }
  }
  const rows = new Map<number, number>();
  return nodes.map((n) => {
    const x = column.get(n.service) ?? 0;
    const y = rows.get(x) ?? 0;
    rows.set(x, y + 1);
    return { ...n, x, y };
  });
}
