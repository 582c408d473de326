import { type Observable } from 'rxjs';
import {
  DataSourceApi,
  FieldType,
  createDataFrame,
  type DataFrame,
  type DataQuery,
  type DataQueryRequest,
  type DataQueryResponse,
  type DataSourceInstanceSettings,
} from '@grafana/data';
import { type QueryLog } from './prometheusDataSource';
import { mergeTargetResults, type TargetResult } from './targetResults';

interface JaegerQuery extends DataQuery {
  queryType?: 'search';
  query?: string;
  service?: string;
  operation?: string;
  tags?: string;
  minDuration?: string;
  maxDuration?: string;
  limit?: number;
}

interface Span {
  spanID: string;
  operationName: string;
  startTime: number;
  duration: number;
  processID: string;
  references?: Array<{ refType: string; spanID: string }>;
  tags?: Array<{ key: string; value: unknown }>;
}
interface Trace {
  traceID: string;
  spans: Span[];
  processes: Record<string, { serviceName: string; tags?: unknown[] }>;
}

/**
 * A Jaeger data source for the harness: asks the Jaeger HTTP query API behind the harness proxy and
 * shapes answers as Grafana's Jaeger data source does: search → one table (traceID, traceName,
 * startTime, duration in ms); trace id → one trace frame (a row per span, times in ms).
 */
export class HarnessJaeger extends DataSourceApi<JaegerQuery> {
  constructor(
    settings: DataSourceInstanceSettings,
    private readonly log: QueryLog
  ) {
    super(settings);
  }

  query(request: DataQueryRequest<JaegerQuery>): Observable<DataQueryResponse> {
    return mergeTargetResults(Promise.all(request.targets.map((t) => this.run(t, request))));
  }

  /**
   * Lists as Grafana's Jaeger data source answers them to its search form: `metadataRequest('services')` and
   * `metadataRequest('services/<service>/operations')` ask Jaeger's `/api/<url>` and return the list itself.
   */
  async metadataRequest(url: string, params?: Record<string, unknown>): Promise<unknown> {
    const q = params ? `?${new URLSearchParams(Object.entries(params).map(([k, v]) => [k, String(v)]))}` : '';
    this.log.count++;
    this.log.exprs.push(`jaeger /api/${url}${q}`);
    const res = await fetch(`${this.base()}/api/${url}${q}`);
    const body = (await res.json().catch(() => undefined)) as
      { data?: unknown; errors?: Array<{ msg: string }> } | undefined;
    if (!res.ok) {
      throw {
        status: res.status,
        statusText: res.statusText,
        data: { message: body?.errors?.[0]?.msg ?? `HTTP ${res.status}` },
      };
    }
    return body?.data;
  }

  async testDatasource() {
    const res = await fetch(`${this.base()}/api/services`);
    return res.ok
      ? { status: 'success', message: 'Jaeger answered.' }
      : { status: 'error', message: `Jaeger answered HTTP ${res.status}` };
  }

  private base() {
    return `/api/datasources/proxy/uid/${encodeURIComponent(this.uid)}`;
  }

  private async get(path: string): Promise<{ data?: Trace[]; error?: string }> {
    const started = performance.now();
    this.log.count++;
    this.log.exprs.push(`jaeger ${path}`);
    try {
      const res = await fetch(`${this.base()}${path}`);
      const body = (await res.json().catch(() => undefined)) as
        { data?: Trace[]; errors?: Array<{ msg: string }>; message?: string } | undefined;
      if (!res.ok) {
        return { error: body?.errors?.[0]?.msg ?? body?.message ?? `HTTP ${res.status}` };
      }
      return { data: body?.data ?? [] };
    } catch (e) {
      return { error: (e as Error).message };
    } finally {
      this.log.totalMs += performance.now() - started;
    }
  }

  private async run(t: JaegerQuery, request: DataQueryRequest<JaegerQuery>): Promise<TargetResult> {
    if (t.queryType === 'search') {
      const q = new URLSearchParams({ service: t.service ?? '', limit: String(t.limit ?? 20) });
      for (const key of ['operation', 'tags', 'minDuration', 'maxDuration'] as const) {
        if (t[key]) {
          q.set(key, String(t[key]));
        }
      }
      q.set('start', String(request.range.from.valueOf() * 1000));
      q.set('end', String(request.range.to.valueOf() * 1000));
      const { data, error } = await this.get(`/api/traces?${q}`);
      return { refId: t.refId, frames: error ? [] : [searchFrame(t.refId, data ?? [])], error };
    }
    const { data, error } = await this.get(`/api/traces/${encodeURIComponent(t.query ?? '')}`);
    return { refId: t.refId, frames: data?.[0] ? [traceFrame(t.refId, data[0])] : [], error };
  }
}

function root(trace: Trace): Span {
  return trace.spans.find((s) => !s.references?.some((r) => r.refType === 'CHILD_OF')) ?? trace.spans[0];
}

function searchFrame(refId: string, traces: Trace[]): DataFrame {
  const rows = traces.map((t) => {
    const r = root(t);
    const start = Math.min(...t.spans.map((s) => s.startTime));
    const end = Math.max(...t.spans.map((s) => s.startTime + s.duration));
    return {
      id: t.traceID,
      name: `${t.processes[r.processID]?.serviceName ?? ''}: ${r.operationName}`,
      start: start / 1000,
      duration: (end - start) / 1000,
    };
  });
  return createDataFrame({
    refId,
    fields: [
      { name: 'traceID', type: FieldType.string, values: rows.map((r) => r.id) },
      { name: 'traceName', type: FieldType.string, values: rows.map((r) => r.name) },
      { name: 'startTime', type: FieldType.time, values: rows.map((r) => r.start) },
      { name: 'duration', type: FieldType.number, values: rows.map((r) => r.duration), config: { unit: 'ms' } },
    ],
  });
}

function traceFrame(refId: string, t: Trace): DataFrame {
  const parent = (s: Span) => s.references?.find((r) => r.refType === 'CHILD_OF')?.spanID;
  return createDataFrame({
    refId,
    meta: { preferredVisualisationType: 'trace' },
    fields: [
      { name: 'traceID', type: FieldType.string, values: t.spans.map(() => t.traceID) },
      { name: 'spanID', type: FieldType.string, values: t.spans.map((s) => s.spanID) },
      { name: 'parentSpanID', type: FieldType.string, values: t.spans.map((s) => parent(s) ?? '') },
      { name: 'operationName', type: FieldType.string, values: t.spans.map((s) => s.operationName) },
      {
        name: 'serviceName',
        type: FieldType.string,
        values: t.spans.map((s) => t.processes[s.processID]?.serviceName ?? ''),
      },
      { name: 'startTime', type: FieldType.number, values: t.spans.map((s) => s.startTime / 1000) },
      { name: 'duration', type: FieldType.number, values: t.spans.map((s) => s.duration / 1000) },
      { name: 'tags', type: FieldType.other, values: t.spans.map((s) => s.tags ?? []) },
    ],
  });
}
