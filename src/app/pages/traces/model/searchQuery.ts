import { escapeTemplateDollar } from '../../../../shared/promql/templateEscape';
import { parsePeer } from '../../../../shared/traces/istioNaming';
import { type TraceSourceKind } from '../../../../shared/traces/traceSource';
import { parseAttributes, traceqlQuery } from './traceql';

/* The search form's fields and the query each data source gets for them (no Grafana runtime needed: node tests use it). */

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
  // The search terms are text: a `$` in them must reach Tempo as typed, not be expanded by Grafana's template service.
  const query = escapeTemplateDollar(traceqlQuery({ ...s, attributes: parsed.attributes, peer: parsePeer(s.peer) }));
  return { refId: 'search', queryType: 'traceql', query, limit: Number(s.limit), tableType: 'traces' };
}

/** The search query in the configured data source's model; Zipkin has none (Grafana's Zipkin looks up ids only). */
export function toSearchQuery(kind: TraceSourceKind, s: TraceSearch, peerOperation?: string) {
  if (kind === 'zipkin') {
    throw new Error("Grafana's Zipkin data source cannot search traces; it opens a trace by id.");
  }
  return kind === 'tempo' ? toTempoSearchQuery(s) : toJaegerSearchQuery(s, peerOperation);
}
