import '../../testing/jsdomShims';
import { SceneQueryRunner, sceneGraph } from '@grafana/scenes';
import { resolveSettings } from '../../../shared/settings';
import { grafanaInterpolate, matcherValue, withMacros } from '../../testing/templateService';
import { DetailView } from './DetailView';
import { MeshGraphQueryRunner } from '../graph/MeshGraphQueryRunner';
import { graphTargets } from '../graph/model/graphOptions';
import { detailDrilldowns, detailQueries, getDetailScene, ownGraph } from './detailScene';

const target = { kind: 'service' as const, namespace: 'bookinfo', name: 'reviews' };

test('ten queries for one service (TCP in and out for ambient L4; errors and health from the breakdowns by code), the trend as a range query', () => {
  const q = detailQueries(target);
  expect(q.map((x) => x.refId)).toEqual(['rate', 'p50', 'p95', 'p99', 'inbound', 'outbound', 'identity', 'tcpIn', 'tcpOut', 'trend']);
  expect(q.filter((x) => x.range).map((x) => x.refId)).toEqual(['trend']);
});

test('a $ in the name from the URL reaches Prometheus as written: escaped in every query, graph ones too', () => {
  const odd = { kind: 'workload' as const, namespace: 'book$info', name: 'reviews${__range}-v1' };
  const queries = detailQueries(odd);
  expect(queries).toHaveLength(10);
  for (const q of queries) {
    expect(q.expr).toContain('_workload="reviews\\x24{__range}-v1"');
    expect(q.expr).not.toContain('${__range}');
  }
  // The own graph reads the grouped queries of the node's namespace; its `$` is escaped the same way.
  const scene = getDetailScene(resolveSettings({}), odd);
  const graph = sceneGraph.findObject(scene, (o) => o instanceof MeshGraphQueryRunner) as MeshGraphQueryRunner;
  expect(graph.namespaces()).toEqual(['book$info']);
  const graphExprs = graphTargets(graph.namespaces(), []).map((q) => q.expr);
  for (const expr of graphExprs) {
    expect(expr).not.toContain('book$info');
  }
  expect(graphExprs.some((e) => e.includes('book\\x24info'))).toBe(true);
});

test('a name with $, ${__range}, $$ and [[x]] reaches Prometheus byte-exact: after the template service each query is the built PromQL, `$` as \\x24', () => {
  const name = 'a$b${__range}c$$d[[x]]';
  const odd = { kind: 'workload' as const, namespace: 'ns$$', name };
  const scene = getDetailScene(resolveSettings({}), odd);
  const queries = (scene.state.$data as SceneQueryRunner).state.queries as Array<{ refId: string; expr: string }>;
  expect(queries.map((q) => q.refId)).toEqual(detailQueries(odd).map((q) => q.refId));
  for (const q of queries) {
    // The text Grafana sends for this query, interpolated within the page's own scene with the data source's macros.
    const sent = grafanaInterpolate(q.expr, scene);
    expect(sent).toBe(withMacros(q.expr));
    expect(sent).toContain('_workload="a\\x24b\\x24{__range}c\\x24\\x24d\\x5b[x]]"');
    expect(sent).toContain('_namespace="ns\\x24\\x24"');
    expect(matcherValue(sent, '[a-z_]+_workload')).toBe(name);
  }
});

test('the scene queries the configured Prometheus and hands the view its target', () => {
  const scene = getDetailScene(resolveSettings({ prometheusUid: 'p2', traceUid: 't2' }), target);
  expect((scene.state.$data as SceneQueryRunner).state.datasource).toEqual({ uid: 'p2', type: 'prometheus' });
  const view = sceneGraph.findObject(scene, (o) => o instanceof DetailView) as DetailView;
  expect(view.state).toMatchObject({ target, prometheusUid: 'p2' });
});

test('the node’s own graph: the panel’s Kiali model over its namespace’s grouped queries, focused on the node', () => {
  const panel = ownGraph(resolveSettings({ prometheusUid: 'p2' }), target);
  expect(panel.state.options).toMatchObject({ dataMode: 'panel', graphType: 'versionedApp', injectServiceNodes: true, focus: 'service:bookinfo/reviews', namespaces: 'bookinfo' });
  const workload = ownGraph(resolveSettings({}), { kind: 'workload', namespace: 'bookinfo', name: 'reviews-v2' });
  expect(workload.state.options).toMatchObject({ graphType: 'workload', injectServiceNodes: false, focus: 'workload:bookinfo/reviews-v2' });
  const runner = panel.state.$data as MeshGraphQueryRunner;
  expect(runner).toBeInstanceOf(MeshGraphQueryRunner);
  expect(runner.namespaces()).toEqual(['bookinfo']);
});

test('drill-downs for services and workloads, titled by name, breadcrumbed to their parent', () => {
  const drilldowns = detailDrilldowns(resolveSettings({}));
  expect(drilldowns.map((d) => d.routePath)).toEqual(['service/:namespace/:name', 'workload/:namespace/:name']);
  const parent = {} as never;
  const page = drilldowns[1].getPage({ params: { namespace: 'shop', name: 'cart-v1' }, isExact: true, path: '', url: '' }, parent);
  expect(page.state.title).toBe('cart-v1');
  expect(page.state.url).toBe('/a/meshlens-istio-app/overview/workload/shop/cart-v1');
  expect(page.state.getParentPage?.()).toBe(parent);
});

test('under the graph page the drill-downs live at /graph/... and lead back to the graph page', () => {
  const [service] = detailDrilldowns(resolveSettings({}), 'graph');
  const graphPage = {} as never;
  const page = service.getPage({ params: { namespace: 'bookinfo', name: 'reviews' }, isExact: true, path: '', url: '' }, graphPage);
  expect(page.state.url).toBe('/a/meshlens-istio-app/graph/service/bookinfo/reviews');
  expect(page.state.getParentPage?.()).toBe(graphPage);
});
