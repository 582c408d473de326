import '../../testing/jsdomShims';
import React from 'react';
import { render, screen, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { MemoryRouter } from 'react-router-dom';
import { FieldType, LoadingState, createDataFrame, getDefaultTimeRange, type DataFrame, type PanelData } from '@grafana/data';
import { EmbeddedScene, SceneDataNode, SceneFlexItem, SceneFlexLayout } from '@grafana/scenes';
import { NamespaceOverview } from './NamespaceOverview';

function series(refId: string, label: string, ns: string, value: number, extra: Record<string, string> = {}): DataFrame {
  return createDataFrame({
    refId,
    fields: [
      { name: 'Time', type: FieldType.time, values: [1000] },
      { name: 'Value', type: FieldType.number, values: [value], labels: { [label]: ns, ...extra } },
    ],
  });
}

function renderWith(data: Partial<PanelData>, listed: string[] = []) {
  const overview = new NamespaceOverview({ filter: '', sort: 'health', dir: 'asc', view: 'list', thresholds: { errorDegradedPct: 1, errorFailurePct: 5 }, listed, dataSourceUid: 'prom' });
  const scene = new EmbeddedScene({
    $data: new SceneDataNode({ data: { state: LoadingState.Done, series: [], timeRange: getDefaultTimeRange(), ...data } }),
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
      series: [series('requests', D, 'shop', 10), series('errors', D, 'shop', 1), series('requests', D, 'bookinfo', 5)],
    });
    const rows = await screen.findAllByTestId('meshlens-namespace-row');
    expect(rows.map((r) => within(r).getAllByRole('cell')[0].textContent)).toEqual(['shop', 'bookinfo']);
    expect(within(rows[0]).getByText('Failure')).toBeInTheDocument();
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
          series('requests', D, 'shop', 10),
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
});
