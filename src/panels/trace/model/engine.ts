import { serviceCallGraph, type CallGraphEdge, type CallGraphNode } from './callGraph';
import { summarise, toColumns, type TraceColumns, type TraceSummary } from './columns';
import { filterSpans, findSpans, type SpanFilter } from './find';
import { type FrameLike, normaliseFrames, type NormaliseOptions } from './normalise';
import { toJaegerJson } from './exportJaeger';
import { istioExtras, type IstioExtras } from './istioExtras';
import { adjustClockSkew } from './skew';
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

/**
 * `adjustSkew` picks the clock-skew adjusted model (`adjustClockSkew`) or the recorded one. Requests whose answer
 * depends on times carry it themselves, so an answer never depends on which model an earlier request chose.
 */
export type EngineRequest =
  | { type: 'load'; frames: FrameLike[]; options?: NormaliseOptions; adjustSkew?: boolean }
  | { type: 'select'; trace: number; adjustSkew?: boolean }
  | { type: 'detail'; span: number; adjustSkew?: boolean }
  | { type: 'find'; text: string }
  | { type: 'filter'; filter: SpanFilter }
  | { type: 'stats'; groupBy: 'service' | 'operation'; adjustSkew?: boolean }
  | { type: 'callGraph'; adjustSkew?: boolean }
  | { type: 'labels'; key: string }
  | { type: 'istio'; adjustSkew?: boolean }
  | { type: 'exportJson' };

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
  istio: IstioExtras;
  exportJson: string;
}

/**
 * Holds the full model of one panel's data (in the worker, or in-process for tests) and answers the
 * view's questions. One instance per panel; nothing is shared between instances.
 */
interface TraceModel {
  readonly trace: Trace;
  readonly columns: TraceColumns;
}

export class TraceEngine {
  private traces: Trace[] = [];
  private current = -1;
  /** The selected trace as recorded ([0]) and clock-skew adjusted ([1]), each built when first asked for. */
  private models: Array<TraceModel | undefined> = [];

  handle<K extends EngineRequest['type']>(req: Extract<EngineRequest, { type: K }>): EngineResults[K];
  handle(req: EngineRequest): EngineResults[keyof EngineResults] {
    switch (req.type) {
      case 'load':
        return this.load(req.frames, req.options, req.adjustSkew);
      case 'select':
        return this.select(req.trace, req.adjustSkew);
      case 'detail':
        return this.detail(req.span, req.adjustSkew);
      // Find and filter read names, attributes and durations, which adjusting does not change.
      case 'find':
        return findSpans(this.model(false).trace, req.text);
      case 'filter':
        return filterSpans(this.model(false).trace, req.filter);
      case 'stats':
        return traceStatistics(this.model(req.adjustSkew).columns, req.groupBy);
      case 'callGraph':
        return serviceCallGraph(this.model(req.adjustSkew).columns);
      case 'istio':
        return istioExtras(this.model(req.adjustSkew).trace);
      case 'exportJson':
        return toJaegerJson(this.model(false).trace);
      case 'labels':
        return this.model(false).trace.spans.map((s) => {
          const kv = s.attributes.find((a) => a.key === req.key) ?? s.resource.find((a) => a.key === req.key);
          return kv ? String(kv.value) : '';
        });
    }
  }

  private model(adjustSkew = false): TraceModel {
    const recorded = this.traces[this.current];
    if (!recorded) {
      throw new Error('No trace loaded.');
    }
    const k = adjustSkew ? 1 : 0;
    let m = this.models[k];
    if (!m) {
      const trace = adjustSkew ? adjustClockSkew(recorded) : recorded;
      m = { trace, columns: toColumns(trace) };
      this.models[k] = m;
    }
    return m;
  }

  load(frames: FrameLike[], options?: NormaliseOptions, adjustSkew?: boolean): LoadResult {
    const result = normaliseFrames(frames, options);
    if (!result.ok) {
      throw new Error(result.error);
    }
    this.traces = result.traces;
    this.current = -1;
    this.models = [];
    const columns = this.traces.length > 0 ? this.select(0, adjustSkew) : undefined;
    return { format: result.format, traces: this.traces.map(summarise), columns };
  }

  select(index: number, adjustSkew?: boolean): TraceColumns {
    if (!this.traces[index]) {
      throw new Error(`There is no trace number ${index + 1}.`);
    }
    if (index !== this.current) {
      this.current = index;
      this.models = [];
    }
    return this.model(adjustSkew).columns;
  }

  detail(index: number, adjustSkew?: boolean): SpanDetail {
    const { trace } = this.model(adjustSkew);
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
