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

interface TempoQuery extends DataQuery {
  queryType?: string;
  query?: string;
  limit?: number;
}

interface SearchSpan {
  spanID: string;
  startTimeUnixNano: string;
  durationNanos: string;
}
interface SearchTrace {
  traceID: string;
  rootServiceName?: string;
  rootTraceName?: string;
  startTimeUnixNano?: string;
  durationMs?: number;
  spanSets?: Array<{ spans: SearchSpan[]; matched: number }>;
}
type AnyValue = { stringValue?: string; intValue?: string; boolValue?: boolean; doubleValue?: number };
interface OtlpSpan {
  spanId: string;
  parentSpanId?: string;
  name: string;
  startTimeUnixNano: string;
  endTimeUnixNano: string;
  attributes?: Array<{ key: string; value: AnyValue }>;
  status?: { code?: number };
}
interface OtlpTrace {
  batches: Array<{
    resource: { attributes: Array<{ key: string; value: AnyValue }> };
    scopeSpans: Array<{ spans: OtlpSpan[] }>;
  }>;
}

/**
 * A Tempo data source for the harness: asks Tempo's HTTP API behind the harness proxy and shapes answers
 * as Grafana's Tempo data source does. A TraceQL query of hex digits only is a trace id lookup (→ a trace
 * frame, a row per span, ms); any other TraceQL is a search (→ Grafana's "Traces" table: traceID,
 * startTime, traceService, traceName, traceDuration, nested spanset frames).
 */
export class HarnessTempo extends DataSourceApi<TempoQuery> {
  constructor(
    settings: DataSourceInstanceSettings,
    private readonly log: QueryLog
  ) {
    super(settings);
  }

  query(request: DataQueryRequest<TempoQuery>): Observable<DataQueryResponse> {
    return mergeTargetResults(Promise.all(request.targets.map((t) => this.run(t, request))));
  }

  /**
   * As Grafana's Tempo data source: `metadataRequest(url, params)` GETs a Tempo API path through the proxy and
   * resolves to the fetch response (the body in `data`), or rejects with it when Tempo answers an error.
   */
  async metadataRequest(url: string, params: Record<string, unknown> = {}): Promise<{ data: unknown; status: number }> {
    const q = new URLSearchParams(Object.entries(params).map(([k, v]) => [k, String(v)])).toString();
    this.log.count++;
    this.log.exprs.push(`tempo ${url}${q ? `?${decodeURIComponent(q)}` : ''}`);
    const res = await fetch(`${this.base()}${url}${q ? `?${q}` : ''}`);
    const text = await res.text();
    if (!res.ok) {
      throw { status: res.status, statusText: res.statusText, data: { message: text.trim() } };
    }
    return { data: JSON.parse(text) as unknown, status: res.status };
  }

  async testDatasource() {
    const res = await fetch(`${this.base()}/api/echo`);
    return res.ok
      ? { status: 'success', message: 'Tempo answered.' }
      : { status: 'error', message: `Tempo answered HTTP ${res.status}` };
  }

  private base() {
    return `/api/datasources/proxy/uid/${encodeURIComponent(this.uid)}`;
  }

  private async get<T>(path: string): Promise<{ body?: T; error?: string }> {
    const started = performance.now();
    this.log.count++;
    this.log.exprs.push(`tempo ${decodeURIComponent(path)}`);
    try {
      const res = await fetch(`${this.base()}${path}`);
      const text = await res.text();
      if (!res.ok) {
        // Grafana's Tempo backend words a failed trace lookup this way; search errors carry Tempo's text.
        const parsed = (() => {
          try {
            return JSON.parse(text) as { message?: string };
          } catch {
            return undefined;
          }
        })();
        return { error: parsed?.message ?? `${res.status} ${res.statusText}: ${text.trim()}` };
      }
      return { body: JSON.parse(text) as T };
    } catch (e) {
      return { error: (e as Error).message };
    } finally {
      this.log.totalMs += performance.now() - started;
    }
  }

  private async run(t: TempoQuery, request: DataQueryRequest<TempoQuery>): Promise<TargetResult> {
    const query = (t.query ?? '').trim();
    if (/^[0-9A-Fa-f]*$/.test(query)) {
      const { body, error } = await this.get<OtlpTrace>(`/api/traces/${encodeURIComponent(query)}`);
      return {
        refId: t.refId,
        frames: body ? [traceFrame(t.refId, body)] : [],
        error: error && `failed to get trace with id: ${query} ${error}`,
      };
    }
    const q = new URLSearchParams({ q: query, limit: String(t.limit ?? 20) });
    q.set('start', String(Math.floor(request.range.from.valueOf() / 1000)));
    q.set('end', String(Math.ceil(request.range.to.valueOf() / 1000)));
    const { body, error } = await this.get<{ traces?: SearchTrace[] }>(`/api/search?${q}`);
    return { refId: t.refId, frames: error ? [] : [searchFrame(t.refId, body?.traces ?? [])], error };
  }
}

const ms = (nanos: string | undefined) => Number(nanos ?? NaN) / 1e6;

function spansetFrame(traceID: string, spans: SearchSpan[]): DataFrame {
  return createDataFrame({
    fields: [
      {
        name: 'traceIdHidden',
        type: FieldType.string,
        values: spans.map(() => traceID),
        config: { custom: { hidden: true } },
      },
      { name: 'spanID', type: FieldType.string, values: spans.map((s) => s.spanID) },
      { name: 'time', type: FieldType.time, values: spans.map((s) => ms(s.startTimeUnixNano)) },
      {
        name: 'duration',
        type: FieldType.number,
        values: spans.map((s) => Number(s.durationNanos)),
        config: { unit: 'ns' },
      },
    ],
  });
}

/** Grafana's Tempo search table (most recent first), nested spansets per trace. */
function searchFrame(refId: string, traces: SearchTrace[]): DataFrame {
  const rows = [...traces].sort((a, b) => ms(b.startTimeUnixNano) - ms(a.startTimeUnixNano));
  return createDataFrame({
    name: 'Traces',
    refId,
    meta: { preferredVisualisationType: 'table', uniqueRowIdFields: [0] },
    fields: [
      {
        name: 'traceID',
        type: FieldType.string,
        values: rows.map((r) => r.traceID),
        config: { displayNameFromDS: 'Trace ID' },
      },
      {
        name: 'startTime',
        type: FieldType.time,
        values: rows.map((r) => ms(r.startTimeUnixNano)),
        config: { displayNameFromDS: 'Start time' },
      },
      {
        name: 'traceService',
        type: FieldType.string,
        values: rows.map((r) => r.rootServiceName ?? ''),
        config: { displayNameFromDS: 'Service' },
      },
      {
        name: 'traceName',
        type: FieldType.string,
        values: rows.map((r) => r.rootTraceName ?? ''),
        config: { displayNameFromDS: 'Name' },
      },
      {
        name: 'traceDuration',
        type: FieldType.number,
        values: rows.map((r) => r.durationMs || '<1ms'),
        config: { displayNameFromDS: 'Duration', unit: 'ms' },
      },
      {
        name: 'nested',
        type: FieldType.nestedFrames,
        values: rows.map((r) => (r.spanSets ?? []).map((s) => spansetFrame(r.traceID, s.spans))),
      },
    ],
  });
}

function anyValue(v: AnyValue): unknown {
  return v.stringValue ?? v.boolValue ?? v.doubleValue ?? (v.intValue !== undefined ? Number(v.intValue) : undefined);
}

/** OTLP → Grafana's trace frame, as Tempo's backend (`TraceToFrame`) builds it: ms times, OTel status code per span. */
function traceFrame(refId: string, trace: OtlpTrace): DataFrame {
  const rows = trace.batches.flatMap((b) => {
    const service = String(anyValue(b.resource.attributes.find((a) => a.key === 'service.name')?.value ?? {}) ?? '');
    return b.scopeSpans.flatMap((ss) => ss.spans.map((s) => ({ s, service })));
  });
  const traceId = rows[0]?.s ? ((rows[0].s as OtlpSpan & { traceId?: string }).traceId ?? '') : '';
  return createDataFrame({
    refId,
    meta: { preferredVisualisationType: 'trace' },
    fields: [
      { name: 'traceID', type: FieldType.string, values: rows.map(() => traceId) },
      { name: 'spanID', type: FieldType.string, values: rows.map(({ s }) => s.spanId) },
      { name: 'parentSpanID', type: FieldType.string, values: rows.map(({ s }) => s.parentSpanId ?? '') },
      { name: 'operationName', type: FieldType.string, values: rows.map(({ s }) => s.name) },
      { name: 'serviceName', type: FieldType.string, values: rows.map(({ service }) => service) },
      { name: 'startTime', type: FieldType.number, values: rows.map(({ s }) => ms(s.startTimeUnixNano)) },
      {
        name: 'duration',
        type: FieldType.number,
        values: rows.map(({ s }) => ms(s.endTimeUnixNano) - ms(s.startTimeUnixNano)),
      },
      {
        name: 'tags',
        type: FieldType.other,
        values: rows.map(({ s }) => (s.attributes ?? []).map((a) => ({ key: a.key, value: anyValue(a.value) }))),
      },
      { name: 'statusCode', type: FieldType.number, values: rows.map(({ s }) => s.status?.code ?? 0) },
    ],
  });
}
