import { spanStatus, type SpanStatusCode } from './spanStatus';

/**
 * The one reader of Grafana trace frames (Jaeger, Tempo and Zipkin data sources: a row per span, times in ms), shared by
 * the trace panel's model and the Traces page. Structural types, so it runs in the panel's worker without Grafana.
 */
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

/** A trace frame has span ids and start times. */
export const isTraceFrame = (frame: FrameLike) => Boolean(fieldOf(frame, 'spanID') && fieldOf(frame, 'startTime'));

/** The trace frame among a query's frames, if the trace was found. */
export function traceFrameOf<F extends FrameLike>(frames: readonly F[]): F | undefined {
  return frames.find((f) => f.fields.some((x) => x.name === 'spanID'));
}

export const frameRowCount = (frame: FrameLike) => frame.length ?? Math.max(0, ...frame.fields.map((f) => f.values.length));

/** JSON in a cell may arrive already parsed (FieldType.other) or as a string. */
export function jsonCell(values: ArrayLike<unknown> | undefined, row: number): unknown {
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

/** The frame's span fields, found once (by Grafana's TraceSpanRow names). */
export function traceFrameFields(frame: FrameLike) {
  return {
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
}
export type TraceFrameFields = ReturnType<typeof traceFrameFields>;

/** Tags of a row as `{key, value}` pairs (malformed entries skipped). */
export function rowTags(f: TraceFrameFields, row: number): Array<{ key: string; value: unknown }> {
  const v = jsonCell(f.tags, row);
  return Array.isArray(v)
    ? v.filter((t): t is { key: string; value: unknown } => typeof t === 'object' && t !== null && typeof (t as { key?: unknown }).key === 'string')
    : [];
}

/** The shared error rule (spanStatus) applied to a row's statusCode and tags. */
export function rowStatus(f: TraceFrameFields, row: number, tags = rowTags(f, row)): SpanStatusCode {
  return spanStatus(f.statusCode?.[row], tags);
}
