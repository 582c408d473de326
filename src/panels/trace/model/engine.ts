import { serviceCallGraph, type CallGraphEdge, type CallGraphNode } from './callGraph';
import { summarise, toColumns, type TraceColumns, type TraceSummary } from './columns';
import { type KeyedLoad, keyLoad } from './contentKeys';
import { filterSpans, findSpans, type SpanFilter } from './find';
import { type FrameLike, normaliseFrames, type NormaliseOptions } from './normalise';
import { toJaegerJson } from './exportJaeger';
import { istioExtras, type IstioExtras } from './istioExtras';
import { adjustClockSkew } from './skew';
import { traceStatistics, type StatRow } from './stats';
import { type KeyValue, type Span, type Trace } from './types';

/** Attribute values longer than this reach the view cut to it (a 5 MB value laid out as text froze the tab for 3 s). */
export const MAX_SHOWN_CHARS = 4096;
/** Bar labels are cut shorter: a row has room for a few words. */
const MAX_LABEL_CHARS = 200;

/** A key/value as the detail shows it: `fullLength` is set when the value was cut to MAX_SHOWN_CHARS. */
export interface ShownKeyValue extends KeyValue {
  readonly fullLength?: number;
}

/** Where a value is in a span, to ask for all of it. */
export type ValueAddress =
  { section: 'attributes' | 'resource'; index: number } | { section: 'event'; event: number; index: number };

/** Everything the detail side panel shows for one span, with times relative to the trace start. */
export interface SpanDetail {
  readonly span: Omit<Span, 'events' | 'attributes' | 'resource'> & {
    attributes: readonly ShownKeyValue[];
    resource: readonly ShownKeyValue[];
  };
  readonly events: ReadonlyArray<{ offsetMs: number; name: string; attributes: readonly ShownKeyValue[] }>;
  /** Values cut to MAX_SHOWN_CHARS in this span (each has "show all"). */
  readonly truncatedValues: number;
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
  | { type: 'value'; span: number; at: ValueAddress }
  | { type: 'istio'; adjustSkew?: boolean }
  | { type: 'exportJson' };

export interface LoadResult {
  readonly format: string;
  /** What the reader left aside (frames that hold no trace, lines that are not JSON), for the panel to show. */
  readonly notes: readonly string[];
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
  value: string;
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
  private summaries: TraceSummary[] = [];
  private keyed: KeyedLoad | undefined;
  private loads = 0;
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
          const text = kv ? String(kv.value) : '';
          return text.length > MAX_LABEL_CHARS ? `${text.slice(0, MAX_LABEL_CHARS)}…` : text;
        });
      case 'value':
        return this.fullValue(req.span, req.at);
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
      // The adjusted model keeps the recorded trace's content key: same data, same content.
      m = { trace, columns: toColumns(trace, this.summaries[this.current].contentKey) };
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
    this.keyed = keyLoad(this.traces, this.keyed, ++this.loads);
    const { keys } = this.keyed;
    this.summaries = this.traces.map((t, i) => summarise(t, keys[i]));
    this.current = -1;
    this.models = [];
    const columns = this.traces.length > 0 ? this.select(0, adjustSkew) : undefined;
    return { format: result.format, notes: result.notes, traces: this.summaries, columns };
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

  /** One value whole ("show all" for a value the detail cut). */
  fullValue(index: number, at: ValueAddress): string {
    const span = this.model(false).trace.spans[index];
    const list = !span ? undefined : at.section === 'event' ? span.events[at.event]?.attributes : span[at.section];
    const kv = list?.[at.index];
    if (!kv) {
      throw new Error(`There is no such value in span number ${index}.`);
    }
    return String(kv.value);
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
    const { events, attributes, resource, ...rest } = span;
    let truncatedValues = 0;
    const shown = (kvs: readonly KeyValue[]): ShownKeyValue[] =>
      kvs.map((kv) => {
        if (typeof kv.value !== 'string' || kv.value.length <= MAX_SHOWN_CHARS) {
          return kv;
        }
        truncatedValues++;
        return { key: kv.key, value: kv.value.slice(0, MAX_SHOWN_CHARS), fullLength: kv.value.length };
      });
    return {
      span: { ...rest, attributes: shown(attributes), resource: shown(resource) },
      events: events.map((e) => ({
        offsetMs: e.timeMs - trace.startMs,
        name: e.name,
        attributes: shown(e.attributes),
      })),
      truncatedValues,
      parentSpanId: span.parent >= 0 ? trace.spans[span.parent].spanId : undefined,
      referenceTargets: span.references.map((r) => (r.traceId === trace.traceId ? (ids.get(r.spanId) ?? -1) : -1)),
    };
  }
}
