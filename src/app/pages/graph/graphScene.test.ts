import '../../testing/jsdomShims';
import { QueryVariable, SceneDataTransformer, SceneQueryRunner, VizPanel, sceneGraph } from '@grafana/scenes';
import { resolveSettings } from '../../../shared/settings';
import { GraphControls } from './GraphControls';
import { MESH_GRAPH_PANEL_ID, getGraphScene, graphQueries } from './graphScene';

describe('graph scene factory', () => {
  test('three grouped queries reading the namespace and cluster variables', () => {
    const [traffic, errors, deployments] = graphQueries();
    expect(deployments).toEqual({ refId: 'deployments', expr: 'kube_deployment_labels{namespace=~"${namespace:regex}"}', instant: true, range: false });
    expect(traffic.refId).toBe('traffic');
    expect(traffic.expr).toContain('destination_workload_namespace=~"${namespace:regex}"');
    expect(traffic.expr).toContain('destination_cluster=~"${cluster:regex}"');
    expect(errors.expr).toContain('response_code=~"5.."');
  });

  test('the mesh graph panel reads the transformed query result from the configured Prometheus', () => {
    const scene = getGraphScene(resolveSettings({ prometheusUid: 'prom-x', defaultNamespaces: ['shop'] }));
    const panel = sceneGraph.findObject(scene, (o) => o instanceof VizPanel) as VizPanel;
    expect(panel.state.pluginId).toBe(MESH_GRAPH_PANEL_ID);
    const transformer = panel.state.$data as SceneDataTransformer;
    expect(transformer).toBeInstanceOf(SceneDataTransformer);
    expect((transformer.state.$data as SceneQueryRunner).state.datasource).toEqual({ uid: 'prom-x', type: 'prometheus' });
    const ns = sceneGraph.lookupVariable('namespace', panel) as QueryVariable;
    expect(ns.state.isMulti).toBe(true);
    expect(ns.state.value).toEqual(['shop']);
    expect(ns.state.query).toEqual({ query: 'label_values(istio_requests_total, destination_workload_namespace)', refId: 'meshlens-destination_workload_namespace' });
  });
});

describe('GraphControls URL state', () => {
  test('round-trips graph type and edge labels, ignoring unknown values', () => {
    const c = new GraphControls({ graphType: 'versionedApp', edgeLabels: 'rate' });
    c.updateFromUrl({ graphType: 'workload', edgeLabels: 'nonsense' });
    expect(c.getUrlState()).toEqual({ graphType: 'workload', edgeLabels: 'rate', display: ['mtls', 'minimap', 'serviceNodes', 'boxes'], focus: undefined });
  });

  test('display choices and a valid focus round-trip; a malformed focus is dropped', () => {
    const c = new GraphControls({ graphType: 'versionedApp', edgeLabels: 'rate' });
    c.updateFromUrl({ display: ['legend', 'idleNodes', 'bogus'], focus: ' service:bookinfo/reviews ' });
    expect(c.getUrlState()).toEqual({ graphType: 'versionedApp', edgeLabels: 'rate', display: ['legend', 'idleNodes'], focus: 'service:bookinfo/reviews' });
    c.updateFromUrl({ display: 'none', focus: 'pod:bookinfo/x' });
    expect(c.getUrlState()).toMatchObject({ display: ['none'], focus: undefined });
  });

  test('the URL focus and display choices become the mesh graph panel options', () => {
    const scene = getGraphScene(resolveSettings({}));
    const controls = sceneGraph.findObject(scene, (o) => o instanceof GraphControls) as GraphControls;
    const panel = sceneGraph.findObject(scene, (o) => o instanceof VizPanel) as VizPanel;
    expect(panel.state.options).toMatchObject({ focus: '', showMtls: true, showIdleNodes: false, includeIdleEdges: false, injectServiceNodes: true });
    controls.updateFromUrl({ focus: 'workload:bookinfo/reviews-v2', display: ['animation', 'idleNodes'] });
    expect(panel.state.options).toMatchObject({
      focus: 'workload:bookinfo/reviews-v2',
      trafficAnimation: true,
      showIdleNodes: true,
      showMtls: false,
      boxByNamespace: false,
      showEdgeLabels: true,
    });
  });
});
