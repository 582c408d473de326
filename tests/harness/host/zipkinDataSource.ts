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

interface ZipkinQuery extends DataQuery {
  queryType?: 'traceID' | 'upload';
  query?: string;
}

interface ZipkinSpan {
  traceId: string;
  id: string;
  parentId?: string;
  name?: string;
  timestamp?: number;
  duration?: number;
  kind?: string;
  localEndpoint?: { serviceName?: string };
  tags?: Record<string, string>;
}

/**
 * A Zipkin data source for the harness, shaped as Grafana's: a trace id query (`queryType: 'traceID'`)
 * asks `/api/v2/trace/<id>` behind the harness proxy and answers a trace frame (a row per span, ms).
 * Grafana's Zipkin data source has no search, so neither has this one.
 */
export class HarnessZipkin extends DataSourceApi<ZipkinQuery> {
  constructor(
    settings: DataSourceInstanceSettings,
    private readonly log: QueryLog
  ) {
    super(settings);
  }

  query(request: DataQueryRequest<ZipkinQuery>): Observable<DataQueryResponse> {
    return mergeTargetResults(Promise.all(request.targets.map((t) => this.run(t))));
  }

  async testDatasource() {
    return { status: 'success', message: 'Zipkin (harness) has no health check.' };
  }

  private async run(t: ZipkinQuery): Promise<TargetResult> {
    if (t.queryType !== 'traceID') {
      return {
        refId: t.refId,
        frames: [],
        error: `Zipkin answers trace id queries only, not ${t.queryType ?? 'an empty query type'}`,
      };
    }
    const path = `/api/v2/trace/${encodeURIComponent((t.query ?? '').trim())}`;
    const started = performance.now();
    this.log.count++;
    this.log.exprs.push(`zipkin ${path}`);
    try {
      const res = await fetch(`/api/datasources/proxy/uid/${encodeURIComponent(this.uid)}${path}`);
      const text = await res.text();
      if (!res.ok) {
        const message = (() => {
          try {
            return (JSON.parse(text) as { message?: string }).message;
          } catch {
            return undefined;
          }
        })();
        return { refId: t.refId, frames: [], error: message ?? `${res.status} ${res.statusText}: ${text.trim()}` };
      }
      return { refId: t.refId, frames: [traceFrame(t.refId, JSON.parse(text) as ZipkinSpan[])] };
    } catch (e) {
      return { refId: t.refId, frames: [], error: (e as Error).message };
    } finally {
      this.log.totalMs += performance.now() - started;
    }
  }
}

function traceFrame(refId: string, spans: ZipkinSpan[]): DataFrame {
  return createDataFrame({
    refId,
    meta: { preferredVisualisationType: 'trace' },
    fields: [
      { name: 'traceID', type: FieldType.string, values: spans.map((s) => s.traceId) },
      { name: 'spanID', type: FieldType.string, values: spans.map((s) => s.id) },
      { name: 'parentSpanID', type: FieldType.string, values: spans.map((s) => s.parentId ?? '') },
      { name: 'operationName', type: FieldType.string, values: spans.map((s) => s.name ?? '') },
      {
        name: 'serviceName',
        type: FieldType.string,
        values: spans.map((s) => s.localEndpoint?.serviceName ?? 'unknown'),
      },
      { name: 'startTime', type: FieldType.number, values: spans.map((s) => (s.timestamp ?? NaN) / 1000) },
      { name: 'duration', type: FieldType.number, values: spans.map((s) => (s.duration ?? 0) / 1000) },
      {
        name: 'tags',
        type: FieldType.other,
        values: spans.map((s) => Object.entries(s.tags ?? {}).map(([key, value]) => ({ key, value }))),
      },
      { name: 'kind', type: FieldType.string, values: spans.map((s) => s.kind?.toLowerCase() ?? '') },
    ],
  });
}
