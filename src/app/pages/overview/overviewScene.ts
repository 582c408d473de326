import {
  EmbeddedScene,
  SceneAppPage,
  SceneFlexItem,
  SceneFlexLayout,
  SceneQueryRunner,
  SceneRefreshPicker,
  SceneTimePicker,
  SceneTimeRange,
} from '@grafana/scenes';
import {
  namespaceErrorRate,
  namespaceLatencyQuantile,
  namespaceMtlsRate,
  namespaceRequestRate,
  namespaceServiceCount,
  namespaceWorkloadCount,
  type OverviewQueryRole,
} from '../../../shared/istio/appQueries';
import { type ResolvedSettings } from '../../../shared/settings';
import { ROUTES, pageUrl } from '../../routes';
import { detailDrilldowns } from '../detail/detailScene';
import { NamespaceOverview } from './NamespaceOverview';
import { namespaceInventory, namespaceProxyCount } from './model/inventoryQueries';

export interface OverviewQuery {
  refId: OverviewQueryRole | 'inventory' | 'proxies';
  expr: string;
  instant: boolean;
  range: boolean;
}

/**
 * The overview's queries: one per metric, each grouped by namespace, plus the namespace inventory
 * (kube-state-metrics) and proxies per namespace, so namespaces without traffic are listed too:
 * 9 queries for any number of namespaces.
 */
export function overviewQueries(settings: Pick<ResolvedSettings, 'defaultNamespaces'>): OverviewQuery[] {
  const scope = { namespaces: settings.defaultNamespaces };
  const instant = (refId: OverviewQuery['refId'], expr: string): OverviewQuery => ({ refId, expr, instant: true, range: false });
  return [
    instant('requests', namespaceRequestRate(scope)),
    instant('errors', namespaceErrorRate(scope)),
    instant('mtls', namespaceMtlsRate(scope)),
    instant('p95', namespaceLatencyQuantile(0.95, scope)),
    instant('workloads', namespaceWorkloadCount(scope)),
    instant('services', namespaceServiceCount(scope)),
    { refId: 'trend', expr: namespaceRequestRate({ ...scope, window: '$__rate_interval' }), instant: false, range: true },
    instant('inventory', namespaceInventory(scope.namespaces)),
    instant('proxies', namespaceProxyCount(scope.namespaces)),
  ];
}

/** Pure factory: the overview scene for these settings. */
export function getOverviewScene(settings: ResolvedSettings): EmbeddedScene {
  return new EmbeddedScene({
    $timeRange: new SceneTimeRange({ from: 'now-1h', to: 'now' }),
    $data: new SceneQueryRunner({
      datasource: { uid: settings.prometheusUid, type: 'prometheus' },
      queries: overviewQueries(settings),
      // Sparklines need few points; fewer points keep 500 namespaces cheap.
      maxDataPoints: 60,
    }),
    controls: [new SceneTimePicker({}), new SceneRefreshPicker({})],
    body: new SceneFlexLayout({
      direction: 'column',
      children: [
        new SceneFlexItem({
          body: new NamespaceOverview({
            filter: '',
            sort: 'health',
            dir: 'asc',
            view: 'list',
            thresholds: settings.thresholds,
            listed: settings.defaultNamespaces,
            dataSourceUid: settings.prometheusUid,
          }),
        }),
      ],
    }),
  });
}

export function getOverviewPage(settings: ResolvedSettings): SceneAppPage {
  return new SceneAppPage({
    title: 'Overview',
    subTitle: 'Namespaces in the mesh: traffic, errors, latency, mTLS and health',
    url: pageUrl(ROUTES.overview),
    routePath: `${ROUTES.overview}/*`,
    getScene: () => getOverviewScene(settings),
    drilldowns: detailDrilldowns(settings),
  });
}
