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
});
