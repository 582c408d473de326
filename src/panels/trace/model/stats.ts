import { type TraceColumns } from './columns';

export interface StatRow {
  readonly service: string;
  /** Empty when grouped by service. */
  readonly operation: string;
  readonly count: number;
  readonly totalMs: number;
  readonly avgMs: number;
  readonly minMs: number;
  readonly maxMs: number;
  readonly selfTotalMs: number;
  readonly selfAvgMs: number;
  readonly selfMinMs: number;
  readonly selfMaxMs: number;
  readonly errors: number;
}

/**
 * Self time per span: its duration minus the union of its children's time inside it (children overlap, and may
 * outlive the parent). Children are in start order in the tree, except after clock-skew adjustment, which moves
 * siblings on other services independently; only then is a parent's child list sorted before the running union.
 */
export function selfTimes(c: TraceColumns): Float64Array {
  const n = c.count;
  const self = new Float64Array(n);
  const kids: number[] = [];
  const byStart = (a: number, b: number) => c.start[a] - c.start[b];
  for (let p = 0; p < n; p++) {
    kids.length = 0;
    let sorted = true;
    for (let k = p + 1; k < c.subtreeEnd[p]; k = c.subtreeEnd[k]) {
      sorted = sorted && (kids.length === 0 || c.start[kids[kids.length - 1]] <= c.start[k]);
      kids.push(k);
    }
    if (!sorted) {
      kids.sort(byStart);
    }
    const ps = c.start[p];
    const pe = ps + c.duration[p];
    let covered = 0;
    let lastEnd = -Infinity;
    for (const k of kids) {
      const cs = Math.max(c.start[k], ps, lastEnd);
      const ce = Math.min(c.start[k] + c.duration[k], pe);
      if (ce > cs) {
        covered += ce - cs;
      }
      lastEnd = Math.max(lastEnd, ce);
    }
    self[p] = Math.max(0, c.duration[p] - covered);
  }
  return self;
}

/** Jaeger's Trace Statistics: per service or per service+operation, sorted by total time. */
export function traceStatistics(c: TraceColumns, groupBy: 'service' | 'operation'): StatRow[] {
  const self = selfTimes(c);
  interface Acc {
    service: number;
    operation: number;
    count: number;
    total: number;
    min: number;
    max: number;
    selfTotal: number;
    selfMin: number;
    selfMax: number;
    errors: number;
  }
  const groups = new Map<number, Acc>();
  const ops = c.operations.length;
  for (let i = 0; i < c.count; i++) {
    const key = groupBy === 'service' ? c.service[i] : c.service[i] * ops + c.operation[i];
    let g = groups.get(key);
    if (!g) {
      g = { service: c.service[i], operation: c.operation[i], count: 0, total: 0, min: Infinity, max: -Infinity, selfTotal: 0, selfMin: Infinity, selfMax: -Infinity, errors: 0 };
      groups.set(key, g);
    }
    const d = c.duration[i];
    g.count++;
    g.total += d;
    g.min = Math.min(g.min, d);
    g.max = Math.max(g.max, d);
    g.selfTotal += self[i];
    g.selfMin = Math.min(g.selfMin, self[i]);
    g.selfMax = Math.max(g.selfMax, self[i]);
    g.errors += c.errorPrefix[i + 1] - c.errorPrefix[i];
  }
  return [...groups.values()]
    .map((g) => ({
      service: c.services[g.service],
      operation: groupBy === 'service' ? '' : c.operations[g.operation],
      count: g.count,
      totalMs: g.total,
      avgMs: g.total / g.count,
      minMs: g.min,
      maxMs: g.max,
      selfTotalMs: g.selfTotal,
      selfAvgMs: g.selfTotal / g.count,
      selfMinMs: g.selfMin,
      selfMaxMs: g.selfMax,
      errors: g.errors,
    }))
    .sort((a, b) => b.totalMs - a.totalMs);
}
