import { type TraceColumns } from './columns';

export interface CallGraphNode {
  readonly service: string;
  readonly spans: number;
  readonly errors: number;
}

export interface CallGraphEdge {
  readonly source: string;
  readonly target: string;
  /** Parent→child span pairs crossing from source to target. */
  readonly calls: number;
  readonly errors: number;
  readonly totalMs: number;
}

/** Service-level call graph: one node per service, one edge per (parent service → child service) with counts. */
export function serviceCallGraph(c: TraceColumns): { nodes: CallGraphNode[]; edges: CallGraphEdge[] } {
  const nodeSpans = new Int32Array(c.services.length);
  const nodeErrors = new Int32Array(c.services.length);
  const edges = new Map<number, { calls: number; errors: number; totalMs: number }>();
  const m = c.services.length;
  for (let i = 0; i < c.count; i++) {
    const s = c.service[i];
    const err = c.errorPrefix[i + 1] - c.errorPrefix[i];
    nodeSpans[s]++;
    nodeErrors[s] += err;
    const p = c.parent[i];
    if (p >= 0 && c.service[p] !== s) {
      const key = c.service[p] * m + s;
      const e = edges.get(key) ?? { calls: 0, errors: 0, totalMs: 0 };
      e.calls++;
      e.errors += err;
      e.totalMs += c.duration[i];
      edges.set(key, e);
    }
  }
  return {
    nodes: c.services.map((service, k) => ({ service, spans: nodeSpans[k], errors: nodeErrors[k] })),
    edges: [...edges.entries()]
      .map(([key, e]) => ({ source: c.services[Math.floor(key / m)], target: c.services[key % m], ...e }))
      .sort((a, b) => b.calls - a.calls),
  };
}
