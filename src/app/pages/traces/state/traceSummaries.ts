import { Observable, from, map, mergeMap, of, catchError } from 'rxjs';
import { type DataQueryRequest, type DataQueryResponse, type DataSourceApi, type TimeRange } from '@grafana/data';
import { traceIdQuery, type TraceSourceKind } from '../../../../shared/traces/traceSource';
import { summariseTrace, traceFrameOf, type TraceSummary } from '../model/summary';

/** A trace's counts, or why they could not be had. */
export type SummaryResult = TraceSummary | { failed: string };

/** Traces fetched at once for the result list: enough to fill a page fast, few enough not to swamp the store. */
export const SUMMARY_CONCURRENCY = 4;

function request(kind: TraceSourceKind, traceId: string, range: TimeRange): DataQueryRequest {
  return {
    requestId: `meshlens-trace-summary-${traceId}`,
    app: 'meshlens-istio-app',
    interval: '1s',
    intervalMs: 1000,
    range,
    scopedVars: {},
    targets: [traceIdQuery(kind, traceId, 'summary')],
    timezone: 'browser',
    startTime: Date.now(),
  };
}

function toResult(res: DataQueryResponse): SummaryResult {
  // Tempo's data source reports a failed query in the older single `error` field only.
  const failure = res.errors?.[0]?.message ?? res.error?.message;
  if (failure) {
    return { failed: failure };
  }
  const frame = traceFrameOf(res.data ?? []);
  return frame ? summariseTrace(frame) : { failed: 'trace not found' };
}

/**
 * Loads each trace by id through the data source's own query API (as a panel would), at most
 * `concurrency` at a time, emitting `[id, result]` as each arrives. Unsubscribing cancels what is left.
 */
export function loadSummaries(
  ds: DataSourceApi,
  kind: TraceSourceKind,
  ids: readonly string[],
  range: TimeRange,
  concurrency = SUMMARY_CONCURRENCY
): Observable<[string, SummaryResult]> {
  return from(ids).pipe(
    mergeMap(
      (id) =>
        from(ds.query(request(kind, id, range)) as Observable<DataQueryResponse> | Promise<DataQueryResponse>).pipe(
          map((res): [string, SummaryResult] => [id, toResult(res)]),
          catchError((e: unknown) =>
            of<[string, SummaryResult]>([id, { failed: e instanceof Error ? e.message : String(e) }])
          )
        ),
      concurrency
    )
  );
}
