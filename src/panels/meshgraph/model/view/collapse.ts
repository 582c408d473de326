import { type HealthStatus } from '../mesh/health';
import { type ViewEdge, type ViewGraph, type ViewNode } from './types';

const RANK: Record<HealthStatus, number> = { idle: 0, healthy: 1, degraded: 2, failure: 3 };
const worst = (a: HealthStatus, b: HealthStatus) => (RANK[b] > RANK[a] ? b : a);

export const namespaceBoxId = (cluster: string, namespace: string) => `ns:${cluster}/${namespace}`;

export interface CollapseResult extends ViewGraph {
  /** Edges inside a collapsed namespace (drawn as part of the box, counted). */
  readonly internalEdges: number;
}

/**
 * Keeps the drawn graph under a node budget by folding whole namespaces into one node each, largest
 * first, never the ones the user expanded. Nothing disappears silently: each box says how many nodes
 * it holds, merged edges say how many they carry, and edges inside a box are counted.
 */
export function collapseToBudget(g: ViewGraph, budget: number, expanded: ReadonlySet<string>): CollapseResult {
  if (g.nodes.length <= budget) {
    return { ...g, internalEdges: 0 };
  }
  const groups = new Map<string, ViewNode[]>();
  for (const n of g.nodes) {
    if (n.namespace === '' || n.namespace === 'unknown') {
      continue;
    }
    const key = namespaceBoxId(n.cluster, n.namespace);
    const list = groups.get(key);
    if (list) {
      list.push(n);
    } else {
      groups.set(key, [n]);
    }
  }
  const candidates = [...groups.entries()].filter(([key, members]) => !expanded.has(key) && members.length > 1).sort((a, b) => b[1].length - a[1].length);
  const boxOf = new Map<string, string>();
  let count = g.nodes.length;
  const chosen: Array<[string, ViewNode[]]> = [];
  for (const [key, members] of candidates) {
    if (count <= budget) {
      break;
    }
    chosen.push([key, members]);
    members.forEach((m) => boxOf.set(m.id, key));
    count -= members.length - 1;
  }
  const boxes: ViewNode[] = chosen.map(([key, members]) => {
    const health = members.reduce<HealthStatus>((h, m) => worst(h, m.health), 'idle');
    const unhealthy = members.filter((m) => m.health === 'degraded' || m.health === 'failure').length;
    return {
      id: key,
      title: members[0].namespace,
      subtitle: members[0].cluster,
      shape: 'hexagon',
      health,
      reasons: unhealthy > 0 ? [`${unhealthy} of ${members.length} nodes degraded or failing`] : [],
      cluster: members[0].cluster,
      namespace: members[0].namespace,
      flags: new Set(),
      collapsed: { kind: 'namespace', members: members.length },
    };
  });
  const nodes = [...g.nodes.filter((n) => !boxOf.has(n.id)), ...boxes];
  const merged = new Map<string, ViewEdge>();
  let internalEdges = 0;
  const edges: ViewEdge[] = [];
  for (const e of g.edges) {
    const source = boxOf.get(e.source) ?? e.source;
    const target = boxOf.get(e.target) ?? e.target;
    if (source === e.source && target === e.target) {
      edges.push(e);
      continue;
    }
    if (source === target) {
      internalEdges++;
      continue;
    }
    const id = `${source}->${target}:${e.protocol}`;
    const prev = merged.get(id);
    merged.set(
      id,
      prev
        ? { ...prev, rate: prev.rate + e.rate, health: worst(prev.health, e.health), merged: (prev.merged ?? 1) + 1, label: '' }
        : { ...e, id, source, target, merged: 1, label: '', mesh: undefined, reasons: [], percentReq: 0, responseTime: undefined, throughput: undefined }
    );
  }
  edges.push(...merged.values());
  return {
    nodes,
    edges,
    collapsed: chosen.map(([id, members]) => ({ id, namespace: members[0].namespace, cluster: members[0].cluster, members: members.length })),
    internalEdges,
  };
}
