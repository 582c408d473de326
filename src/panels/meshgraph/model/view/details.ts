import { type ViewEdge, type ViewGraph, type ViewNode } from './types';

export interface TrafficSummary {
  rps: number;
  errorPct: number;
  /** Rate-weighted mean of the edges' response times, when known. */
  responseTime?: number;
  /** Rate-weighted mTLS share, when known. */
  mtlsPct?: number;
  principals: string[];
  edges: number;
}

function summarise(edges: readonly ViewEdge[], principal: (e: ViewEdge) => string | undefined): TrafficSummary {
  let rps = 0;
  let errors = 0;
  let rtWeight = 0;
  let rt = 0;
  let mtlsWeight = 0;
  let mtls = 0;
  const principals = new Set<string>();
  for (const e of edges) {
    if (e.protocol === 'tcp') {
      continue;
    }
    rps += e.rate;
    errors += (e.rate * e.errorPct) / 100;
    if (e.responseTime !== undefined) {
      rt += e.responseTime * e.rate;
      rtWeight += e.rate;
    }
    if (e.mtlsPct !== undefined) {
      mtls += e.mtlsPct * e.rate;
      mtlsWeight += e.rate;
    }
    const p = principal(e);
    if (p) {
      principals.add(p);
    }
  }
  return {
    rps,
    errorPct: rps > 0 ? (errors / rps) * 100 : 0,
    responseTime: rtWeight > 0 ? rt / rtWeight : undefined,
    mtlsPct: mtlsWeight > 0 ? mtls / mtlsWeight : undefined,
    principals: [...principals],
    edges: edges.length,
  };
}

/** What the side panel shows for a node: inbound and outbound request traffic from its drawn edges. */
export function nodeSummary(graph: ViewGraph, node: ViewNode): { inbound: TrafficSummary; outbound: TrafficSummary } {
  const inbound = graph.edges.filter((e) => e.target === node.id && e.source !== node.id);
  const outbound = graph.edges.filter((e) => e.source === node.id && e.target !== node.id);
  return { inbound: summarise(inbound, (e) => e.mesh?.sourcePrincipal), outbound: summarise(outbound, (e) => e.mesh?.destPrincipal) };
}

/** Response codes of an edge as shares of its traffic, largest first (ties by code). */
export function responseShares(e: ViewEdge): Array<{ code: string; pct: number; flags: string; hosts: string }> {
  const responses = [...(e.mesh?.responses ?? [])];
  const total = responses.map(([, d]) => d).reduce((sum, d) => sum + Object.values(d.flags).reduce((a, b) => a + b, 0), 0);
  return responses
    .map(([code, d]) => {
      const v = Object.values(d.flags).reduce((a, b) => a + b, 0);
      return { code, pct: total > 0 ? (v / total) * 100 : 0, flags: Object.keys(d.flags).join(', '), hosts: Object.keys(d.hosts).join(', ') };
    })
    .sort((a, b) => b.pct - a.pct || (a.code < b.code ? -1 : a.code > b.code ? 1 : 0));
}
