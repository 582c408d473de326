import '../../testing/jsdomShims';
import React from 'react';
import { act, render, screen, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { MemoryRouter } from 'react-router-dom';
import { FieldType, LoadingState, createDataFrame, getDefaultTimeRange, type DataFrame, type PanelData } from '@grafana/data';
import { EmbeddedScene, SceneDataNode, SceneFlexItem, SceneFlexLayout, SceneQueryRunner, sceneGraph } from '@grafana/scenes';
import { NamespaceOverview } from './NamespaceOverview';
import { DEFAULT_THRESHOLDS } from '../../../shared/settings';

function series(refId: string, label: string, ns: string, value: number, extra: Record<string, string> = {}): DataFrame {
  return createDataFrame({
    refId,
    fields: [
      { name: 'Time', type: FieldType.time, values: [1000] },
      { name: 'Value', type: FieldType.number, values: [value], labels: { [label]: ns, ...extra } },
    ],
  });
}

const panelData = (data: Partial<PanelData>): PanelData => ({ state: LoadingState.Done, series: [], timeRange: getDefaultTimeRange(), ...data });

/** A details runner whose runQueries answers with `answer` (or stays loading), counting its runs. */
function detailsRunner(answer?: Partial<PanelData>) {
  const runner = new SceneQueryRunner({ queries: [], runQueriesMode: 'manual' });
  const runs = jest.spyOn(runner, 'runQueries').mockImplementation(() => runner.setState({ data: answer ? panelData(answer) : panelData({ state: LoadingState.Loading }) }));
  return { runner, runs };
}

function renderWith(data: Partial<PanelData>, listed: string[] = [], details = detailsRunner().runner) {
  const overview = new NamespaceOverview({ filter: '', sort: 'health', dir: 'asc', view: 'list', thresholds: DEFAULT_THRESHOLDS, listed, dataSourceUid: 'prom', details });
  const scene = new EmbeddedScene({
    $data: new SceneDataNode({ data: panelData(data) }),
    body: new SceneFlexLayout({ children: [new SceneFlexItem({ body: overview })] }),
  });
  render(
    <MemoryRouter>
      <scene.Component model={scene} />
    </MemoryRouter>
  );
  return overview;
}

const D = 'destination_workload_namespace';

describe('NamespaceOverview', () => {
  beforeAll(() => {
    // jsdom has no layout; the virtualiser needs a size to render rows.
    jest.spyOn(HTMLElement.prototype, 'clientHeight', 'get').mockReturnValue(600);
    jest.spyOn(HTMLElement.prototype, 'clientWidth', 'get').mockReturnValue(1000);
  });

  test('lists namespaces with health, failing first, and filters them', async () => {
    const overview = renderWith({
      series: [series('traffic', D, 'shop', 9, { response_code: '200' }), series('traffic', D, 'shop', 1, { response_code: '500' }), series('traffic', D, 'bookinfo', 5)],
    });
    const rows = await screen.findAllByTestId('meshlens-namespace-row');
    expect(rows.map((r) => within(r).getAllByRole('cell')[0].textContent)).toEqual(['shop', 'bookinfo']);
    expect(within(rows[0]).getByText('Failure')).toBeInTheDocument();
    expect(within(rows[0]).getByTestId('meshlens-health-reason')).toHaveTextContent('5xx 10.0 % of inbound HTTP ≥ 10 % failure');
    expect(screen.getByRole('link', { name: 'Open the graph of shop' })).toHaveAttribute('href', '/a/meshlens-istio-app/graph?var-namespace=shop');
    await userEvent.type(screen.getByLabelText('Filter namespaces'), 'book');
    expect(overview.state.filter).toBe('book');
    expect(screen.getAllByTestId('meshlens-namespace-row')).toHaveLength(1);
    expect(screen.getByTestId('meshlens-overview-count')).toHaveTextContent('1 of 2 namespaces shown');
  });

  test('namespaces without traffic are listed and flagged, and counted in the footer', async () => {
    renderWith(
      {
        series: [
          series('traffic', D, 'shop', 10),
          series('inventory', 'namespace', 'shop', 1, { label_istio_injection: 'enabled' }),
          series('inventory', 'namespace', 'standby', 1, { label_istio_injection: 'enabled' }),
          series('inventory', 'namespace', 'legacy', 1),
          series('inventory', 'namespace', 'other', 1),
          series('proxies', 'namespace', 'other', 2),
        ],
      },
      ['configured']
    );
    const rows = await screen.findAllByTestId('meshlens-namespace-row');
    const byName = Object.fromEntries(rows.map((r) => [within(r).getByRole('link').textContent, r]));
    expect(Object.keys(byName).sort()).toEqual(['configured', 'legacy', 'other', 'shop', 'standby']);
    expect(within(byName.shop).queryByTestId('meshlens-flag-no-traffic')).toBeNull();
    expect(within(byName.legacy).getByTestId('meshlens-flag-no-traffic')).toHaveTextContent('no traffic');
    expect(within(byName.legacy).getByTestId('meshlens-flag-no-sidecars')).toHaveTextContent('no sidecars');
    // Proxies report from it: it has sidecars even without the label.
    expect(within(byName.other).queryByTestId('meshlens-flag-no-sidecars')).toBeNull();
    expect(within(byName.configured).getByTestId('meshlens-flag-no-traffic')).toBeInTheDocument();
    expect(screen.getByTestId('meshlens-overview-count')).toHaveTextContent('5 of 5 namespaces shown · 4 without traffic · 1 without sidecars');
    expect(screen.queryByTestId('meshlens-panel-message')).toBeNull();
  });

  test('only namespaces without traffic: they are listed under the "no request metrics" explanation', async () => {
    renderWith({ series: [series('inventory', 'namespace', 'legacy', 1)] });
    expect(await screen.findAllByTestId('meshlens-namespace-row')).toHaveLength(1);
    expect(screen.getByTestId('meshlens-panel-message')).toHaveTextContent('No Istio request metrics (istio_requests_total) in "prom"');
  });

  test('a query error is explained with the data source and the reason', () => {
    renderWith({ state: LoadingState.Error, errors: [{ message: 'connection refused' }] });
    expect(screen.getByTestId('meshlens-panel-message')).toHaveTextContent('The Prometheus data source "prom" could not answer: connection refused.');
  });

  test('no Istio series: says which metric is missing', () => {
    renderWith({ series: [] });
    expect(screen.getByTestId('meshlens-panel-message')).toHaveTextContent('No Istio request metrics (istio_requests_total) in "prom"');
  });

  test('p95 fills in from the details runner, which runs once with the rows', async () => {
    const { runner, runs } = detailsRunner({ series: [series('p95', D, 'shop', 42)] });
    renderWith({ series: [series('traffic', D, 'shop', 10)] }, [], runner);
    const row = await screen.findByTestId('meshlens-namespace-row');
    expect(runs).toHaveBeenCalledTimes(1);
    expect(within(row).getByText(/42/)).toBeInTheDocument();
  });

  test('while the details load, the footer says so', async () => {
    renderWith({ series: [series('traffic', D, 'shop', 10)] });
    await screen.findByTestId('meshlens-namespace-row');
    expect(screen.getByTestId('meshlens-overview-count')).toHaveTextContent('1 of 1 namespace shown · loading p95 latency and sparklines…');
  });

  test('a failed details query is named in the footer; the rows stay', async () => {
    renderWith({ series: [series('traffic', D, 'shop', 10)] }, [], detailsRunner({ state: LoadingState.Error, errors: [{ message: 'query timed out' }] }).runner);
    await screen.findByTestId('meshlens-namespace-row');
    expect(screen.getByTestId('meshlens-overview-count')).toHaveTextContent('p95 latency and sparklines unavailable: query timed out');
  });

  test('the details run again whenever the rows reload (time range change, refresh)', () => {
    const { runner, runs } = detailsRunner({ series: [] });
    const overview = renderWith({ series: [series('traffic', D, 'shop', 10)] }, [], runner);
    const rows = sceneGraph.getData(overview) as SceneDataNode;
    act(() => rows.setState({ data: panelData({ state: LoadingState.Loading }) }));
    act(() => rows.setState({ data: panelData({ series: [series('traffic', D, 'shop', 12)] }) }));
    expect(runs).toHaveBeenCalledTimes(2);
  });
});
