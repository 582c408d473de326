import '../../testing/jsdomShims';
import { QueryVariable, SceneQueryRunner, sceneGraph } from '@grafana/scenes';
import { preferRecorded } from '../../../shared/istio/recordedSeries';
import { DEFAULT_THRESHOLDS, resolveSettings } from '../../../shared/settings';
import { grafanaInterpolate, withMacros } from '../../testing/templateService';
import { NamespaceOverview } from './NamespaceOverview';
import { overviewDetailQueries, overviewQueries } from './model/overviewQueries';
import { getOverviewPage, getOverviewScene } from './overviewScene';

describe('overview scene factory', () => {
  test('the rows need seven grouped instant queries: traffic, outbound (health), workloads, services, inventory, proxies, deployments', () => {
    const queries = overviewQueries(resolveSettings({}));
    expect(queries.map((q) => q.refId)).toEqual(['traffic', 'outbound', 'workloads', 'services', 'inventory', 'proxies', 'deployments']);
    expect(queries.every((q) => q.instant && !q.range)).toBe(true);
    expect(queries[0].expr).toBe(
      'sum by (destination_workload_namespace, destination_workload, response_code, connection_security_policy, request_protocol, grpc_response_status) (rate(istio_requests_total{reporter=~"destination|waypoint"}[$__range]))'
    );
    expect(queries[1].expr).toBe(
      'sum by (source_workload_namespace, source_workload, request_protocol, response_code, grpc_response_status) (rate(istio_requests_total{reporter="source"}[$__range]))'
    );
  });

  test('the costly p95 and sparkline queries are separate, the sparkline one a range query', () => {
    const queries = overviewDetailQueries(resolveSettings({}));
    expect(queries.map((q) => [q.refId, q.range])).toEqual([
      ['p95', false],
      ['trend', true],
    ]);
    expect(queries[1].expr).toBe('sum by (destination_workload_namespace) (rate(istio_requests_total{reporter=~"destination|waypoint"}[$__rate_interval]))');
  });

  test('default namespaces from the settings scope every query', () => {
    const settings = resolveSettings({ defaultNamespaces: ['shop', 'bookinfo'] });
    for (const q of [...overviewQueries(settings), ...overviewDetailQueries(settings)]) {
      expect(q.expr).toMatch(/namespace=~"shop\|bookinfo"/);
    }
    const list = sceneGraph.findObject(getOverviewScene(resolveSettings({ defaultNamespaces: ['shop'] })), (o) => o instanceof NamespaceOverview) as NamespaceOverview;
    expect(list.state.listed).toEqual(['shop']);
  });

  test('a $ in a configured namespace is escaped for the template service; $__rate_interval outside strings is not', () => {
    const settings = resolveSettings({ defaultNamespaces: ['a${__range}', 'b$$[[x]]'] });
    const queries = [...overviewQueries(settings), ...overviewDetailQueries(settings)];
    expect(queries).toHaveLength(9);
    for (const q of queries) {
      expect(q.expr).toContain(String.raw`namespace=~"a\\x24\\{__range\\}|b\\x24\\x24\\[\\[x\\]\\]"`);
      // What Grafana sends is the built text with only the macros outside strings replaced.
      expect(grafanaInterpolate(q.expr)).toBe(withMacros(q.expr));
      // The only `$` inside a string is label_replace's own "$1" (the workload count), which Grafana leaves alone.
      expect(q.expr.replace(/\[\$__(rate_interval|range)\]/g, '').replace(/"\$1"/g, '')).not.toContain('$');
    }
    expect(queries.find((q) => q.refId === 'trend')?.expr).toContain('[$__rate_interval]');
  });

  test('queries go to the configured Prometheus and the list gets the thresholds', () => {
    const settings = resolveSettings({ prometheusUid: 'prom-2', thresholds: { '5xx': { degraded: 2, failure: 8 } } });
    const scene = getOverviewScene(settings);
    const runner = scene.state.$data as SceneQueryRunner;
    expect(runner).toBeInstanceOf(SceneQueryRunner);
    expect(runner.state.datasource).toEqual({ uid: 'prom-2', type: 'prometheus' });
    const list = sceneGraph.findObject(scene, (o) => o instanceof NamespaceOverview) as NamespaceOverview;
    expect(list.state.thresholds).toEqual([
      { code: '5xx', degraded: 2, failure: 8 },
      { code: '4xx', degraded: 10, failure: 20 },
      { code: 'grpc', degraded: 0, failure: 10 },
      { code: 'noResponse', degraded: 0, failure: 10 },
    ]);
    expect(list.state.dataSourceUid).toBe('prom-2');
    expect(list.state.details.state).toMatchObject({ datasource: { uid: 'prom-2', type: 'prometheus' }, runQueriesMode: 'manual', maxDataPoints: 30 });
  });

  test('rows and details read the recorded series behind the hidden `raw` switch; the details run once it has loaded', () => {
    const settings = resolveSettings({ prometheusUid: 'prom-2' });
    const scene = getOverviewScene(settings);
    const raw = sceneGraph.lookupVariable('raw', scene) as QueryVariable;
    expect(raw.state).toMatchObject({ value: '.*', datasource: { uid: 'prom-2', type: 'prometheus' } });
    const rows = (scene.state.$data as SceneQueryRunner).state.queries as Array<{ refId: string; expr: string }>;
    expect(rows.map((q) => q.expr)).toEqual(overviewQueries(settings).map((q) => preferRecorded(q.expr, '$raw')));
    const list = sceneGraph.findObject(scene, (o) => o instanceof NamespaceOverview) as NamespaceOverview;
    const details = list.state.details;
    expect((details.state.queries as Array<{ refId: string; expr: string }>).map((q) => q.expr)).toEqual(
      overviewDetailQueries(settings).map((q) => preferRecorded(q.expr, '$raw'))
    );
    // p95 and trend group by the destination namespace alone: they read the recorded level kept for exactly that.
    const levels = (details.state.queries as Array<{ refId: string; expr: string }>).map((q) => /\b([a-z_]+):istio_[a-z_]+:rate1m\b/.exec(q.expr)?.[1]);
    expect(levels).toEqual(['destination_namespace', 'destination_namespace']);
    jest.useFakeTimers();
    const runs = jest.spyOn(details, 'runQueries').mockImplementation(() => undefined);
    const deactivateScene = scene.activate();
    const deactivateDetails = details.activate();
    jest.runOnlyPendingTimers();
    runs.mockClear();
    raw.setState({ loading: true });
    jest.runOnlyPendingTimers();
    expect(runs).toHaveBeenCalledTimes(0);
    raw.setState({ loading: false, value: 'off' });
    // A task later, once the variable set no longer counts it as updating.
    expect(runs).toHaveBeenCalledTimes(0);
    jest.runOnlyPendingTimers();
    expect(runs).toHaveBeenCalledTimes(1);
    deactivateDetails();
    deactivateScene();
    jest.useRealTimers();
  });

  test('each call builds a new scene (no shared instances between app mounts)', () => {
    const settings = resolveSettings({});
    expect(getOverviewScene(settings)).not.toBe(getOverviewScene(settings));
  });

  test('the page lives at /overview', () => {
    const page = getOverviewPage(resolveSettings({}));
    expect(page.state.url).toBe('/a/meshlens-istio-app/overview');
  });
});

describe('NamespaceOverview URL state', () => {
  const make = () =>
    new NamespaceOverview({
      filter: '',
      sort: 'health',
      dir: 'asc',
      view: 'list',
      thresholds: DEFAULT_THRESHOLDS,
      listed: [],
      dataSourceUid: 'p',
      details: new SceneQueryRunner({ queries: [], runQueriesMode: 'manual' }),
    });

  test('round-trips filter, sort, direction and view', () => {
    const o = make();
    o.updateFromUrl({ filter: 'shop', sort: 'p95Ms', dir: 'desc', view: 'cards' });
    expect(o.getUrlState()).toEqual({ filter: 'shop', sort: 'p95Ms', dir: 'desc', view: 'cards' });
  });

  test('ignores values it does not know', () => {
    const o = make();
    o.updateFromUrl({ sort: '__proto__', dir: 'sideways', view: 'grid' });
    expect(o.getUrlState()).toEqual({ filter: undefined, sort: 'health', dir: 'asc', view: 'list' });
  });
});
