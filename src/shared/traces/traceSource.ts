/**
 * What the app needs to know about the configured trace data source, by its plugin type. Grafana's
 * Jaeger, Tempo and Zipkin data sources take different query models; pages build them only here.
 */
export type TraceSourceKind = 'jaeger' | 'tempo' | 'zipkin';

/** The kind for a data source plugin type (`jaeger`, `tempo`, `zipkin`); anything else cannot serve traces. */
export function traceSourceKind(pluginType: string | undefined): TraceSourceKind | undefined {
  return pluginType === 'jaeger' || pluginType === 'tempo' || pluginType === 'zipkin' ? pluginType : undefined;
}

/** Whether the data source can search (Grafana's Zipkin data source only looks traces up by id). */
export function canSearch(kind: TraceSourceKind): boolean {
  return kind !== 'zipkin';
}

export interface TraceIdQuery {
  refId: string;
  query: string;
  queryType?: string;
}

/**
 * The query that loads one trace by id. Jaeger: no queryType; Zipkin: `traceID`; Tempo: `traceql`
 * (its data source treats a hex-only TraceQL query as a trace id lookup).
 */
export function traceIdQuery(kind: TraceSourceKind, traceId: string, refId = 'trace'): TraceIdQuery {
  const query = traceId.trim();
  switch (kind) {
    case 'tempo':
      return { refId, queryType: 'traceql', query };
    case 'zipkin':
      return { refId, queryType: 'traceID', query };
    default:
      return { refId, query };
  }
}

/** Trace ids are hex (Jaeger, Tempo, Zipkin: 16 or 32 digits; shorter ids are zero-padded by the stores). */
export function isTraceId(text: string): boolean {
  return /^[0-9a-fA-F]{1,32}$/.test(text.trim());
}

/** A TraceQL string literal, quotes included: backslash, quote and control characters escaped. */
export function traceqlString(value: string): string {
  const escaped = value
    .replace(/\\/g, '\\\\')
    .replace(/"/g, '\\"')
    .replace(/\n/g, '\\n')
    .replace(/\r/g, '\\r')
    .replace(/\t/g, '\\t');
  return `"${escaped}"`;
}
