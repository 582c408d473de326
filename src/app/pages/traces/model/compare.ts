import { type DataFrame, type Field } from '@grafana/data';

export interface CompareRow {
  service: string;
  operation: string;
  countA: number;
  countB: number;
  totalMsA: number;
  totalMsB: number;
}

export interface TraceComparison {
  rows: CompareRow[];
  spansA: number;
  spansB: number;
  durationMsA: number;
  durationMsB: number;
}

function field(frame: DataFrame | undefined, name: string): Field | undefined {
  return frame?.fields.find((f) => f.name === name);
}

interface Side {
  groups: Map<string, { service: string; operation: string; count: number; totalMs: number }>;
  spans: number;
  durationMs: number;
}

function side(frame: DataFrame | undefined): Side {
  const groups: Side['groups'] = new Map();
  const service = field(frame, 'serviceName')?.values ?? [];
  const operation = field(frame, 'operationName')?.values ?? [];
  const start = field(frame, 'startTime')?.values ?? [];
  const duration = field(frame, 'duration')?.values ?? [];
  let first = Infinity;
  let last = -Infinity;
  for (let i = 0; i < (frame?.length ?? 0); i++) {
    const s = String(service[i] ?? '');
    const o = String(operation[i] ?? '');
    const d = Number(duration[i]) || 0;
    const key = `${s}\u0000${o}`;
    const g = groups.get(key) ?? { service: s, operation: o, count: 0, totalMs: 0 };
    g.count++;
    g.totalMs += d;
    groups.set(key, g);
    const st = Number(start[i]);
    if (Number.isFinite(st)) {
      first = Math.min(first, st);
      last = Math.max(last, st + d);
    }
  }
  return { groups, spans: frame?.length ?? 0, durationMs: Number.isFinite(first) ? last - first : 0 };
}

/**
 * Two traces side by side by structure: spans grouped by service and operation, with count and
 * summed duration in each; biggest duration change first. Pure; reads Grafana trace frames (ms).
 */
export function compareTraces(a: DataFrame | undefined, b: DataFrame | undefined): TraceComparison {
  const sa = side(a);
  const sb = side(b);
  const keys = new Set([...sa.groups.keys(), ...sb.groups.keys()]);
  const rows = [...keys].map((k): CompareRow => {
    const ga = sa.groups.get(k);
    const gb = sb.groups.get(k);
    return {
      service: (ga ?? gb)!.service,
      operation: (ga ?? gb)!.operation,
      countA: ga?.count ?? 0,
      countB: gb?.count ?? 0,
      totalMsA: ga?.totalMs ?? 0,
      totalMsB: gb?.totalMs ?? 0,
    };
  });
  rows.sort(
    (x, y) =>
      Math.abs(y.totalMsB - y.totalMsA) - Math.abs(x.totalMsB - x.totalMsA) ||
      x.service.localeCompare(y.service) ||
      x.operation.localeCompare(y.operation)
  );
  return { rows, spansA: sa.spans, spansB: sb.spans, durationMsA: sa.durationMs, durationMsB: sb.durationMs };
}
