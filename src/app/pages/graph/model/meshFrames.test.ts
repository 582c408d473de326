import { FieldType, createDataFrame, type DataFrame } from '@grafana/data';
import { toMeshFrames } from './meshFrames';

function edge(refId: string, l: Record<string, string>, v: number): DataFrame {
  return createDataFrame({
    refId,
    fields: [
      { name: 'Time', type: FieldType.time, values: [1] },
      { name: 'Value', type: FieldType.number, values: [v], labels: l },
    ],
  });
}

const L = (sns: string, swl: string, sapp: string, sver: string, dns: string, dwl: string, dapp: string, dver: string, svc: string) => ({
  source_workload_namespace: sns,
  source_workload: swl,
  source_canonical_service: sapp,
  source_version: sver,
  destination_workload_namespace: dns,
  destination_workload: dwl,
  destination_canonical_service: dapp,
  destination_version: dver,
  destination_service_name: svc,
  destination_service_namespace: dns,
});

const series = [
  edge('traffic', L('bookinfo', 'productpage-v1', 'productpage', 'v1', 'bookinfo', 'reviews-v1', 'reviews', 'v1', 'reviews'), 4),
  edge('traffic', L('bookinfo', 'productpage-v1', 'productpage', 'v1', 'bookinfo', 'reviews-v2', 'reviews', 'v2', 'reviews'), 6),
  edge('errors', L('bookinfo', 'productpage-v1', 'productpage', 'v1', 'bookinfo', 'reviews-v2', 'reviews', 'v2', 'reviews'), 3),
  edge('traffic', L('unknown', 'unknown', 'unknown', 'unknown', 'bookinfo', 'productpage-v1', 'productpage', 'v1', 'productpage'), 10),
  edge('traffic', { destination_workload_namespace: 'x' }, 1),
];

const col = (f: DataFrame, name: string) => f.fields.find((x) => x.name === name)!.values;

test('versioned app graph: one node per app version, unknown callers folded into one node', () => {
  const { frames, dropped } = toMeshFrames(series, 'versionedApp', 'rate');
  const [nodes, edges] = frames;
  expect(col(nodes, 'title')).toEqual(['productpage v1', 'reviews v1', 'reviews v2', 'unknown']);
  expect(col(edges, 'source')).toEqual(['bookinfo/productpage/v1', 'bookinfo/productpage/v1', 'unknown']);
  expect(col(edges, 'mainstat')).toEqual([4, 6, 10]);
  expect(dropped).toBe(1);
});

test('app graph merges versions; node stats are inbound rate and error share', () => {
  const [nodes, edges] = toMeshFrames(series, 'app', 'errors').frames;
  expect(col(nodes, 'id')).toEqual(['bookinfo/productpage', 'bookinfo/reviews', 'unknown']);
  expect(col(nodes, 'mainstat')).toEqual([10, 10, 0]);
  expect(col(nodes, 'secondarystat')).toEqual([0, 30, 0]);
  expect(col(edges, 'mainstat')).toEqual([30, 0]);
});

test('workload graph keeps workloads apart; frames are node-graph frames', () => {
  const { frames } = toMeshFrames(series, 'workload', 'rate');
  expect(col(frames[0], 'title')).toEqual(['productpage-v1', 'reviews-v1', 'reviews-v2', 'unknown']);
  expect(frames.map((f) => [f.name, f.meta?.preferredVisualisationType])).toEqual([
    ['nodes', 'nodeGraph'],
    ['edges', 'nodeGraph'],
  ]);
});

test('no series: empty frames, nothing dropped', () => {
  const { frames, dropped } = toMeshFrames([], 'service', 'rate');
  expect(frames.map((f) => f.length)).toEqual([0, 0]);
  expect(dropped).toBe(0);
});

test('nodes carry namespace and name for their page; unknown has none', () => {
  const [nodes] = toMeshFrames(series, 'versionedApp', 'rate').frames;
  expect(col(nodes, 'detail__name')).toEqual(['productpage', 'reviews', 'reviews', '']);
  expect(col(nodes, 'detail__namespace')).toEqual(['bookinfo', 'bookinfo', 'bookinfo', '']);
  // App nodes lead to the service page named by the app; a workload graph's nodes to their workload pages.
  expect(col(nodes, 'detail__kind')).toEqual(['service', 'service', 'service', 'service']);
  expect(col(toMeshFrames(series, 'workload', 'rate').frames[0], 'detail__kind')[0]).toBe('workload');
});

test('the mesh graph panel reads each node’s page from the frames, and links it', async () => {
  const { parseNodeGraphFrames } = await import('../../../../panels/meshgraph/model/parseNodeGraphFrames');
  const { nodeLinks } = await import('../../../../panels/meshgraph/model/links');
  const parsed = parseNodeGraphFrames(toMeshFrames(series, 'versionedApp', 'rate').frames);
  if (!parsed.ok) {
    throw new Error(parsed.error);
  }
  const reviews = parsed.value.graph.nodes.find((n) => n.title === 'reviews v2')!;
  const o = { tracesDatasourceUid: '', serviceDashboardUid: 's', workloadDashboardUid: 'w' };
  const here = { pathname: '/a/meshlens-istio-app/graph', search: '?var-namespace=bookinfo' };
  expect(nodeLinks(reviews, o, here)).toEqual([
    { label: 'Service page', href: '/a/meshlens-istio-app/graph/service/bookinfo/reviews?var-namespace=bookinfo' },
  ]);
  expect(parsed.value.graph.nodes.find((n) => n.title === 'unknown')?.page).toBeUndefined();
});

describe('idle edges and idle nodes', () => {
  const withIdle = [
    ...series,
    // reviews-v1 -> ratings: the series exists, but no request in the window.
    edge('traffic', L('bookinfo', 'reviews-v1', 'reviews', 'v1', 'bookinfo', 'ratings-v1', 'ratings', 'v1', 'ratings'), 0),
    edge('deployments', { namespace: 'standby', deployment: 'standby-v1', label_app: 'standby', label_version: 'v1' }, 1),
    edge('deployments', { namespace: 'bookinfo', deployment: 'reviews-v2', label_app: 'reviews', label_version: 'v2' }, 1),
    edge('deployments', { namespace: 'legacy', deployment: 'legacy-batch', label_app: 'legacy-batch' }, 1),
  ];

  test('by default (as before) idle edges stay and deployments add nothing, but are counted as hidden idle nodes', () => {
    const { frames, hiddenIdle } = toMeshFrames(withIdle, 'workload', 'rate');
    expect(col(frames[1], 'id')).toContain('bookinfo/reviews-v1->bookinfo/ratings-v1');
    expect(col(frames[0], 'id')).not.toContain('standby/standby-v1');
    // standby-v1 and legacy-batch have no traffic; reviews-v2 is drawn already.
    expect(hiddenIdle).toEqual({ edges: 0, nodes: 2 });
  });

  test('idle edges off: the edge and the node it alone reached are hidden, and counted with the idle deployments', () => {
    const { frames, hiddenIdle } = toMeshFrames(withIdle, 'workload', 'rate', { edges: false, nodes: false });
    expect(col(frames[1], 'id')).not.toContain('bookinfo/reviews-v1->bookinfo/ratings-v1');
    expect(col(frames[0], 'id')).not.toContain('bookinfo/ratings-v1');
    expect(col(frames[0], 'id')).toContain('bookinfo/reviews-v1');
    expect(hiddenIdle).toEqual({ edges: 1, nodes: 3 });
    expect(frames[0].meta?.custom).toEqual({ hiddenIdle: { edges: 1, nodes: 3 } });
  });

  test('idle nodes on: nodes without traffic stay, and deployments without any traffic join at the graph type', () => {
    const { frames, hiddenIdle } = toMeshFrames(withIdle, 'versionedApp', 'rate', { edges: false, nodes: true });
    expect(hiddenIdle).toEqual({ edges: 1, nodes: 0 });
    const ids = col(frames[0], 'id');
    expect(ids).toEqual(expect.arrayContaining(['bookinfo/ratings/v1', 'standby/standby/v1', 'legacy/legacy-batch/']));
    // reviews v2 already had traffic: one node, with its rate.
    expect(ids.filter((id: string) => id === 'bookinfo/reviews/v2')).toHaveLength(1);
    const i = ids.indexOf('standby/standby/v1');
    expect(col(frames[0], 'title')[i]).toBe('standby v1');
    expect(col(frames[0], 'mainstat')[i]).toBe(0);
  });
});
