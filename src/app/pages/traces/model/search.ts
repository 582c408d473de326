import { FieldType, type DataFrame } from '@grafana/data';

export {
  EMPTY_SEARCH,
  toJaegerSearchQuery,
  toSearchQuery,
  toTempoSearchQuery,
  validateSearch,
  type TraceSearch,
} from './searchQuery';

export interface TraceHit {
  traceId: string;
  name: string;
  startMs: number;
  durationMs: number;
  /** Tempo's search carries the root span's service and how many spans matched the query. */
  rootService?: string;
  matchedSpans?: number;
}

/** Spans in Tempo's nested spanset frames (one per spanset that matched). */
function matched(nested: unknown): number | undefined {
  return Array.isArray(nested)
    ? nested.reduce((n: number, f: DataFrame | undefined) => n + (f?.length ?? 0), 0)
    : undefined;
}

/**
 * Reads the search result table: Jaeger's (traceID, traceName, startTime, duration) or Tempo's (traceID,
 * startTime, traceService, traceName, traceDuration — '<1ms' when Tempo rounds to zero — and nested spansets).
 */
export function parseSearchResults(frames: readonly DataFrame[]): { hits: TraceHit[]; dropped: number } {
  const hits: TraceHit[] = [];
  let dropped = 0;
  for (const frame of frames) {
    const field = (name: string) => frame.fields.find((f) => f.name.toLowerCase() === name.toLowerCase());
    const id = field('traceID');
    if (!id) {
      continue;
    }
    const name = field('traceName');
    const start = field('startTime');
    const duration = field('duration') ?? field('traceDuration');
    const service = field('traceService');
    const nested = field('nested');
    for (let i = 0; i < frame.length; i++) {
      const traceId = String(id.values[i] ?? '');
      const startMs = Number(start?.values[i]);
      const rawDuration = duration?.values[i];
      const durationMs = rawDuration === '<1ms' ? 0 : Number(rawDuration);
      if (!traceId || !Number.isFinite(startMs) || !Number.isFinite(durationMs)) {
        dropped++;
        continue;
      }
      const hit: TraceHit = { traceId, name: String(name?.values[i] ?? ''), startMs, durationMs };
      if (service) {
        hit.rootService = String(service.values[i] ?? '');
        hit.name = hit.name && hit.rootService ? `${hit.rootService}: ${hit.name}` : hit.name || hit.rootService;
      }
      const spans = nested ? matched(nested.values[i]) : undefined;
      if (spans !== undefined) {
        hit.matchedSpans = spans;
      }
      hits.push(hit);
    }
  }
  hits.sort((a, b) => b.startMs - a.startMs);
  return { hits, dropped };
}

/** Scatter positions (duration over time) inside width × height, with margins for the axes left to the caller. */
export function scatterPoints(
  hits: readonly TraceHit[],
  width: number,
  height: number
): Array<{ x: number; y: number; hit: TraceHit }> {
  if (hits.length === 0) {
    return [];
  }
  const t0 = Math.min(...hits.map((h) => h.startMs));
  const t1 = Math.max(...hits.map((h) => h.startMs));
  const dMax = Math.max(...hits.map((h) => h.durationMs)) || 1;
  return hits.map((hit) => ({
    x: t1 === t0 ? width / 2 : ((hit.startMs - t0) / (t1 - t0)) * width,
    y: height - (hit.durationMs / dMax) * height,
    hit,
  }));
}

/** A frame carrying a trace file's text in a string field: the trace panel reads Jaeger, Zipkin or OTLP JSON from it. */
export function fileFrame(fileName: string, text: string): DataFrame {
  return {
    name: fileName,
    length: 1,
    fields: [{ name: 'trace', type: FieldType.string, values: [text], config: {} }],
  };
}
