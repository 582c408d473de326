import { FieldType, type DataFrame } from '@grafana/data';

export interface TraceSearch {
  service: string;
  operation: string;
  /** logfmt, as Jaeger's search takes it: `http.status_code=500 error=true`. */
  tags: string;
  minDuration: string;
  maxDuration: string;
  limit: string;
}

export const EMPTY_SEARCH: TraceSearch = { service: '', operation: '', tags: '', minDuration: '', maxDuration: '', limit: '20' };

const DURATION = /^\d+(\.\d+)?(us|µs|ms|s|m|h)$/;

/** Problems with a search, by field, before anything is sent. */
export function validateSearch(s: TraceSearch): Partial<Record<keyof TraceSearch, string>> {
  const errors: Partial<Record<keyof TraceSearch, string>> = {};
  if (!s.service.trim()) {
    errors.service = 'Name a service to search its traces.';
  }
  for (const key of ['minDuration', 'maxDuration'] as const) {
    if (s[key].trim() && !DURATION.test(s[key].trim())) {
      errors[key] = 'A duration like 120ms, 1.5s or 300us.';
    }
  }
  const limit = Number(s.limit);
  if (!Number.isInteger(limit) || limit < 1 || limit > 1500) {
    errors.limit = 'A whole number from 1 to 1500.';
  }
  return errors;
}

/** The Jaeger data source's search query for Grafana (queryType "search"). */
export function toJaegerSearchQuery(s: TraceSearch) {
  return {
    refId: 'search',
    queryType: 'search',
    service: s.service.trim(),
    operation: s.operation.trim() || undefined,
    tags: s.tags.trim() || undefined,
    minDuration: s.minDuration.trim() || undefined,
    maxDuration: s.maxDuration.trim() || undefined,
    limit: Number(s.limit),
  };
}

export interface TraceHit {
  traceId: string;
  name: string;
  startMs: number;
  durationMs: number;
}

/** Reads the search result table (traceID, traceName, startTime, duration, as the Jaeger data source returns it). */
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
    const duration = field('duration');
    for (let i = 0; i < frame.length; i++) {
      const traceId = String(id.values[i] ?? '');
      const startMs = Number(start?.values[i]);
      const durationMs = Number(duration?.values[i]);
      if (!traceId || !Number.isFinite(startMs) || !Number.isFinite(durationMs)) {
        dropped++;
        continue;
      }
      hits.push({ traceId, name: String(name?.values[i] ?? ''), startMs, durationMs });
    }
  }
  hits.sort((a, b) => b.startMs - a.startMs);
  return { hits, dropped };
}

/** Scatter positions (duration over time) inside width × height, with margins for the axes left to the caller. */
export function scatterPoints(hits: readonly TraceHit[], width: number, height: number): Array<{ x: number; y: number; hit: TraceHit }> {
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
