import { type AttrValue, type KeyValue, type Span, type Trace } from './types';

type JaegerTag = { key: string; type: 'string' | 'bool' | 'int64' | 'float64'; value: AttrValue };

function tag(kv: KeyValue): JaegerTag {
  const v = kv.value;
  const type =
    typeof v === 'boolean' ? 'bool' : typeof v === 'number' ? (Number.isInteger(v) ? 'int64' : 'float64') : 'string';
  return { key: kv.key, type, value: v };
}

const us = (ms: number) => Math.round(ms * 1000);

/**
 * The trace as Jaeger's query API JSON (`{ data: [trace] }`, µs times, typed tags, one process per service and
 * resource): what Jaeger UI, Grafana's Jaeger upload and the app's "Open trace file" read back. Kind and status
 * become Jaeger's `span.kind`, `otel.status_code` and `error` tags; events become logs; links become
 * FOLLOWS_FROM references (Jaeger has no other kind). Times are as recorded (no clock-skew adjustment).
 */
export function toJaegerJson(trace: Trace): string {
  const processIds = new Map<string, string>();
  const processes: Record<string, { serviceName: string; tags: JaegerTag[] }> = {};
  const processOf = (s: Span) => {
    const key = JSON.stringify([s.service, s.resource]);
    let id = processIds.get(key);
    if (!id) {
      id = `p${processIds.size + 1}`;
      processIds.set(key, id);
      processes[id] = { serviceName: s.service, tags: s.resource.map(tag) };
    }
    return id;
  };
  const spans = trace.spans.map((s) => {
    const parent = s.parent >= 0 ? trace.spans[s.parent] : undefined;
    const references = [
      ...(parent ? [{ refType: 'CHILD_OF', traceID: parent.traceId, spanID: parent.spanId }] : []),
      ...s.references.map((r) => ({
        refType: r.type === 'CHILD_OF' ? 'CHILD_OF' : 'FOLLOWS_FROM',
        traceID: r.traceId,
        spanID: r.spanId,
      })),
    ];
    const extra: KeyValue[] = [];
    if (s.kind !== 'unspecified' && !s.attributes.some((a) => a.key === 'span.kind')) {
      extra.push({ key: 'span.kind', value: s.kind });
    }
    if (s.status !== 'unset' && !s.attributes.some((a) => a.key === 'otel.status_code')) {
      extra.push({ key: 'otel.status_code', value: s.status === 'error' ? 'ERROR' : 'OK' });
    }
    if (s.status === 'error' && !s.attributes.some((a) => a.key === 'error')) {
      extra.push({ key: 'error', value: true });
    }
    if (s.statusMessage) {
      extra.push({ key: 'otel.status_description', value: s.statusMessage });
    }
    return {
      traceID: s.traceId,
      spanID: s.spanId,
      operationName: s.operation,
      references,
      startTime: us(s.startMs),
      duration: us(s.durationMs),
      tags: [...s.attributes, ...extra].map(tag),
      logs: s.events.map((e) => ({
        timestamp: us(e.timeMs),
        fields: [tag({ key: 'event', value: e.name }), ...e.attributes.map(tag)],
      })),
      processID: processOf(s),
      warnings: s.warnings.length ? [...s.warnings] : null,
    };
  });
  const warnings = trace.warnings.length ? [...trace.warnings] : null;
  return JSON.stringify({ data: [{ traceID: trace.traceId, spans, processes, warnings }] }, null, 2);
}
