import { createDataFrame, FieldType } from '@grafana/data';
import { defaultMeshGraphPanelOptions } from '../../types';
import { bookinfoSamples } from '../__fixtures__/kialiSamples';
import { tableFrame } from '../__fixtures__/frames';
import { compileFind } from '../find/findExpression';
import { framesToGraph } from '../pipeline';
import { buildMeshGraph } from './buildMeshGraph';
import { readDeployments, type Deployment } from './idleNodes';
import { type GraphType } from './types';

/** kube_deployment_labels as the preset's table query returns it (kube-state-metrics label names). */
function deploymentsFrame(rows: Array<Record<string, string>>, refId = 'kube_deployment_labels idle') {
  const names = [...new Set(rows.flatMap((r) => Object.keys(r)))];
  return createDataFrame({
    refId,
    fields: [
      { name: 'Time', type: FieldType.time, values: rows.map(() => 1523364075000) },
      ...names.map((name) => ({ name, type: FieldType.string, values: rows.map((r) => r[name]) })),
      { name: 'Value', type: FieldType.number, values: rows.map(() => 1) },
    ],
  });
}

const rows: Array<Record<string, string>> = [
  // Has traffic: never idle.
  { namespace: 'bookinfo', deployment: 'productpage-v1', label_app: 'productpage', label_version: 'v1' },
  { namespace: 'bookinfo', deployment: 'reviews-v1', label_app: 'reviews', label_version: 'v1' },
  // No traffic.
  { namespace: 'bookinfo', deployment: 'mongodb-v1', label_app: 'mongodb', label_version: 'v1' },
  { namespace: 'bookinfo', deployment: 'cron' },
  // Not a selected namespace.
  { namespace: 'shop', deployment: 'cart-v1', label_app: 'cart', label_version: 'v1' },
];
const { deployments } = readDeployments(rows);

function graph(graphType: GraphType, idle: readonly Deployment[] = deployments) {
  return buildMeshGraph(bookinfoSamples(), {
    graphType,
    injectServiceNodes: graphType !== 'workload',
    httpRequests: true,
    grpcRequests: true,
    namespaces: ['bookinfo'],
    boxBy: { namespace: true, cluster: false },
    idleDeployments: idle,
  });
}
const idleIds = (g: ReturnType<typeof graph>) => g.nodes.filter((n) => n.isIdle).map((n) => n.id).sort();

describe('idle nodes from kube_deployment_labels', () => {
  it('reads deployments, counting rows without namespace or deployment and folding duplicates', () => {
    const read = readDeployments([...rows, rows[2], { namespace: 'bookinfo' }, { deployment: 'x' }]);
    expect(read.deployments).toHaveLength(5);
    expect(read.missingLabels).toBe(2);
    expect(read.deployments[3]).toEqual({ cluster: undefined, namespace: 'bookinfo', name: 'cron', app: '', version: '' });
  });

  it.each([
    ['workload', ['wl_east_bookinfo_cron', 'wl_east_bookinfo_mongodb-v1']],
    ['versionedApp', ['vapp_east_bookinfo_mongodb-v1', 'wl_east_bookinfo_cron']],
    ['app', ['app_east_bookinfo_mongodb', 'wl_east_bookinfo_cron']],
    ['service', []],
  ] as Array<[GraphType, string[]]>)('%s graph: deployments without traffic in the selected namespaces become idle nodes', (graphType, expected) => {
    const g = graph(graphType);
    expect(idleIds(g)).toEqual(expected);
    expect(g.idleNodes).toBe(expected.length);
    // Traffic nodes are untouched and the idle ones sit in their namespace box.
    expect(g.nodes.filter((n) => n.isIdle && n.nodeType === 'unknown')).toEqual([]);
    for (const id of expected) {
      expect(g.parents[id]).toBeDefined();
    }
  });

  it.each([
    ['workload', true],
    ['versionedApp', true],
    ['versionedApp', false],
    ['app', true],
  ] as Array<[GraphType, boolean]>)('%s graph (idle nodes %s): a waypoint seen only in its own reports is a workload node flagged isWaypoint', (graphType, showIdleNodes) => {
    // The waypoint's reports (reporter="waypoint") name caller and callee, never the waypoint itself.
    const waypointRows = readDeployments([{ namespace: 'bookinfo', deployment: 'waypoint', label_app: 'waypoint', label_version: 'latest' }]).deployments;
    const g = buildMeshGraph(bookinfoSamples(), {
      graphType,
      injectServiceNodes: graphType !== 'workload',
      httpRequests: true,
      grpcRequests: true,
      isWaypoint: (_c, _ns, wl) => /(^|-)waypoint$/.test(wl),
      namespaces: ['bookinfo'],
      boxBy: { namespace: true, cluster: false },
      idleDeployments: [...waypointRows, ...deployments],
      showIdleNodes,
    });
    const waypoints = g.nodes.filter((n) => n.isWaypoint).map((n) => [n.id, n.nodeType, n.workload, n.app, n.isIdle]);
    expect(waypoints).toEqual([['wl_east_bookinfo_waypoint', 'workload', 'waypoint', '', undefined]]);
    // The waypoint is not idle; the idle deployments (mongodb-v1, cron) come only with idle nodes on.
    expect(g.idleNodes).toBe(showIdleNodes ? 2 : 0);
  });

  it('keeps the graph as it was without deployments', () => {
    const without = graph('workload', []);
    const plain = buildMeshGraph(bookinfoSamples(), { graphType: 'workload', injectServiceNodes: false, httpRequests: true, grpcRequests: true, namespaces: ['bookinfo'], boxBy: { namespace: true, cluster: false } });
    expect(without.nodes.map((n) => n.id)).toEqual(plain.nodes.map((n) => n.id));
  });

  it('matches a deployment with a cluster label only in that cluster', () => {
    const g = graph('workload', readDeployments([{ cluster: 'west', namespace: 'bookinfo', deployment: 'reviews-v1', label_app: 'reviews' }]).deployments);
    expect(idleIds(g)).toEqual(['wl_west_bookinfo_reviews-v1']);
  });
});

describe('idle nodes through the panel pipeline', () => {
  const samples = bookinfoSamples();
  const frames = [
    tableFrame(samples.filter((s) => s.metric === 'istio_requests_total'), 'istio_requests_total inbound'),
    tableFrame(samples.filter((s) => s.metric !== 'istio_requests_total'), 'istio_tcp_received_bytes_total inbound'),
    deploymentsFrame(rows),
  ];
  const o = { ...defaultMeshGraphPanelOptions, graphType: 'workload' as const, injectServiceNodes: false, namespaces: 'bookinfo' };

  it('draws them grey (idle health), findable with `idle`, counted, only with the option on', () => {
    const on = framesToGraph(frames, { ...o, showIdleNodes: true });
    if (!on.ok) {
      throw new Error(on.error);
    }
    const find = compileFind('idle');
    if (!find.ok) {
      throw new Error(find.error);
    }
    const idle = on.graph.nodes.filter((n) => find.matcher.node?.(n));
    expect(idle.map((n) => n.title).sort()).toEqual(['cron', 'mongodb-v1']);
    expect(idle.every((n) => n.health === 'idle')).toBe(true);
    expect(on.counts.idleNodes).toBe(2);
    expect(on.counts.unknownFrames).toBe(0);
    const off = framesToGraph(frames, o);
    expect(off.ok && off.graph.nodes.length).toBe(on.graph.nodes.length - 2);
    expect(off.ok && off.counts.unknownFrames).toBe(0);
  });

  it('shows a namespace with deployments but no traffic as idle nodes instead of an error', () => {
    const only = framesToGraph([deploymentsFrame(rows)], { ...o, showIdleNodes: true });
    expect(only.ok && only.graph.nodes.map((n) => n.title).sort()).toEqual(['cron', 'mongodb-v1', 'productpage-v1', 'reviews-v1']);
  });
});
