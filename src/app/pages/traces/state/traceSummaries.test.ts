import { Observable } from 'rxjs';
import {
  FieldType,
  createDataFrame,
  getDefaultTimeRange,
  type DataQueryRequest,
  type DataQueryResponse,
  type DataSourceApi,
} from '@grafana/data';
import { loadSummaries, type SummaryResult } from './traceSummaries';

/** A data source whose answers the test releases one by one, recording how many were in flight. */
function fakeSource() {
  const pending: Array<{ id: string; answer(res: DataQueryResponse): void }> = [];
  const requests: DataQueryRequest[] = [];
  let inFlight = 0;
  let maxInFlight = 0;
  let cancelled = 0;
  const ds = {
    query(req: DataQueryRequest) {
      requests.push(req);
      return new Observable<DataQueryResponse>((sub) => {
        inFlight++;
        maxInFlight = Math.max(maxInFlight, inFlight);
        let done = false;
        pending.push({
          id: (req.targets[0] as unknown as { query: string }).query,
          answer: (res) => {
            done = true;
            inFlight--;
            sub.next(res);
            sub.complete();
          },
        });
        return () => {
          if (!done) {
            inFlight--;
            cancelled++;
          }
        };
      });
    },
  } as unknown as DataSourceApi;
  return { ds, pending, requests, stats: () => ({ inFlight, maxInFlight, cancelled }) };
}

const trace = (services: string[]) =>
  createDataFrame({
    fields: [
      { name: 'spanID', type: FieldType.string, values: services.map((_, i) => String(i)) },
      { name: 'serviceName', type: FieldType.string, values: services },
      { name: 'statusCode', type: FieldType.number, values: services.map((s) => (s === 'db' ? 2 : 0)) },
    ],
  });

test('at most four traces load at once, each in the data source query model, results as they arrive', () => {
  const { ds, pending, requests, stats } = fakeSource();
  const results: Array<[string, SummaryResult]> = [];
  const ids = ['a', 'b', 'c', 'd', 'e', 'f'];
  loadSummaries(ds, 'tempo', ids, getDefaultTimeRange()).subscribe((r) => results.push(r));
  expect(stats().inFlight).toBe(4);
  expect(requests[0].targets).toEqual([{ refId: 'summary', queryType: 'traceql', query: 'a' }]);
  pending.shift()!.answer({ data: [trace(['web', 'db'])] });
  expect(results).toEqual([['a', { spans: 2, errors: 1, services: ['db', 'web'] }]]);
  expect(stats().inFlight).toBe(4);
  pending.shift()!.answer({ data: [], errors: [{ message: 'trace not found' }] });
  pending.shift()!.answer({ data: [] });
  while (pending.length) {
    pending.shift()!.answer({ data: [trace(['web'])] });
  }
  expect(results.map(([id]) => id)).toEqual(ids);
  expect(results[1][1]).toEqual({ failed: 'trace not found' });
  expect(results[2][1]).toEqual({ failed: 'trace not found' });
  expect(stats().maxInFlight).toBe(4);
});

test('unsubscribing cancels the loads in flight and starts no more', () => {
  const { ds, requests, stats } = fakeSource();
  const sub = loadSummaries(ds, 'jaeger', ['a', 'b', 'c', 'd', 'e', 'f'], getDefaultTimeRange()).subscribe();
  expect(requests[0].targets).toEqual([{ refId: 'summary', query: 'a' }]);
  sub.unsubscribe();
  expect(stats()).toEqual({ inFlight: 0, maxInFlight: 4, cancelled: 4 });
  expect(requests).toHaveLength(4);
});

test('a data source that throws becomes a failure for that trace', async () => {
  const ds = { query: () => Promise.reject(new Error('connection refused')) } as unknown as DataSourceApi;
  const results: Array<[string, SummaryResult]> = [];
  await new Promise<void>((done) =>
    loadSummaries(ds, 'jaeger', ['x'], getDefaultTimeRange()).subscribe({
      next: (r) => results.push(r),
      complete: done,
    })
  );
  expect(results).toEqual([['x', { failed: 'connection refused' }]]);
});
