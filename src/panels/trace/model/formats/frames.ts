import { type RawSpan, type SpanEvent, type SpanReference } from '../types';
import { msFromMs, toNumber } from '../units';
import { asString, isRecord, kindStatusFromTags, readKeyValues, toKind } from './common';
import { type Collected } from './collected';

/** The part of a Grafana DataFrame the model reads (structural, so the model stays free of Grafana runtime types). */
export interface FrameLike {
  readonly name?: string;
  readonly fields: ReadonlyArray<{ readonly name: string; readonly values: ArrayLike<unknown> }>;
  readonly length?: number;
}

export const fieldOf = (frame: FrameLike, ...names: string[]) => {
  for (const name of names) {
    const f = frame.fields.find((x) => x.name === name);
    if (f) {
      return f.values;
    }
  }
  return undefined;
};

/** A Grafana trace frame (Jaeger, Tempo and Zipkin data sources): one row per span. */
export const isTraceFrame = (frame: FrameLike) => Boolean(fieldOf(frame, 'spanID') && fieldOf(frame, 'startTime'));

const rowCount = (frame: FrameLike) => frame.length ?? Math.max(0, ...frame.fields.map((f) => f.values.length));

/** JSON in a cell may arrive already parsed (FieldType.other) or as a string. */
function cell(values: ArrayLike<unknown> | undefined, row: number): unknown {
  const v = values?.[row];
  if (typeof v === 'string' && (v.startsWith('[') || v.startsWith('{'))) {
    try {
      return JSON.parse(v);
    } catch {
      return v;
    }
  }
  return v;
}

function logs(v: unknown): SpanEvent[] {
  return Array.isArray(v)
    ? v.filter(isRecord).map((l) => ({ timeMs: msFromMs(toNumber(l.timestamp)), name: asString(l.name), attributes: readKeyValues(l.fields) }))
    : [];
}

function refs(v: unknown): SpanReference[] {
  return Array.isArray(v)
    ? v.filter(isRecord).map((r) => ({ type: 'FOLLOWS_FROM' as const, traceId: asString(r.traceID), spanId: asString(r.spanID) }))
    : [];
}

/** Reads Grafana trace frames (times in ms). */
export function readTraceFrame(frame: FrameLike, out: Collected, frameIndex = 0) {
  const f = {
    traceId: fieldOf(frame, 'traceID', 'traceId'),
    spanId: fieldOf(frame, 'spanID'),
    parent: fieldOf(frame, 'parentSpanID'),
    operation: fieldOf(frame, 'operationName'),
    service: fieldOf(frame, 'serviceName'),
    serviceTags: fieldOf(frame, 'serviceTags'),
    start: fieldOf(frame, 'startTime'),
    duration: fieldOf(frame, 'duration'),
    tags: fieldOf(frame, 'tags'),
    logs: fieldOf(frame, 'logs'),
    references: fieldOf(frame, 'references'),
    kind: fieldOf(frame, 'kind'),
    statusCode: fieldOf(frame, 'statusCode'),
    statusMessage: fieldOf(frame, 'statusMessage'),
    warnings: fieldOf(frame, 'warnings'),
  };
  const rows = rowCount(frame);
  for (let row = 0; row < rows; row++) {
    const spanId = asString(f.spanId?.[row]);
    if (!spanId) {
      out.skips.skip('a trace frame row has no spanID');
      continue;
    }
    const attributes = readKeyValues(cell(f.tags, row));
    const fromTags = kindStatusFromTags(attributes);
    const code = toNumber(f.statusCode?.[row]);
    const warnings = cell(f.warnings, row);
    const span: RawSpan = {
      traceId: asString(f.traceId?.[row]) || 'trace',
      spanId,
      parentSpanId: asString(f.parent?.[row]) || undefined,
      operation: asString(f.operation?.[row]),
      service: asString(f.service?.[row]) || 'unknown',
      startMs: msFromMs(toNumber(f.start?.[row])),
      durationMs: msFromMs(toNumber(f.duration?.[row])),
      kind: f.kind ? toKind(f.kind[row]) : fromTags.kind,
      status: code === 2 ? 'error' : code === 1 ? 'ok' : fromTags.status,
      statusMessage: asString(f.statusMessage?.[row]) || fromTags.statusMessage,
      attributes,
      resource: readKeyValues(cell(f.serviceTags, row)),
      events: logs(cell(f.logs, row)),
      references: refs(cell(f.references, row)),
      warnings: Array.isArray(warnings) ? warnings.map(String) : [],
      source: { frame: frameIndex, row },
    };
    out.add(span);
  }
}
