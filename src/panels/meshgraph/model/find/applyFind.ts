import { type ViewGraph } from '../view/types';
import { type FindMatcher } from './findExpression';

export interface HideResult {
  graph: ViewGraph;
  hiddenNodes: number;
  /** Edges hidden by the expression itself. */
  hiddenEdges: number;
  /** Edges that went with a hidden node. */
  edgesOfHiddenNodes: number;
}

/** Removes what the hide expression matches; every removal is counted. */
export function applyHide(g: ViewGraph, m: FindMatcher): HideResult {
  if (!m.node && !m.edge) {
    return { graph: g, hiddenNodes: 0, hiddenEdges: 0, edgesOfHiddenNodes: 0 };
  }
  const nodes = m.node ? g.nodes.filter((n) => !m.node!(n)) : g.nodes;
  const kept = new Set(nodes.map((n) => n.id));
  let edgesOfHiddenNodes = 0;
  let hiddenEdges = 0;
  const edges = g.edges.filter((e) => {
    if (!kept.has(e.source) || !kept.has(e.target)) {
      edgesOfHiddenNodes++;
      return false;
    }
    if (m.edge?.(e)) {
      hiddenEdges++;
      return false;
    }
    return true;
  });
  return { graph: { ...g, nodes, edges }, hiddenNodes: g.nodes.length - nodes.length, hiddenEdges, edgesOfHiddenNodes };
}

/** Ids the find expression highlights. */
export function findMatches(g: ViewGraph, m: FindMatcher): Set<string> {
  const ids = new Set<string>();
  if (m.node) {
    g.nodes.forEach((n) => m.node!(n) && ids.add(n.id));
  }
  if (m.edge) {
    g.edges.forEach((e) => m.edge!(e) && ids.add(e.id));
  }
  return ids;
}
