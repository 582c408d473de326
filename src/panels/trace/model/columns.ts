import { blockingFlags, criticalPath, segmentsBySpan } from './criticalPath';
import { traceContentHash } from './contentHash';
import { type Trace, type TraceIssues } from './types';

export const FLAG_ERROR = 1;
export const FLAG_SKEW = 2;
export const FLAG_WARNING = 4;
export const FLAG_CRITICAL = 8;

export interface TraceSummary {
  readonly traceId: string;
  readonly rootService: string;
  readonly rootOperation: string;
  readonly startMs: number;
  readonly durationMs: number;
  readonly spanCount: number;
  readonly serviceCount: number;
  readonly maxDepth: number;
  readonly errorCount: number;
  readonly issues: TraceIssues;
  readonly warnings: readonly string[];
  /** Equal keys, same trace content (the engine's contentKeys.ts; traceContentHash where no engine keyed it). */
  readonly contentKey: string;
}

/**
 * What the main thread holds of a trace: typed arrays in tree order plus string tables (a few bytes per span,
 * transferable from the worker without copying). Attributes, events and links stay in the worker's model.
 */
export interface TraceColumns {
  readonly summary: TraceSummary;
  readonly count: number;
  readonly start: Float64Array;
  readonly duration: Float64Array;
  /** Clock-skew correction per span (0 when none); already included in start when skewAdjusted. */
  readonly shift: Float64Array;
  /** Built from the clock-skew adjusted trace (`adjustClockSkew`): start, critical path and summary are adjusted. */
  readonly skewAdjusted: boolean;
  readonly parent: Int32Array;
  readonly depth: Int32Array;
  readonly subtreeEnd: Int32Array;
  readonly childCount: Int32Array;
  readonly service: Int32Array;
  readonly operation: Int32Array;
  readonly flags: Uint8Array;
  /** errorPrefix[i] = error spans among indices < i, so a subtree's error count is O(1). */
  readonly errorPrefix: Int32Array;
  /** Critical path as [span, from, to] triples (ms, absolute). */
  readonly criticalSegments: Float64Array;
  /** criticalSegments grouped by span (see segmentsBySpan). */
  readonly criticalBySpan: { readonly offsets: Int32Array; readonly order: Int32Array };
  readonly services: readonly string[];
  readonly operations: readonly string[];
  readonly spanIds: SpanIdTable;
}

/**
 * Span ids packed into one string with end offsets: posting 100,000 separate strings from the worker costs the main
 * thread 10–20 ms to deserialise (and 100,000 heap objects); one string and one Int32Array cost under a millisecond.
 */
export interface SpanIdTable {
  readonly text: string;
  /** ends[i] = where span i's id ends in text; it starts where span i-1's ends. */
  readonly ends: Int32Array;
}

export const spanIdAt = (t: SpanIdTable, i: number): string => t.text.slice(i > 0 ? t.ends[i - 1] : 0, t.ends[i]);

/** The first span with this id, or -1 (a linear scan without allocating; used once, for a deep link). */
export function indexOfSpanId(t: SpanIdTable, id: string): number {
  for (let i = 0, start = 0; i < t.ends.length; start = t.ends[i], i++) {
    if (t.ends[i] - start === id.length && t.text.startsWith(id, start)) {
      return i;
    }
  }
  return -1;
}

function intern(table: Map<string, number>, value: string): number {
  let id = table.get(value);
  if (id === undefined) {
    id = table.size;
    table.set(value, id);
  }
  return id;
}

/** `contentKey`: the engine's key for this load (contentKeys.ts); by default the content hash. */
export function summarise(trace: Trace, contentKey: string = traceContentHash(trace)): TraceSummary {
  const root = trace.spans[0];
  return {
    traceId: trace.traceId,
    rootService: root?.service ?? '',
    rootOperation: root?.operation ?? '',
    startMs: trace.startMs,
    durationMs: trace.endMs - trace.startMs,
    spanCount: trace.spans.length,
    serviceCount: trace.services.length,
    maxDepth: trace.maxDepth,
    errorCount: trace.errorCount,
    issues: trace.issues,
    warnings: trace.warnings,
    contentKey,
  };
}

export function toColumns(trace: Trace, contentKey?: string): TraceColumns {
  const n = trace.spans.length;
  const c = {
    start: new Float64Array(n),
    duration: new Float64Array(n),
    shift: new Float64Array(n),
    parent: new Int32Array(n),
    depth: new Int32Array(n),
    subtreeEnd: new Int32Array(n),
    childCount: new Int32Array(n),
    service: new Int32Array(n),
    operation: new Int32Array(n),
    flags: new Uint8Array(n),
    errorPrefix: new Int32Array(n + 1),
  };
  const services = new Map<string, number>();
  const operations = new Map<string, number>();
  const spanIds: string[] = new Array(n);
  const spanIdEnds = new Int32Array(n);
  for (let i = 0; i < n; i++) {
    const s = trace.spans[i];
    c.start[i] = s.startMs;
    c.duration[i] = s.durationMs;
    c.shift[i] = s.skewShiftMs;
    c.parent[i] = s.parent;
    c.depth[i] = s.depth;
    c.subtreeEnd[i] = s.subtreeEnd;
    c.childCount[i] = s.childCount;
    c.service[i] = intern(services, s.service);
    c.operation[i] = intern(operations, s.operation);
    const error = s.status === 'error';
    c.flags[i] =
      (error ? FLAG_ERROR : 0) |
      (s.skewShiftMs !== 0 ? FLAG_SKEW : 0) |
      (s.warnings.length + s.builderWarnings.length > 0 ? FLAG_WARNING : 0);
    c.errorPrefix[i + 1] = c.errorPrefix[i] + (error ? 1 : 0);
    spanIds[i] = s.spanId;
    spanIdEnds[i] = (i > 0 ? spanIdEnds[i - 1] : 0) + s.spanId.length;
  }
  const criticalSegments = criticalPath(c.start, c.duration, c.parent, c.subtreeEnd, blockingFlags(trace.spans));
  for (let k = 0; k < criticalSegments.length; k += 3) {
    c.flags[criticalSegments[k]] |= FLAG_CRITICAL;
  }
  return {
    ...c,
    summary: summarise(trace, contentKey),
    count: n,
    skewAdjusted: trace.skewAdjusted === true,
    criticalSegments,
    criticalBySpan: segmentsBySpan(criticalSegments, n),
    services: [...services.keys()],
    operations: [...operations.keys()],
    spanIds: { text: spanIds.join(''), ends: spanIdEnds },
  };
}

/** The typed arrays of a columns object, for postMessage's transfer list. */
export function transferables(c: TraceColumns): ArrayBuffer[] {
  return [
    c.start,
    c.duration,
    c.shift,
    c.parent,
    c.depth,
    c.subtreeEnd,
    c.childCount,
    c.service,
    c.operation,
    c.flags,
    c.errorPrefix,
    c.criticalSegments,
    c.criticalBySpan.offsets,
    c.criticalBySpan.order,
    c.spanIds.ends,
  ].map((a) => a.buffer as ArrayBuffer);
}

/** A copy whose buffers can be transferred while the engine keeps using the original. */
export function cloneColumns(c: TraceColumns): TraceColumns {
  return {
    ...c,
    start: c.start.slice(),
    duration: c.duration.slice(),
    shift: c.shift.slice(),
    parent: c.parent.slice(),
    depth: c.depth.slice(),
    subtreeEnd: c.subtreeEnd.slice(),
    childCount: c.childCount.slice(),
    service: c.service.slice(),
    operation: c.operation.slice(),
    flags: c.flags.slice(),
    errorPrefix: c.errorPrefix.slice(),
    criticalSegments: c.criticalSegments.slice(),
    criticalBySpan: { offsets: c.criticalBySpan.offsets.slice(), order: c.criticalBySpan.order.slice() },
    spanIds: { text: c.spanIds.text, ends: c.spanIds.ends.slice() },
  };
}
