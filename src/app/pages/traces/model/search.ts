import { FieldType, type DataFrame } from '@grafana/data';
import { parsePeer } from '../../../../shared/traces/istioNaming';
import { type TraceSourceKind } from '../../../../shared/traces/traceSource';
import { parseAttributes, traceqlQuery } from './traceql';

export interface TraceSearch {
  service: string;
  operation: string;
  /** logfmt, as Jaeger's search takes it: `http.status_code=500 error=true`. */
  tags: string;
  minDuration: string;
  maxDuration: string;
  limit: string;
  /** `<service>.<namespace>` of a Kubernetes service: only traces with a call from `service` to it (a mesh edge). */
  peer: string;
}

export const EMPTY_SEARCH: TraceSearch = {
  service: '',
  operation: '',
  tags: '',
  minDuration: '',
  maxDuration: '',
  limit: '20',
  peer: '',
};

const DURATION = /^\d+(\.\d+)?(us|µs|ms|s|m|h)$/;

/**
 * Problems with a search, by field, before anything is sent. The service is optional where the data source
 * can search without one (Tempo); Jaeger's search API requires it.
 */
export function validateSearch(s: TraceSearch, kind?: TraceSourceKind): Partial<Record<keyof TraceSearch, string>> {
  const errors: Partial<Record<keyof TraceSearch, string>> = {};
  if (!s.service.trim() && kind !== 'tempo') {
    errors.service = "Jaeger's search needs a service: pick one from the list.";
  }
  if (s.peer.trim()) {
    if (!parsePeer(s.peer)) {
      errors.peer = `"${s.peer}" is not a Kubernetes service as <service>.<namespace>.`;
    } else if (!s.service.trim()) {
      errors.service = 'Name the calling service to find its calls to the peer.';
    }
  }
  for (const key of ['minDuration', 'maxDuration'] as const) {
    if (s[key].trim() && !DURATION.test(s[key].trim())) {
      errors[key] = 'A duration like 120ms, 1.5s or 300us.';
    }
  }
  const attributes = parseAttributes(s.tags);
  if ('error' in attributes) {
    errors.tags = attributes.error;
  }
  const limit = Number(s.limit);
  if (!Number.isInteger(limit) || limit < 1 || limit > 1500) {
    errors.limit = 'A whole number from 1 to 1500.';
  }
  return errors;
}

/**
 * The Jaeger data source's search query for Grafana (queryType "search"). Jaeger matches operations exactly, so
 * a peer search passes the caller's operation found to be a call to the peer (see operationsToPeer).
 */
export function toJaegerSearchQuery(s: TraceSearch, peerOperation?: string) {
  return {
    refId: 'search',
    queryType: 'search',
    service: s.service.trim(),
    operation: peerOperation ?? (s.operation.trim() || undefined),
    tags: s.tags.trim() || undefined,
    minDuration: s.minDuration.trim() || undefined,
    maxDuration: s.maxDuration.trim() || undefined,
    limit: Number(s.limit),
  };
}

/** Tempo's TraceQL search (Grafana's Tempo data source, table of traces); the id-lookup uses the same queryType. */
export function toTempoSearchQuery(s: TraceSearch) {
  const parsed = parseAttributes(s.tags);
  if ('error' in parsed) {
    throw new Error(parsed.error);
  }
  const query = traceqlQuery({ ...s, attributes: parsed.attributes, peer: parsePeer(s.peer) });
  return { refId: 'search', queryType: 'traceql', query, limit: Number(s.limit), tableType: 'traces' };
}

/** The search query in the configured data source's model; Zipkin has none (Grafana's Zipkin looks up ids only). */
export function toSearchQuery(kind: TraceSourceKind, s: TraceSearch, peerOperation?: string) {
  if (kind === 'zipkin') {
    throw new Error("Grafana's Zipkin data source cannot search traces; it opens a trace by id.");
  }
  return kind === 'tempo' ? toTempoSearchQuery(s) : toJaegerSearchQuery(s, peerOperation);
}

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
