import '../../../testing/jsdomShims';
import React from 'react';
import { Observable, Subject } from 'rxjs';
import { act, render, screen, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import {
  FieldType,
  createDataFrame,
  getDefaultTimeRange,
  type DataQueryRequest,
  type DataQueryResponse,
} from '@grafana/data';
import { setDataSourceSrv, type DataSourceSrv } from '@grafana/runtime';
import { EMPTY_SEARCH, type TraceHit } from '../model/search';
import { ResultsView } from './ResultsView';

/** A data source whose trace lookups the test answers; it records which ids were asked and which were cancelled. */
function installSource() {
  const open = new Map<string, Subject<DataQueryResponse>>();
  const asked: string[] = [];
  const cancelled: string[] = [];
  const ds = {
    query(req: DataQueryRequest) {
      const id = (req.targets[0] as unknown as { query: string }).query;
      asked.push(id);
      const subject = new Subject<DataQueryResponse>();
      open.set(id, subject);
      return new Observable<DataQueryResponse>((sub) => {
        const inner = subject.subscribe(sub);
        return () => {
          if (open.has(id)) {
            cancelled.push(id);
          }
          inner.unsubscribe();
        };
      });
    },
  };
  setDataSourceSrv({ get: async () => ds } as unknown as DataSourceSrv);
  const answer = (id: string, res: DataQueryResponse) => {
    const s = open.get(id)!;
    open.delete(id);
    s.next(res);
    s.complete();
  };
  return { asked, cancelled, answer };
}

const trace = (services: string[], errorAt = -1) =>
  createDataFrame({
    fields: [
      { name: 'spanID', type: FieldType.string, values: services.map((_, i) => String(i)) },
      { name: 'serviceName', type: FieldType.string, values: services },
      { name: 'statusCode', type: FieldType.number, values: services.map((_, i) => (i === errorAt ? 2 : 0)) },
    ],
  });

const hits: TraceHit[] = Array.from({ length: 25 }, (_, i) => ({
  traceId: `t${i}`,
  name: `svc: op ${i}`,
  startMs: 1_700_000_000_000 - i * 1000,
  durationMs: 10 + i,
  ...(i === 0 ? { rootService: 'svc', matchedSpans: 2 } : {}),
}));

test('counts load for the visible page first, then the rest, four at a time; leaving the page cancels what is in flight', async () => {
  const src = installSource();
  render(
    <ResultsView
      hits={hits}
      dropped={0}
      traceUid="tempo"
      kind="tempo"
      range={getDefaultTimeRange()}
      search={EMPTY_SEARCH}
      sort="time"
      onSort={jest.fn()}
      onOpen={jest.fn()}
      onCompare={jest.fn()}
    />
  );
  const rows = () => screen.getAllByTestId('meshlens-trace-hit');
  expect(rows()).toHaveLength(20);
  // Tempo's search carried the root service and 2 matched spans; the rest is "…" until the trace is loaded.
  expect(within(rows()[0]).getByText('… (2 matching spans listed)')).toBeInTheDocument();
  expect(within(rows()[0]).getByText('svc, …')).toBeInTheDocument();
  await act(async () => {});
  expect(src.asked).toEqual(['t0', 't1', 't2', 't3']);
  expect(screen.getByTestId('meshlens-trace-counts')).toHaveTextContent(
    '25 traces · 25 traces not yet enriched with span, error and service counts'
  );

  await act(async () => src.answer('t0', { data: [trace(['web', 'db', 'db'], 1)] }));
  expect(within(rows()[0]).getByText('3 (2 matching spans listed)')).toBeInTheDocument();
  expect(within(rows()[0]).getByText('db, web')).toBeInTheDocument();
  expect(src.asked).toEqual(['t0', 't1', 't2', 't3', 't4']);
  await act(async () => src.answer('t1', { data: [], errors: [{ message: 'trace "t1" not found' }] }));
  // The reason is shown as text, quotes and all (not HTML-escaped by i18next).
  expect(within(rows()[1]).getByText('Counts unavailable: trace "t1" not found')).toBeInTheDocument();
  expect(screen.getByTestId('meshlens-trace-counts')).toHaveTextContent(
    '25 traces · 23 traces not yet enriched with span, error and service counts · 1 trace could not be loaded for its counts'
  );
  // The scatter colours a point once its trace's errors are known: t0 has one, the others are not known yet.
  const errorsOf = (id: number) =>
    screen.getAllByRole('button', { name: new RegExp(`^svc: op ${id} `) })[0].getAttribute('data-errors');
  expect([errorsOf(0), errorsOf(1), errorsOf(2)]).toEqual(['true', 'unknown', 'unknown']);

  await userEvent.click(screen.getByRole('button', { name: '2' }));
  await act(async () => {});
  expect(rows()).toHaveLength(5);
  expect(src.cancelled.sort()).toEqual(['t2', 't3', 't4', 't5']);
  expect(src.asked.slice(-4)).toEqual(['t20', 't21', 't22', 't23']);
});
