import { serviceCallGraph, type CallGraphEdge, type CallGraphNode } from './callGraph';
import { summarise, toColumns, type TraceColumns, type TraceSummary } from './columns';
import { filterSpans, findSpans, type SpanFilter } from './find';
import { type FrameLike, normaliseFrames, type NormaliseOptions } from './normalise';
import { traceStatistics, type StatRow } from './stats';
import { type Span, type Trace } from './types';

/** Everything the detail side panel shows for one span, with times relative to the trace start. */
export interface SpanDetail {
  readonly span: Omit<Span, 'events'>;
  readonly events: ReadonlyArray<{ offsetMs: number; name: string; attributes: Span['attributes'] }>;
  readonly parentSpanId: string | undefined;
  /** References resolved to span indices in this trace (-1 when in another trace or missing). */
  readonly referenceTargets: readonly number[];
}

export type EngineRequest =
  | { type: 'load'; frames: FrameLike[]; options?: NormaliseOptions }
  | { type: 'select'; trace: number }
  | { type: 'detail'; span: number }
  | { type: 'find'; text: string }
  | { type: 'filter'; filter: SpanFilter }
  | { type: 'stats'; groupBy: 'service' | 'operation' }
  | { type: 'callGraph' }
  | { type: 'labels'; key: string };

export interface LoadResult {
  readonly format: string;
  readonly traces: TraceSummary[];
  readonly columns: TraceColumns | undefined;
}

export interface EngineResults {
  load: LoadResult;
  select: TraceColumns;
  detail: SpanDetail;
  find: Int32Array;
  filter: Uint8Array;
  stats: StatRow[];
  callGraph: { nodes: CallGraphNode[]; edges: CallGraphEdge[] };
  labels: string[];
}

/**
 * Holds the full model of one panel's data (in the worker, or in-process for tests) and answers the
 * view's questions. One instance per panel; nothing is shared between instances.
 */
export class TraceEngine {
  private traces: Trace[] = [];
  private current: Trace | undefined;
  private columns: TraceColumns | undefined;

  handle<K extends EngineRequest['type']>(req: Extract<EngineRequest, { type: K }>): EngineResults[K];
  handle(req: EngineRequest): EngineResults[keyof EngineResults] {
    switch (req.type) {
      case 'load':
        return this.load(req.frames, req.options);
      case 'select':
        return this.select(req.trace);
      case 'detail':
        return this.detail(req.span);
      case 'find':
        return findSpans(this.trace(), req.text);
      case 'filter':
        return filterSpans(this.trace(), req.filter);
      case 'stats':
        return traceStatistics(this.cols(), req.groupBy);
      case 'callGraph':
        return serviceCallGraph(this.cols());
      case 'labels':
        return this.trace().spans.map((s) => {
          const kv = s.attributes.find((a) => a.key === req.key) ?? s.resource.find((a) => a.key === req.key);
          return kv ? String(kv.value) : '';
        });
    }
  }

  private trace(): Trace {
    if (!this.current) {
      throw new Error('No trace loaded.');
    }
    return this.current;
  }

  private cols(): TraceColumns {
    if (!this.columns) {
      throw new Error('No trace loaded.');
    }
    return this.columns;
  }

  load(frames: FrameLike[], options?: NormaliseOptions): LoadResult {
    const result = normaliseFrames(frames, options);
    if (!result.ok) {
      throw new Error(result.error);
    }
    this.traces = result.traces;
    this.current = undefined;
    this.columns = undefined;
    const columns = this.traces.length > 0 ? this.select(0) : undefined;
    return { format: result.format, traces: this.traces.map(summarise), columns };
  }

  select(index: number): TraceColumns {
    const trace = this.traces[index];
    if (!trace) {
      throw new Error(`There is no trace number ${index + 1}.`);
    }
    this.current = trace;
    this.columns = toColumns(trace);
    return this.columns;
  }

  detail(index: number): SpanDetail {
    const trace = this.trace();
    const span = trace.spans[index];
    if (!span) {
      throw new Error(`There is no span number ${index}.`);
    }
    const ids = new Map<string, number>();
    for (const s of trace.spans) {
      if (!ids.has(s.spanId)) {
        ids.set(s.spanId, s.index);
      }
    }
    const { events, ...rest } = span;
    return {
      span: rest,
      events: events.map((e) => ({ offsetMs: e.timeMs - trace.startMs, name: e.name, attributes: e.attributes })),
      parentSpanId: span.parent >= 0 ? trace.spans[span.parent].spanId : undefined,
      referenceTargets: span.references.map((r) => (r.traceId === trace.traceId ? (ids.get(r.spanId) ?? -1) : -1)),
    };
  }
}
