import { formatFocus, parseFocus, type FocusKind, type GraphFocus } from '../../../../shared/links/appUrls';
import { type NodeType } from '../mesh/types';
import { type ViewGraph, type ViewNode } from './types';

/** What the focus did, without the graph. */
export type FocusInfo =
  | { status: 'none' }
  /** Malformed text or nothing matches: the full graph, and a message saying why. */
  | { status: 'invalid' | 'unmatched'; text: string }
  | { status: 'focused'; text: string; focused: number; hiddenNodes: number; hiddenEdges: number; totalNodes: number };

export type FocusResult = FocusInfo & { graph: ViewGraph };

const NODE_TYPE: Record<FocusKind, NodeType> = { app: 'app', service: 'service', workload: 'workload' };

/** The node's name for a focus kind: its service, app or workload label (node-graph frames: the title). */
function nameFor(n: ViewNode, kind: FocusKind): string | undefined {
  if (!n.mesh) {
    return n.title;
  }
  return kind === 'service' ? n.mesh.service : kind === 'app' ? n.mesh.app : n.mesh.workload;
}

/**
 * The focused nodes: the nodes of the focus kind with that name in that namespace, in any cluster; when the
 * graph type has none of that kind (a workload focus on an app graph), the nodes whose identity carries
 * the name (the app node backed by that workload).
 */
export function focusedNodes(graph: ViewGraph, focus: GraphFocus): ViewNode[] {
  const inNamespace = graph.nodes.filter((n) => n.namespace === focus.namespace || (!n.mesh && n.namespace === ''));
  const exact = inNamespace.filter((n) => (!n.mesh || n.mesh.nodeType === NODE_TYPE[focus.kind]) && nameFor(n, focus.kind) === focus.name);
  if (exact.length > 0) {
    return exact;
  }
  const byKind = inNamespace.filter((n) => nameFor(n, focus.kind) === focus.name);
  if (byKind.length > 0) {
    return byKind;
  }
  return inNamespace.filter((n) => n.mesh && [n.mesh.app, n.mesh.workload, n.mesh.service].includes(focus.name));
}

/**
 * The focused node(s), their direct callers and callees, and the edges touching the focused nodes; every
 * other node and edge is counted as hidden. Pure: the input graph is not changed.
 */
export function applyFocus(graph: ViewGraph, text: string): FocusResult {
  const trimmed = text.trim();
  if (trimmed === '') {
    return { status: 'none', graph };
  }
  const focus = parseFocus(trimmed);
  if (!focus) {
    return { status: 'invalid', graph, text: trimmed };
  }
  const centre = new Set(focusedNodes(graph, focus).map((n) => n.id));
  if (centre.size === 0) {
    return { status: 'unmatched', graph, text: formatFocus(focus) };
  }
  const edges = graph.edges.filter((e) => centre.has(e.source) || centre.has(e.target));
  const keep = new Set(centre);
  for (const e of edges) {
    keep.add(e.source);
    keep.add(e.target);
  }
  const nodes = graph.nodes.filter((n) => keep.has(n.id));
  return {
    status: 'focused',
    graph: { nodes, edges, collapsed: graph.collapsed.filter((c) => keep.has(c.id)) },
    text: formatFocus(focus),
    focused: centre.size,
    hiddenNodes: graph.nodes.length - nodes.length,
    hiddenEdges: graph.edges.length - edges.length,
    totalNodes: graph.nodes.length,
  };
}
