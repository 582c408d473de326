import { type ViewEdge, type ViewGraph, type ViewNode } from './types';

export type EdgeChange = 'new' | 'gone' | 'changed';

export interface CompareCounts {
  new: number;
  gone: number;
  changed: number;
}

/** What counts as a change between windows: error rate up or down by 5 points, latency or rate ×1.5 / ×2. */
const ERROR_POINTS = 5;
const LATENCY_RATIO = 1.5;
const RATE_RATIO = 2;

function changeReason(now: ViewEdge, before: ViewEdge): string | undefined {
  const reasons: string[] = [];
  if (Math.abs(now.errorPct - before.errorPct) >= ERROR_POINTS) {
    reasons.push(`errors ${before.errorPct.toFixed(1)} % → ${now.errorPct.toFixed(1)} %`);
  }
  if (now.responseTime !== undefined && before.responseTime !== undefined && before.responseTime > 0) {
    const r = now.responseTime / before.responseTime;
    if (r >= LATENCY_RATIO || r <= 1 / LATENCY_RATIO) {
      reasons.push(`response time ${Math.round(before.responseTime)} → ${Math.round(now.responseTime)} ms`);
    }
  }
  if (before.rate > 0 && now.rate > 0) {
    const r = now.rate / before.rate;
    if (r >= RATE_RATIO || r <= 1 / RATE_RATIO) {
      reasons.push(`rate ×${r.toFixed(2)}`);
    }
  }
  return reasons.length ? reasons.join(', ') : undefined;
}

/**
 * Now against an earlier window: edges only now are new, edges only then are gone (drawn as ghosts,
 * with their nodes if those are gone too), edges whose error rate, latency or rate moved are changed.
 * Edges and nodes are matched by id, which the model derives from the Istio labels.
 */
export function compareGraphs(now: ViewGraph, before: ViewGraph): { graph: ViewGraph; counts: CompareCounts } {
  const counts: CompareCounts = { new: 0, gone: 0, changed: 0 };
  const beforeEdges = new Map(before.edges.map((e) => [e.id, e]));
  const nowIds = new Set(now.edges.map((e) => e.id));
  const edges: ViewEdge[] = now.edges.map((e) => {
    const old = beforeEdges.get(e.id);
    if (!old) {
      counts.new++;
      return { ...e, change: 'new', changeReason: 'not in the earlier window' };
    }
    const reason = changeReason(e, old);
    if (reason) {
      counts.changed++;
      return { ...e, change: 'changed', changeReason: reason };
    }
    return e;
  });
  const nodeIds = new Set(now.nodes.map((n) => n.id));
  const ghosts: ViewNode[] = [];
  const beforeNodes = new Map(before.nodes.map((n) => [n.id, n]));
  for (const e of before.edges) {
    if (nowIds.has(e.id)) {
      continue;
    }
    counts.gone++;
    edges.push({ ...e, health: 'idle', rate: 0, label: '', change: 'gone', changeReason: 'only in the earlier window' });
    for (const id of [e.source, e.target]) {
      const n = beforeNodes.get(id);
      if (!nodeIds.has(id) && n) {
        nodeIds.add(id);
        ghosts.push({ ...n, health: 'idle', reasons: ['only in the earlier window'] });
      }
    }
  }
  return { graph: { ...now, nodes: [...now.nodes, ...ghosts], edges }, counts };
}
