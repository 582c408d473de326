import '../../testing/jsdomShims';
import { QueryVariable, VizPanel, sceneGraph } from '@grafana/scenes';
import { RAW_SWITCH_PROBE } from '../../../shared/istio/recordedSeries';
import { resolveSettings } from '../../../shared/settings';
import { GraphControls } from './GraphControls';
import { MESH_GRAPH_PANEL_ID, TRAFFIC_METRICS_SELECTOR, getGraphScene } from './graphScene';
import { graphTargets, parseEdgeLabel, variableValues } from './model/graphOptions';
import { MeshGraphQueryRunner } from './MeshGraphQueryRunner';

describe('graph scene factory', () => {
  test('the panel’s grouped queries: a fixed count whatever the number of namespaces, values escaped', () => {
    const many = Array.from({ length: 500 }, (_, i) => `ns-${i}`);
    expect(graphTargets(['bookinfo'], [])).toHaveLength(13);
    expect(graphTargets(many, [])).toHaveLength(13);
    const [deployments, , inbound] = graphTargets(['bookinfo', 'a.b'], ['east.1']);
    expect(deployments.refId).toBe('kube_deployment_labels idle');
    expect(inbound.expr).toContain('reporter=~"waypoint|destination",destination_workload_namespace=~"bookinfo|a\\\\.b",destination_cluster=~"east\\\\.1"}');
    expect(graphTargets(['x'], [], ['idleEdges']).find((t) => t.refId.includes('inbound'))!.expr.endsWith(') ')).toBe(true);
  });

  test('variable values: lists, single values, and All (no filter)', () => {
    expect(variableValues(['a', 'b', 'a', ''])).toEqual(['a', 'b']);
    expect(variableValues('x')).toEqual(['x']);
    expect(variableValues(['$__all'])).toEqual([]);
    expect(variableValues('$__all')).toEqual([]);
    expect(variableValues(undefined)).toEqual([]);
  });

  test('the mesh graph panel reads the grouped queries from the configured Prometheus, in panel mode', () => {
    const scene = getGraphScene(resolveSettings({ prometheusUid: 'prom-x', defaultNamespaces: ['shop'] }));
    const panel = sceneGraph.findObject(scene, (o) => o instanceof VizPanel) as VizPanel;
    expect(panel.state.pluginId).toBe(MESH_GRAPH_PANEL_ID);
    const runner = panel.state.$data as MeshGraphQueryRunner;
    expect(runner).toBeInstanceOf(MeshGraphQueryRunner);
    expect(runner.state.datasource).toEqual({ uid: 'prom-x', type: 'prometheus' });
    expect(panel.state.options).toMatchObject({ dataMode: 'panel', namespaces: '$namespace', graphType: 'versionedApp', edgeLabels: ['trafficRate'] });
    const ns = sceneGraph.lookupVariable('namespace', panel) as QueryVariable;
    expect(ns.state.isMulti).toBe(true);
    expect(ns.state.value).toEqual(['shop']);
    // Kiali's defaults unless the config page set others.
    expect(panel.state.options).toMatchObject({ health5xxDegraded: 0, health5xxFailure: 10, health4xxDegraded: 10, health4xxFailure: 20 });
    // Namespaces with HTTP/gRPC requests or TCP bytes (an ambient mesh without waypoints has only ztunnel's bytes).
    expect(ns.state.query).toEqual({ query: `label_values(${TRAFFIC_METRICS_SELECTOR}, destination_workload_namespace)`, refId: 'meshlens-destination_workload_namespace' });
    expect(TRAFFIC_METRICS_SELECTOR).toBe('{__name__=~"istio_requests_total|istio_tcp_received_bytes_total"}');
    expect(runner.namespaces()).toEqual(['shop']);
  });
});

test('the graph page probes the `raw` switch and reads every rate a recorded family keeps behind it; a runner without it stays raw', () => {
  const scene = getGraphScene(resolveSettings({ prometheusUid: 'prom-x', defaultNamespaces: ['shop'] }));
  const runner = sceneGraph.findObject(scene, (o) => o instanceof MeshGraphQueryRunner) as MeshGraphQueryRunner;
  const raw = sceneGraph.lookupVariable('raw', runner) as QueryVariable;
  expect(raw.state.datasource).toEqual({ uid: 'prom-x', type: 'prometheus' });
  expect(raw.state.query).toEqual({ query: `query_result(${RAW_SWITCH_PROBE})`, refId: 'meshlens-raw' });
  const targets = runner.targets();
  const raws = graphTargets(['shop'], []);
  expect(targets.map((t) => t.refId)).toEqual(raws.map((t) => t.refId));
  // Requests and TCP (3 each), response throughput (2) and security (2) read the recorded workload family; the
  // deployments and the p95 (bucket increases, no recorded form) are the raw queries as written.
  const recorded = targets.filter((t) => t.expr.includes('meshlens_raw=~"$raw"'));
  expect(recorded.map((t) => t.refId.replace(/ \d+$/, ''))).toEqual([
    'istio_requests_total unserviced',
    'istio_requests_total inbound',
    'istio_requests_total outbound',
    'istio_tcp_received_bytes_total unserviced',
    'istio_tcp_received_bytes_total inbound',
    'istio_tcp_received_bytes_total outbound',
    'throughput inbound',
    'throughput outbound',
    'security inbound',
    'security outbound',
  ]);
  expect(recorded.every((t) => /^\(sum by \(.*\) \(avg_over_time\(workload:istio_\w+:rate1m\{.*\)\)\)( > 0)?$/.test(t.expr))).toBe(true);
  targets.filter((t) => !recorded.includes(t)).forEach((t) => expect(t.expr).toBe(raws.find((r) => r.refId === t.refId)!.expr));
  expect(new MeshGraphQueryRunner({ queries: [], namespaces: ['shop'] }).targets()).toEqual(raws);
});

test('the config page’s health thresholds reach the graph panel, as they reach the overview and detail pages', () => {
  const settings = resolveSettings({ thresholds: { '5xx': { degraded: 1, failure: 5 }, grpc: { degraded: 2, failure: 7 } } });
  const panel = sceneGraph.findObject(getGraphScene(settings), (o) => o instanceof VizPanel) as VizPanel;
  expect(panel.state.options).toMatchObject({ health5xxDegraded: 1, health5xxFailure: 5, healthGrpcDegraded: 2, healthGrpcFailure: 7, health4xxDegraded: 10, health4xxFailure: 20 });
});

describe('GraphControls URL state', () => {
  test('round-trips graph type and edge labels, ignoring unknown values; old rate/errors URLs read as traffic rate', () => {
    const c = new GraphControls({ graphType: 'versionedApp', edgeLabels: 'trafficRate' });
    c.updateFromUrl({ graphType: 'workload', edgeLabels: 'nonsense' });
    expect(c.getUrlState()).toEqual({ graphType: 'workload', edgeLabels: 'trafficRate', display: ['mtls', 'minimap', 'serviceNodes', 'boxes'], focus: undefined });
    c.updateFromUrl({ edgeLabels: 'responseTime' });
    expect(c.getUrlState().edgeLabels).toBe('responseTime');
    expect(parseEdgeLabel('errors')).toBe('trafficRate');
  });

  test('display choices and a valid focus round-trip; a malformed focus is dropped', () => {
    const c = new GraphControls({ graphType: 'versionedApp', edgeLabels: 'trafficRate' });
    c.updateFromUrl({ display: ['legend', 'idleNodes', 'bogus'], focus: ' service:bookinfo/reviews ' });
    expect(c.getUrlState()).toEqual({ graphType: 'versionedApp', edgeLabels: 'trafficRate', display: ['legend', 'idleNodes'], focus: 'service:bookinfo/reviews' });
    c.updateFromUrl({ display: 'none', focus: 'pod:bookinfo/x' });
    expect(c.getUrlState()).toMatchObject({ display: ['none'], focus: undefined });
  });

  test('the URL choices become the mesh graph panel options: display toggles really switch the model’s options', () => {
    const scene = getGraphScene(resolveSettings({}));
    const controls = sceneGraph.findObject(scene, (o) => o instanceof GraphControls) as GraphControls;
    const panel = sceneGraph.findObject(scene, (o) => o instanceof VizPanel) as VizPanel;
    expect(panel.state.options).toMatchObject({ focus: '', showMtls: true, showIdleNodes: false, includeIdleEdges: false, injectServiceNodes: true });
    controls.updateFromUrl({ focus: 'workload:bookinfo/reviews-v2', display: ['animation', 'idleNodes'], graphType: 'service', edgeLabels: 'none' });
    expect(panel.state.options).toMatchObject({
      focus: 'workload:bookinfo/reviews-v2',
      trafficAnimation: true,
      showIdleNodes: true,
      showMtls: false,
      boxByNamespace: false,
      injectServiceNodes: false,
      graphType: 'service',
      edgeLabels: [],
    });
  });
});

describe('compare with the previous range', () => {
  test('"compare" adds the traffic queries over the same span just before the range', () => {
    const targets = graphTargets(['bookinfo'], [], ['mtls', 'compare']);
    const previous = targets.filter((t) => t.refId.startsWith('previous '));
    expect(targets).toHaveLength(13 + 6);
    expect(previous.every((t) => t.expr.includes('[$__range] offset $__range))'))).toBe(true);
  });
});
