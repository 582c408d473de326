import type { SimSpan, TagValue } from './build';

type JaegerTag = { key: string; type: 'string' | 'bool' | 'int64' | 'float64'; value: TagValue };

/** A trace in the shape of Jaeger's query API (`GET /api/traces/{id}`), for tests and fixtures. */
export function toJaegerResponse(traceId: string, spans: readonly SimSpan[]) {
  const processIds = new Map<string, string>();
  for (const s of spans) {
    if (!processIds.has(s.service)) {
      processIds.set(s.service, `p${processIds.size + 1}`);
    }
  }
  const processes = Object.fromEntries(
    [...processIds].map(([service, id]) => [id, { serviceName: service, tags: [tag('hostname', service)] }])
  );
  return {
    data: [
      {
        traceID: traceId,
        spans: spans.map((s) => ({
          traceID: s.traceId,
          spanID: s.spanId,
          flags: 1,
          operationName: s.operation,
          references: s.parentSpanId ? [{ refType: 'CHILD_OF', traceID: s.traceId, spanID: s.parentSpanId }] : [],
          startTime: Math.round(s.startUs),
          duration: Math.max(1, Math.round(s.durationUs)),
          tags: [tag('span.kind', s.kind), ...Object.entries(s.tags).map(([k, v]) => tag(k, v))],
          logs: [],
          processID: processIds.get(s.service),
          warnings: null,
        })),
        processes,
        warnings: null,
      },
    ],
    total: 0,
    limit: 0,
    offset: 0,
    errors: null,
  };
}

function tag(key: string, value: TagValue): JaegerTag {
  if (typeof value === 'boolean') {
    return { key, type: 'bool', value };
  }
  if (typeof value === 'number') {
    return { key, type: Number.isInteger(value) ? 'int64' : 'float64', value };
  }
  return { key, type: 'string', value };
}
