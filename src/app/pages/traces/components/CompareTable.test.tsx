import '../../../testing/jsdomShims';
import React from 'react';
import { render, screen } from '@testing-library/react';
import {
  FieldType,
  LoadingState,
  createDataFrame,
  getDefaultTimeRange,
  type DataFrame,
  type PanelData,
} from '@grafana/data';
import { SceneDataNode, VizPanel } from '@grafana/scenes';
import { CompareTable } from './CompareTable';

const trace = (rows: Array<[string, string, number, number]>) =>
  createDataFrame({
    fields: [
      { name: 'spanID', type: FieldType.string, values: rows.map((_, i) => String(i)) },
      { name: 'serviceName', type: FieldType.string, values: rows.map((r) => r[0]) },
      { name: 'operationName', type: FieldType.string, values: rows.map((r) => r[1]) },
      { name: 'startTime', type: FieldType.number, values: rows.map((r) => r[2]) },
      { name: 'duration', type: FieldType.number, values: rows.map((r) => r[3]) },
    ],
  });

/** A side as the compare view holds it: a trace panel whose data is given. */
function side(state: LoadingState, series: DataFrame[], errors?: PanelData['errors']) {
  return new VizPanel({
    pluginId: 'meshlens-trace-panel',
    $data: new SceneDataNode({ data: { state, series, errors, timeRange: getDefaultTimeRange() } }),
  });
}

test('both traces loaded: spans grouped by service and operation, biggest change first', () => {
  const a = side(LoadingState.Done, [
    trace([
      ['web', 'GET /', 0, 100],
      ['db', 'query', 10, 20],
    ]),
  ]);
  const b = side(LoadingState.Done, [
    trace([
      ['web', 'GET /', 0, 160],
      ['cache', 'get', 5, 1],
    ]),
  ]);
  render(<CompareTable ids={['aaa', 'bbb']} a={a} b={b} />);
  expect(screen.getByTestId('meshlens-compare-summary')).toHaveTextContent(
    'A: aaa (2 spans, 100ms) vs B: bbb (2 spans, 160ms)'
  );
  const rows = screen
    .getAllByTestId('meshlens-compare-row')
    .map((r) => Array.from(r.querySelectorAll('td')).map((td) => td.textContent));
  expect(rows).toEqual([
    ['web', 'GET /', '1 / 1', '100ms / 160ms', '+60ms'],
    ['db', 'query', '1 / 0', '20ms / 0µs', 'only in A'],
    ['cache', 'get', '0 / 1', '0µs / 1ms', 'only in B'],
  ]);
});

test('a failed side and an unknown id are both named, with the reason as plain text', () => {
  const a = side(LoadingState.Error, [], [{ message: 'Tempo said "no"' }]);
  const b = side(LoadingState.Done, []);
  render(<CompareTable ids={['a"1', 'bbb']} a={a} b={b} />);
  expect(screen.getByRole('alert')).toHaveTextContent(
    'Trace A "a"1" could not be loaded: Tempo said "no" Trace B "bbb" was not found in the trace data source.'
  );
  expect(screen.queryByTestId('meshlens-compare-row')).toBeNull();
});

test('while a side loads, the table waits', () => {
  render(
    <CompareTable
      ids={['aaa', 'bbb']}
      a={side(LoadingState.Loading, [])}
      b={side(LoadingState.Done, [trace([['web', 'GET /', 0, 1]])])}
    />
  );
  expect(screen.getByText('Loading both traces…')).toBeInTheDocument();
});
