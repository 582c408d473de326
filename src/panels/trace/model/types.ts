/** Internal trace model. Every input format is normalised into these types; times are ms since the epoch. */

export type SpanKind = 'unspecified' | 'internal' | 'server' | 'client' | 'producer' | 'consumer';
export type SpanStatus = 'unset' | 'ok' | 'error';
export type AttrValue = string | number | boolean;

export interface KeyValue {
  readonly key: string;
  readonly value: AttrValue;
}

export interface SpanEvent {
  readonly timeMs: number;
  readonly name: string;
  readonly attributes: readonly KeyValue[];
}

/** A reference other than the parent: FOLLOWS_FROM, a second CHILD_OF, or an OTel link (maybe into another trace). */
export interface SpanReference {
  readonly type: 'CHILD_OF' | 'FOLLOWS_FROM' | 'LINK';
  readonly traceId: string;
  readonly spanId: string;
}

/** A span as read from any input format, before the tree is built. */
export interface RawSpan {
  readonly traceId: string;
  readonly spanId: string;
  readonly parentSpanId: string | undefined;
  readonly operation: string;
  readonly service: string;
  readonly startMs: number;
  readonly durationMs: number;
  readonly kind: SpanKind;
  readonly status: SpanStatus;
  readonly statusMessage: string;
  readonly attributes: readonly KeyValue[];
  readonly resource: readonly KeyValue[];
  readonly events: readonly SpanEvent[];
  readonly references: readonly SpanReference[];
  readonly warnings: readonly string[];
  /** Jaeger: the parent is a FOLLOWS_FROM reference (the parent does not wait for this span; off the critical path). */
  readonly followsFrom?: boolean;
  /** Zipkin: the server half of a span id shared with its client half. */
  readonly shared?: boolean;
  /** Grafana frames: where the span's row is, so the panel can offer the frame's data links for it. */
  readonly source?: { readonly frame: number; readonly row: number };
}

/** A span in the built trace: tree position plus what the builder found out about it. */
export interface Span extends RawSpan {
  /** Position in tree (depth-first) order. */
  readonly index: number;
  /** Index of the parent span, or -1 for a root. */
  readonly parent: number;
  readonly depth: number;
  /** One past the index of the last descendant: descendants are index+1 .. subtreeEnd-1. */
  readonly subtreeEnd: number;
  readonly childCount: number;
  /** Warnings the builder added (orphan, duplicate id, clock skew, cycle), besides those from the input. */
  readonly builderWarnings: readonly string[];
  /** Clock skew against the parent, in ms (0 when none); the adjusted start is startMs + skewShiftMs. */
  readonly skewShiftMs: number;
}

export interface TraceIssues {
  /** Spans whose parent is not in the trace; shown as roots. */
  readonly orphans: number;
  /** Spans whose id repeats an earlier span's id; kept, renamed internally, reported. */
  readonly duplicateIds: number;
  /** Spans caught in a parent cycle; shown as roots. */
  readonly cycles: number;
  /** Spans that start outside their parent on another service. */
  readonly skewed: number;
  /** Input records that were not spans at all (no id, unreadable time); counted, not shown. */
  readonly skipped: number;
  /** Spans whose start or duration was missing or invalid and was repaired (0 duration, parent's start). */
  readonly repaired: number;
}

export interface Trace {
  readonly traceId: string;
  /** Spans in tree order: depth-first, children by start time. */
  readonly spans: readonly Span[];
  readonly startMs: number;
  readonly endMs: number;
  readonly services: readonly string[];
  readonly maxDepth: number;
  readonly errorCount: number;
  readonly issues: TraceIssues;
  /** Trace-level warnings from the input (Jaeger `warnings`) and skipped-record reasons. */
  readonly warnings: readonly string[];
  /** True once `adjustClockSkew` has moved every span by its skewShiftMs (startMs and event times are then adjusted). */
  readonly skewAdjusted?: boolean;
}

export type ParseResult = { ok: true; traces: Trace[]; format: string; notes: string[] } | { ok: false; error: string };
