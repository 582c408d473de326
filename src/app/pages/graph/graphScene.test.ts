import '../../testing/jsdomShims';
import { QueryVariable, SceneDataTransformer, SceneQueryRunner, VizPanel, sceneGraph } from '@grafana/scenes';
import { resolveSettings } from '../../../shared/settings';
import { GraphControls } from './GraphControls';
import { MESH_GRAPH_PANEL_ID, getGraphScene, graphQueries } from './graphScene';

describe('graph scene factory', () => {
  test('two grouped queries reading the namespace and cluster variables', () => {
    const [traffic, errors] = graphQueries();
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
    expect(c.getUrlState()).toEqual({ graphType: 'workload', edgeLabels: 'rate' });
  });
});
