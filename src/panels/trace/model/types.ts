/** One span in the panel's internal model. Times are milliseconds since the epoch. */
export interface TraceSpan {
  readonly traceId: string;
  readonly spanId: string;
  readonly parentSpanId: string | undefined;
  readonly operation: string;
  readonly service: string;
  readonly startMs: number;
  readonly durationMs: number;
  readonly hasError: boolean;
  /** Depth in the span tree; roots are 0. */
  readonly depth: number;
  readonly childCount: number;
}

export interface TraceWarnings {
  /** Spans whose parent is not in the trace; shown as roots. */
  readonly orphanSpans: number;
  /** Rows whose span id repeats an earlier row; dropped from the tree and counted here. */
  readonly duplicateSpans: number;
  /** Rows without a usable span id, start or duration; dropped and counted here. */
  readonly invalidRows: number;
}

export interface TraceModel {
  readonly traceId: string;
  /** Spans in tree order (depth-first, children by start time). */
  readonly spans: readonly TraceSpan[];
  readonly startMs: number;
  readonly durationMs: number;
  readonly services: readonly string[];
  readonly maxDepth: number;
  readonly errorCount: number;
  readonly warnings: TraceWarnings;
}

export type TraceParseResult = { ok: true; traces: TraceModel[] } | { ok: false; error: string };
