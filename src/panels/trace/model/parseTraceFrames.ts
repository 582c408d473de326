import { type DataFrame } from '@grafana/data';
import { findField, numberAt, stringAt } from '../../../shared/frames/fields';
import { buildTrace, type RawSpan } from './buildTrace';
import { type TraceParseResult } from './types';

interface KeyValue {
  key: string;
  value: unknown;
}

function isErrorTag(tags: unknown): boolean {
  return Array.isArray(tags) && tags.some((t: KeyValue) => t?.key === 'error' && (t.value === true || t.value === 'true'));
}

/** True when the frame looks like a Grafana trace frame (one row per span). */
export function isTraceFrame(frame: DataFrame): boolean {
  return Boolean(findField(frame, 'spanID') && findField(frame, 'startTime'));
}

/**
 * Reads Grafana trace frames (Jaeger, Tempo and Zipkin data sources: times in ms) into trace models,
 * one per trace id. Rows without an id, start or duration are dropped and counted.
 */
export function parseTraceFrames(series: readonly DataFrame[]): TraceParseResult {
  const frames = series.filter(isTraceFrame);
  if (frames.length === 0) {
    if (series.some((f) => f.length > 0)) {
      const names = series.flatMap((f) => f.fields.map((field) => field.name)).slice(0, 8);
      return {
        ok: false,
        error: `No trace frame found: a trace frame needs the fields spanID and startTime (got: ${names.join(', ')}).`,
      };
    }
    return { ok: true, traces: [] };
  }

  const byTrace = new Map<string, RawSpan[]>();
  const invalidByTrace = new Map<string, number>();
  for (const frame of frames) {
    const f = {
      traceId: findField(frame, 'traceID', 'traceId'),
      spanId: findField(frame, 'spanID'),
      parent: findField(frame, 'parentSpanID'),
      operation: findField(frame, 'operationName'),
      service: findField(frame, 'serviceName'),
      start: findField(frame, 'startTime'),
      duration: findField(frame, 'duration'),
      tags: findField(frame, 'tags'),
      status: findField(frame, 'statusCode'),
    };
    for (let row = 0; row < frame.length; row++) {
      const traceId = stringAt(f.traceId, row);
      const spanId = stringAt(f.spanId, row);
      const startMs = numberAt(f.start, row);
      const durationMs = numberAt(f.duration, row);
      if (!spanId || !Number.isFinite(startMs) || !Number.isFinite(durationMs) || durationMs < 0) {
        invalidByTrace.set(traceId, (invalidByTrace.get(traceId) ?? 0) + 1);
        continue;
      }
      const span: RawSpan = {
        traceId,
        spanId,
        parentSpanId: stringAt(f.parent, row) || undefined,
        operation: stringAt(f.operation, row),
        service: stringAt(f.service, row),
        startMs,
        durationMs,
        hasError: numberAt(f.status, row) === 2 || isErrorTag(f.tags?.values[row]),
      };
      const list = byTrace.get(traceId);
      list ? list.push(span) : byTrace.set(traceId, [span]);
    }
  }
  if (byTrace.size === 0) {
    const dropped = [...invalidByTrace.values()].reduce((a, b) => a + b, 0);
    return { ok: false, error: `The trace frame has ${dropped} rows but none has a span id, start time and duration.` };
  }
  const traces = [...byTrace.entries()].map(([id, spans]) => buildTrace(id, spans, invalidByTrace.get(id) ?? 0));
  return { ok: true, traces };
}
