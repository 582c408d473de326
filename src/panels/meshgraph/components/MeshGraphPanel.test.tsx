import React from 'react';
import { locationService } from '@grafana/runtime';
import { configure, render, screen } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { createDataFrame, FieldType, getDefaultTimeRange, LoadingState, type PanelProps } from '@grafana/data';
import { tableFrame } from '../model/__fixtures__/frames';
import { bookinfoSamples } from '../model/__fixtures__/kialiSamples';
import { defaultMeshGraphPanelOptions, type MeshGraphPanelOptions } from '../types';
import { MeshGraphPanel } from './MeshGraphPanel';

// The model runs in sliced steps on the main thread here; a loaded CI machine needs more than the default 1 s.
configure({ asyncUtilTimeout: 10_000 });

// Workers and import.meta are not available in jest: the runner falls back to the main thread.
jest.mock('../layout/createLayoutWorker', () => ({
  createLayoutWorker: () => {
    throw new Error('no workers here');
  },
}));

function props(series: PanelProps<MeshGraphPanelOptions>['data']['series'], options: Partial<MeshGraphPanelOptions> = {}) {
  const timeRange = getDefaultTimeRange();
  return {
    id: 1,
    data: { series, state: LoadingState.Done, timeRange },
    timeRange,
    timeZone: 'utc',
    options: { ...defaultMeshGraphPanelOptions, graphType: 'workload', injectServiceNodes: false, ...options },
    fieldConfig: { defaults: {}, overrides: [] },
    width: 800,
    height: 500,
    transparent: false,
    title: 'Mesh',
    renderCounter: 0,
    eventBus: {} as never,
    onOptionsChange: jest.fn(),
    onFieldConfigChange: jest.fn(),
    onChangeTimeRange: jest.fn(),
    replaceVariables: (s: string) => s,
  } as unknown as PanelProps<MeshGraphPanelOptions>;
}

const frames = () => {
  const samples = bookinfoSamples();
  return [
    tableFrame(samples.filter((s) => s.metric === 'istio_requests_total'), 'istio_requests_total inbound'),
    tableFrame(samples.filter((s) => s.metric !== 'istio_requests_total'), 'istio_tcp_received_bytes_total inbound'),
  ];
};

describe('MeshGraphPanel', () => {
  it('lists every node by name and says how many nodes and edges it drew', async () => {
    render(<MeshGraphPanel {...props(frames())} />);
    expect(await screen.findByLabelText('Node: productpage-v1')).toBeInTheDocument();
    expect(screen.getAllByLabelText(/^Node: /)).toHaveLength(13);
    expect(screen.getByTestId('meshlens-meshgraph-panel')).toBeInTheDocument();
    expect(screen.getByTestId('meshlens-meshgraph-footer')).toHaveTextContent('13 nodes, 18 edges');
    expect(screen.getByTestId('meshlens-meshgraph-footer')).toHaveTextContent('counted once');
  });

  it('opens the details of a node with its health reasons and links', async () => {
    render(<MeshGraphPanel {...props(frames())} />);
    await userEvent.click(await screen.findByLabelText('Node: details-v1'));
    const details = await screen.findByTestId('meshlens-meshgraph-details');
    expect(details).toHaveTextContent('failure');
    expect(details).toHaveTextContent('5xx 25.0 % of inbound HTTP ≥ 10 %');
    expect(screen.getByRole('link', { name: 'Traces' })).toHaveAttribute('href', '/a/meshlens-istio-app/traces?service=details.bookinfo');
    // Outside the graph page (a dashboard), the workload page's breadcrumb leads to the graph focused on the node.
    const page = new URL(screen.getByRole('link', { name: 'Workload page' }).getAttribute('href') ?? '', 'http://x');
    expect(page.pathname).toBe('/a/meshlens-istio-app/graph/workload/bookinfo/details-v1');
    expect(page.searchParams.get('focus')).toBe('workload:bookinfo/details-v1');
  });

  it('on the app’s graph page, links a node’s page with the graph’s own query (its breadcrumb restores the view)', async () => {
    locationService.push('/a/meshlens-istio-app/graph?var-namespace=bookinfo&display=mtls');
    try {
      render(<MeshGraphPanel {...props(frames())} />);
      await userEvent.click(await screen.findByLabelText('Node: details-v1'));
      expect(await screen.findByRole('link', { name: 'Workload page' })).toHaveAttribute(
        'href',
        '/a/meshlens-istio-app/graph/workload/bookinfo/details-v1?var-namespace=bookinfo&display=mtls'
      );
    } finally {
      locationService.push('/');
    }
  });

  it('hides what the hide expression matches and counts it; explains a bad expression', async () => {
    render(<MeshGraphPanel {...props(frames(), { hide: 'unknown' })} />);
    expect(await screen.findByTestId('meshlens-meshgraph-footer')).toHaveTextContent('hidden: 2 nodes (with 4 edges), 0 edges');
    await userEvent.type(screen.getByLabelText('Find expression'), 'rt > fast');
    expect(await screen.findByRole('alert')).toHaveTextContent('"rt >" needs a number, got "fast".');
  });

  it('folds namespaces into boxes above the node budget and says so', async () => {
    render(<MeshGraphPanel {...props(frames(), { nodeBudget: 6 })} />);
    expect(await screen.findByTestId('meshlens-meshgraph-footer')).toHaveTextContent(/1 box folded \(\d+ nodes/);
    expect(await screen.findByLabelText('Node: bookinfo')).toBeInTheDocument();
  });

  it('shows a message for empty and for unusable data', async () => {
    const { unmount } = render(<MeshGraphPanel {...props([])} />);
    expect(await screen.findByTestId('meshlens-panel-message')).toHaveTextContent('No traffic');
    unmount();
    const cpu = createDataFrame({ refId: 'A', fields: [{ name: 'cpu', type: FieldType.number, values: [1] }] });
    render(<MeshGraphPanel {...props([cpu])} />);
    expect(await screen.findByTestId('meshlens-panel-message')).toHaveTextContent('None of the 1 frames holds Istio traffic');
  });

  it('says which series it dropped when none could be drawn, never "no traffic"', async () => {
    // Kiali's fixture without the canonical revision labels (a pre-1.7 Istio or a relabelled scrape).
    const requests = bookinfoSamples().filter((s) => s.metric === 'istio_requests_total');
    const stripped = requests.map(({ labels: { source_canonical_revision: _s, destination_canonical_revision: _d, ...rest }, ...s }) => ({ ...s, labels: rest }));
    render(<MeshGraphPanel {...props([tableFrame(stripped, 'istio_requests_total inbound')])} />);
    const message = await screen.findByTestId('meshlens-panel-message');
    expect(message).toHaveTextContent(`Nothing to draw; dropped: ${requests.length} series with missing labels.`);
    expect(message).not.toHaveTextContent('No traffic');
  });

  it('focuses on a node with its callers and callees, counts what it hides, and "Show all" clears it', async () => {
    render(<MeshGraphPanel {...props(frames(), { focus: 'workload:bookinfo/reviews-v2' })} />);
    const banner = await screen.findByTestId('meshlens-meshgraph-focus');
    expect(banner).toHaveTextContent('Focused on workload:bookinfo/reviews-v2');
    expect(banner).toHaveTextContent('10 of 13 nodes hidden');
    expect(screen.getAllByLabelText(/^Node: /).map((n) => n.getAttribute('aria-label'))).toEqual(
      expect.arrayContaining(['Node: productpage-v1', 'Node: reviews-v2', 'Node: ratings-v1'])
    );
    expect(screen.getAllByLabelText(/^Node: /)).toHaveLength(3);
    await userEvent.click(screen.getByRole('button', { name: 'Show the whole graph' }));
    expect(screen.queryByTestId('meshlens-meshgraph-focus')).not.toBeInTheDocument();
    expect(screen.getAllByLabelText(/^Node: /)).toHaveLength(13);
  });

  it('says so when the focus matches nothing, and draws the whole graph', async () => {
    render(<MeshGraphPanel {...props(frames(), { focus: 'service:bookinfo/nope' })} />);
    expect(await screen.findByTestId('meshlens-meshgraph-focus')).toHaveTextContent('Nothing in this graph matches the focus service:bookinfo/nope; showing the whole graph.');
    expect(await screen.findAllByLabelText(/^Node: /)).toHaveLength(13);
  });

  it('points a panel without queries at the Istio preset', async () => {
    const p = props([]);
    const withRequest = { ...p, data: { ...p.data, request: { targets: [], scopedVars: {} } } } as unknown as typeof p;
    render(<MeshGraphPanel {...withRequest} />);
    expect(await screen.findByTestId('meshlens-panel-message')).toHaveTextContent('This panel has no queries: choose Data “Istio preset” in the panel options');
  });

  it('gives the model the namespaces with $namespace replaced: idle deployments appear, bookinfo nodes are not "outside"', async () => {
    const deployments = createDataFrame({
      refId: 'kube_deployment_labels idle',
      fields: [
        { name: 'namespace', type: FieldType.string, values: ['bookinfo'] },
        { name: 'deployment', type: FieldType.string, values: ['archive-v1'] },
        { name: 'label_app', type: FieldType.string, values: ['archive'] },
        { name: 'label_version', type: FieldType.string, values: ['v1'] },
        { name: 'Value #kube_deployment_labels idle', type: FieldType.number, values: [1] },
      ],
    });
    const p = props([...frames(), deployments], { namespaces: '$namespace', showIdleNodes: true, hide: 'outside' });
    const replaceVariables = (s: string) => s.replace('$namespace', 'bookinfo');
    render(<MeshGraphPanel {...p} replaceVariables={replaceVariables} />);
    expect(await screen.findByLabelText('Node: archive-v1')).toBeInTheDocument();
    expect(screen.getByTestId('meshlens-meshgraph-footer')).toHaveTextContent('1 idle node');
    // Hiding "outside" nodes keeps productpage-v1: it is in the replaced namespace.
    expect(screen.getByLabelText('Node: productpage-v1')).toBeInTheDocument();
  });

  it('shows failed queries as an error, never as "no traffic" or a partial graph', async () => {
    const p = props(frames());
    const failed = { ...p, data: { ...p.data, state: LoadingState.Error, errors: [{ refId: 'istio_requests_total inbound', message: 'query processing would load too many samples into memory' }] } };
    render(<MeshGraphPanel {...(failed as typeof p)} />);
    expect(await screen.findByTestId('meshlens-panel-message')).toHaveTextContent(
      'The graph’s queries failed, so no graph is drawn: istio_requests_total inbound: query processing would load too many samples into memory'
    );
    expect(screen.queryAllByLabelText(/^Node: /)).toHaveLength(0);
  });
});
