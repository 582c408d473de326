import { from, type Observable } from 'rxjs';
import {
  DataSourceApi,
  FieldType,
  LoadingState,
  createDataFrame,
  rangeUtil,
  type DataFrame,
  type DataQuery,
  type DataQueryError,
  type DataQueryRequest,
  type DataQueryResponse,
  type DataSourceInstanceSettings,
  type ScopedVars,
} from '@grafana/data';
import { getTemplateSrv } from '@grafana/runtime';

export interface PromQuery extends DataQuery {
  expr: string;
  instant?: boolean;
  range?: boolean;
  legendFormat?: string;
  interval?: string;
}

interface PromSeries {
  metric: Record<string, string>;
  value?: [number, string];
  values?: Array<[number, string]>;
}

interface PromBody {
  status: 'success' | 'error';
  error?: string;
  errorType?: string;
  data?: { resultType: 'vector' | 'matrix' | 'scalar' | 'string'; result: PromSeries[] | [number, string] };
}

/** What the page asked for, read back by the test driver (count and time of real HTTP queries). */
export interface QueryLog {
  count: number;
  totalMs: number;
  exprs: string[];
}

/**
 * A Prometheus data source for the harness: it interpolates like Grafana's Prometheus data source
 * ($__rate_interval, $__range, $__interval, scene variables through the template service) and
 * queries the real Prometheus HTTP API through the harness server's proxy route. The frames it
 * returns are shaped as Grafana's Prometheus backend shapes them: one frame per series, a Time and a
 * Value field, the series labels on the Value field, refId and executedQueryString set.
 */
export class HarnessPrometheus extends DataSourceApi<PromQuery> {
  private readonly scrapeIntervalMs: number;

  constructor(
    settings: DataSourceInstanceSettings,
    private readonly log: QueryLog
  ) {
    super(settings);
    this.scrapeIntervalMs = rangeUtil.intervalToMs((settings.jsonData as { timeInterval?: string }).timeInterval ?? '15s');
  }

  query(request: DataQueryRequest<PromQuery>): Observable<DataQueryResponse> {
    const targets = request.targets.filter((t) => !t.hide && t.expr);
    return from(
      Promise.all(targets.map((t) => this.runTarget(t, request))).then((results) => {
        const errors = results.flatMap((r) => (r.error ? [r.error] : []));
        return {
          data: results.flatMap((r) => r.frames),
          errors,
          error: errors[0],
          state: errors.length ? LoadingState.Error : LoadingState.Done,
        };
      })
    );
  }

  /**
   * Variable queries as Grafana's Prometheus data source reads them: `label_values([selector,] label)`, and
   * `query_result(expr)` (an instant query at the range's end; each series as Grafana writes it,
   * `name{a="x", b="y"} value timestamp`, for the variable's regex).
   */
  override async metricFindQuery(query: string | { query?: string }, options?: { range?: DataQueryRequest['range'] }) {
    const text = typeof query === 'string' ? query : (query?.query ?? '');
    const qr = /^\s*query_result\((.*)\)\s*$/s.exec(text);
    if (qr) {
      return this.queryResult(text, qr[1], options?.range);
    }
    const m = /^\s*label_values\(\s*(?:(.+?)\s*,\s*)?(\w+)\s*\)\s*$/.exec(text);
    if (!m) {
      throw new Error(`The harness Prometheus only answers label_values(...) and query_result(...) variable queries, got: ${text}`);
    }
    const params = new URLSearchParams();
    if (m[1]) {
      params.append('match[]', m[1]);
    }
    if (options?.range) {
      params.set('start', String(Math.floor(options.range.from.valueOf() / 1000)));
      params.set('end', String(Math.ceil(options.range.to.valueOf() / 1000)));
    }
    this.log.count++;
    this.log.exprs.push(text);
    const started = performance.now();
    try {
      const res = await fetch(`${this.proxyBase()}/api/v1/label/${encodeURIComponent(m[2])}/values?${params}`);
      const body = (await res.json().catch(() => undefined)) as { status?: string; data?: string[]; error?: string } | undefined;
      if (!res.ok || body?.status !== 'success') {
        throw new Error(body?.error ?? `Prometheus answered HTTP ${res.status}`);
      }
      return (body.data ?? []).map((v) => ({ text: v, value: v }));
    } finally {
      this.log.totalMs += performance.now() - started;
    }
  }

  private async queryResult(text: string, expr: string, range?: DataQueryRequest['range']) {
    const params = new URLSearchParams({ query: expr });
    if (range) {
      params.set('time', String(Math.floor(range.to.valueOf() / 1000)));
    }
    this.log.count++;
    this.log.exprs.push(text);
    const started = performance.now();
    try {
      const res = await fetch(`${this.proxyBase()}/api/v1/query?${params}`);
      const body = (await res.json().catch(() => undefined)) as
        | { status?: string; data?: { result: Array<{ metric: Record<string, string>; value: [number, string] }> }; error?: string }
        | undefined;
      if (!res.ok || body?.status !== 'success') {
        throw new Error(body?.error ?? `Prometheus answered HTTP ${res.status}`);
      }
      return (body.data?.result ?? []).map(({ metric, value }) => {
        const { __name__, ...labels } = metric;
        const shown = Object.entries(labels)
          .map(([k, v]) => `${k}="${v}"`)
          .join(', ');
        return { text: `${__name__ ?? ''}{${shown}} ${value[1]} ${value[0] * 1000}` };
      });
    } finally {
      this.log.totalMs += performance.now() - started;
    }
  }

  async testDatasource() {
    const res = await fetch(`${this.proxyBase()}/api/v1/query?query=1`);
    return res.ok
      ? { status: 'success', message: 'Successfully queried the Prometheus API.' }
      : { status: 'error', message: `Prometheus answered HTTP ${res.status}: ${(await res.text()).slice(0, 200)}` };
  }

  private proxyBase() {
    return `/api/datasources/proxy/uid/${encodeURIComponent(this.uid)}`;
  }

  private interpolate(target: PromQuery, request: DataQueryRequest<PromQuery>): string {
    const rangeMs = request.range.to.valueOf() - request.range.from.valueOf();
    const intervalMs = Math.max(request.intervalMs ?? this.scrapeIntervalMs, this.scrapeIntervalMs);
    // Grafana's definition: max(interval + scrape interval, 4 × scrape interval).
    const rateMs = Math.max(intervalMs + this.scrapeIntervalMs, 4 * this.scrapeIntervalMs);
    const seconds = (ms: number) => `${Math.max(1, Math.round(ms / 1000))}s`;
    const vars: ScopedVars = {
      ...request.scopedVars,
      __interval: { text: seconds(intervalMs), value: seconds(intervalMs) },
      __rate_interval: { text: seconds(rateMs), value: seconds(rateMs) },
      __range: { text: seconds(rangeMs), value: seconds(rangeMs) },
      __range_s: { text: String(Math.round(rangeMs / 1000)), value: String(Math.round(rangeMs / 1000)) },
    };
    return getTemplateSrv().replace(target.expr, vars);
  }

  private async runTarget(target: PromQuery, request: DataQueryRequest<PromQuery>): Promise<{ frames: DataFrame[]; error?: DataQueryError }> {
    const expr = this.interpolate(target, request);
    const end = Math.floor(request.range.to.valueOf() / 1000);
    const params = new URLSearchParams({ query: expr });
    let path = '/api/v1/query';
    if (target.instant) {
      params.set('time', String(end));
    } else {
      const step = Math.max(1, Math.round(Math.max(request.intervalMs ?? 0, this.scrapeIntervalMs) / 1000));
      const start = Math.floor(request.range.from.valueOf() / 1000);
      path = '/api/v1/query_range';
      params.set('start', String(start - (start % step)));
      params.set('end', String(end - (end % step) + step));
      params.set('step', String(step));
    }
    const started = performance.now();
    this.log.count++;
    this.log.exprs.push(expr);
    try {
      const res = await fetch(`${this.proxyBase()}${path}`, {
        method: 'POST',
        headers: { 'Content-Type': 'application/x-www-form-urlencoded' },
        body: params,
      });
      const text = await res.text();
      let body: PromBody | undefined;
      try {
        body = JSON.parse(text) as PromBody;
      } catch {
        body = undefined;
      }
      if (!res.ok || !body || body.status !== 'success' || !body.data) {
        const message = body?.error ?? (text.trim() || res.statusText);
        return { frames: [], error: { refId: target.refId, message: `${message}`, status: res.status } };
      }
      return { frames: toFrames(target, expr, body.data) };
    } catch (e) {
      return { frames: [], error: { refId: target.refId, message: (e as Error).message } };
    } finally {
      this.log.totalMs += performance.now() - started;
    }
  }
}

function toFrames(target: PromQuery, expr: string, data: NonNullable<PromBody['data']>): DataFrame[] {
  const meta = { executedQueryString: `Expr: ${expr}`, type: 'timeseries-multi' as never };
  if (data.resultType === 'scalar' || data.resultType === 'string') {
    const [t, v] = data.result as [number, string];
    return [
      createDataFrame({
        refId: target.refId,
        meta,
        fields: [
          { name: 'Time', type: FieldType.time, values: [t * 1000] },
          { name: 'Value', type: FieldType.number, values: [Number(v)] },
        ],
      }),
    ];
  }
  return (data.result as PromSeries[]).map((s) => {
    const points = s.values ?? (s.value ? [s.value] : []);
    const { __name__, ...labels } = s.metric;
    return createDataFrame({
      refId: target.refId,
      name: legend(target.legendFormat, s.metric) ?? __name__,
      meta,
      fields: [
        { name: 'Time', type: FieldType.time, values: points.map(([t]) => t * 1000) },
        { name: 'Value', type: FieldType.number, values: points.map(([, v]) => Number(v)), labels, config: {} },
      ],
    });
  });
}

function legend(format: string | undefined, labels: Record<string, string>): string | undefined {
  return format ? format.replace(/\{\{\s*(\w+)\s*\}\}/g, (_, name: string) => labels[name] ?? '') : undefined;
}
