import { traceqlString, type TraceSourceKind } from '../../../../shared/traces/traceSource';

/**
 * A metadata request as the trace data source takes it (`metadataRequest(url, params)`). Grafana's Jaeger data
 * source lists services and a service's operations (`services`, `services/<service>/operations`, which it sends
 * to Jaeger's `/api/…` through its proxy or resource API); Grafana's Tempo data source passes a Tempo API path
 * (`/api/v2/search/tag/<tag>/values`, `q` scoping the values to a span selector, `start`/`end` in seconds).
 */
export interface MetadataLookup {
  url: string;
  params?: Record<string, string | number>;
}

/** Where to list services; undefined when the data source has no such list (Grafana's Zipkin, here). */
export function servicesLookup(
  kind: TraceSourceKind,
  range: { fromMs: number; toMs: number }
): MetadataLookup | undefined {
  switch (kind) {
    case 'jaeger':
      return { url: 'services' };
    case 'tempo':
      return { url: '/api/v2/search/tag/resource.service.name/values', params: seconds(range) };
    default:
      return undefined;
  }
}

/** Where to list a service's operations (span names); Tempo: the `name` intrinsic within that service. */
export function operationsLookup(
  kind: TraceSourceKind,
  service: string,
  range: { fromMs: number; toMs: number }
): MetadataLookup | undefined {
  const s = service.trim();
  if (!s) {
    return undefined;
  }
  switch (kind) {
    case 'jaeger':
      return { url: `services/${encodeURIComponent(s)}/operations` };
    case 'tempo':
      return {
        url: '/api/v2/search/tag/name/values',
        params: { q: `{ resource.service.name = ${traceqlString(s)} }`, ...seconds(range) },
      };
    default:
      return undefined;
  }
}

function seconds(range: { fromMs: number; toMs: number }) {
  return { start: Math.floor(range.fromMs / 1000), end: Math.ceil(range.toMs / 1000) };
}

/**
 * The names in a metadata answer, sorted and unique: Jaeger's data source answers the string list itself
 * (or `{ data: [...] }` from the proxy), Tempo's the fetch response whose body is `{ tagValues: [{ type, value }] }`.
 * Anything else is an error naming what arrived.
 */
export function readLookup(body: unknown): { values: string[] } | { error: string } {
  const unwrap = (b: unknown): unknown => {
    if (Array.isArray(b)) {
      return b;
    }
    if (b && typeof b === 'object') {
      const o = b as { data?: unknown; tagValues?: unknown };
      if (Array.isArray(o.tagValues)) {
        return o.tagValues.map((v: unknown) => (v && typeof v === 'object' ? (v as { value?: unknown }).value : v));
      }
      if (o.data !== undefined) {
        return unwrap(o.data);
      }
    }
    return undefined;
  };
  const list = b(unwrap(body));
  return list ?? { error: `The data source answered ${describe(body)} instead of a list of names.` };

  function b(x: unknown): { values: string[] } | undefined {
    if (!Array.isArray(x)) {
      return undefined;
    }
    const values = [...new Set(x.filter((v): v is string => typeof v === 'string' && v !== ''))];
    return { values: values.sort((p, q) => p.localeCompare(q)) };
  }
}

function describe(body: unknown): string {
  if (body === null || body === undefined) {
    return 'nothing';
  }
  return typeof body === 'object'
    ? `an object with ${Object.keys(body).slice(0, 5).join(', ') || 'no keys'}`
    : `a ${typeof body}`;
}
