import { type HealthStatus, worseStatus as worst } from '../../../../shared/health';
import { type ViewEdge, type ViewGraph, type ViewNode } from './types';

export const namespaceBoxId = (cluster: string, namespace: string) => `ns:${cluster}/${namespace}`;
export const appBoxId = (cluster: string, namespace: string, app: string) => `app:${cluster}/${namespace}/${app}`;

export type CollapseBy = 'namespace' | 'app';

/** The box a node folds into: its namespace, or its app (versions and the app's service together). */
function boxKey(n: ViewNode, by: CollapseBy): string | undefined {
  if (n.namespace === '' || n.namespace === 'unknown' || n.collapsed) {
    return undefined;
  }
  if (by === 'namespace') {
    return namespaceBoxId(n.cluster, n.namespace);
  }
  const app = n.mesh?.app || n.mesh?.service;
  return app && app !== 'unknown' ? appBoxId(n.cluster, n.namespace, app) : undefined;
}

export interface CollapseResult extends ViewGraph {
  /** Edges inside a collapsed namespace (drawn as part of the box, counted). */
  readonly internalEdges: number;
}

/**
 * Keeps the drawn graph under a node budget by folding whole namespaces into one node each, largest
 * first, never the ones the user expanded. Nothing disappears silently: each box says how many nodes
 * it holds, merged edges say how many they carry, and edges inside a box are counted.
 */
export function collapseToBudget(g: ViewGraph, budget: number, expanded: ReadonlySet<string>, by: CollapseBy = 'namespace'): CollapseResult {
  if (g.nodes.length <= budget) {
    return { ...g, internalEdges: 0 };
  }
  const groups = new Map<string, ViewNode[]>();
  for (const n of g.nodes) {
    const key = boxKey(n, by);
    if (key === undefined) {
      continue;
    }
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
      title: by === 'namespace' ? members[0].namespace : key.split('/').pop()!,
      subtitle: by === 'namespace' ? members[0].cluster : members[0].namespace,
      shape: 'hexagon',
      health,
      reasons: unhealthy > 0 ? [`${unhealthy} of ${members.length} nodes degraded or failing`] : [],
      cluster: members[0].cluster,
      namespace: members[0].namespace,
      flags: new Set(),
      collapsed: { kind: by, members: members.length },
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
