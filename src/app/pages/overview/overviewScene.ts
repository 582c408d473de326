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
  namespaceLatencyQuantile,
  namespaceRequestRate,
  namespaceServiceCount,
  namespaceTraffic,
  namespaceWorkloadCount,
  type OverviewQueryRole,
} from '../../../shared/istio/appQueries';
import { type ResolvedSettings } from '../../../shared/settings';
import { ROUTES, pageUrl } from '../../routes';
import { detailDrilldowns } from '../detail/detailScene';
import { NamespaceOverview } from './NamespaceOverview';
import { namespaceDeploymentCount, namespaceInventory, namespaceProxyCount } from './model/inventoryQueries';

export interface OverviewQuery {
  refId: OverviewQueryRole | 'inventory' | 'proxies' | 'deployments';
  expr: string;
  instant: boolean;
  range: boolean;
}

type Scope = Pick<ResolvedSettings, 'defaultNamespaces'>;

const instant = (refId: OverviewQuery['refId'], expr: string): OverviewQuery => ({ refId, expr, instant: true, range: false });

/**
 * The queries the rows need, each grouped by namespace: traffic by code and mTLS policy (rate, error
 * and mTLS shares from one scan), workloads, services, and the inventory (kube-state-metrics),
 * proxies and deployments so namespaces without traffic are listed, with a workload count. All
 * cheap: the list shows when they answer.
 */
export function overviewQueries(settings: Scope): OverviewQuery[] {
  const scope = { namespaces: settings.defaultNamespaces };
  return [
    instant('traffic', namespaceTraffic(scope)),
    instant('workloads', namespaceWorkloadCount(scope)),
    instant('services', namespaceServiceCount(scope)),
    instant('inventory', namespaceInventory(scope.namespaces)),
    instant('proxies', namespaceProxyCount(scope.namespaces)),
    instant('deployments', namespaceDeploymentCount(scope.namespaces)),
  ];
}

/**
 * The costly queries, run after {@link overviewQueries} answered so they do not delay the list:
 * p95 reads every latency bucket series (most of the page's Prometheus time at 500 namespaces) and
 * the sparkline is a range query. Their cells fill in when they answer.
 */
export function overviewDetailQueries(settings: Scope): OverviewQuery[] {
  const scope = { namespaces: settings.defaultNamespaces };
  return [
    instant('p95', namespaceLatencyQuantile(0.95, scope)),
    { refId: 'trend', expr: namespaceRequestRate({ ...scope, window: '$__rate_interval' }), instant: false, range: true },
  ];
}

/** Pure factory: the overview scene for these settings. */
export function getOverviewScene(settings: ResolvedSettings): EmbeddedScene {
  return new EmbeddedScene({
    $timeRange: new SceneTimeRange({ from: 'now-1h', to: 'now' }),
    $data: new SceneQueryRunner({
      datasource: { uid: settings.prometheusUid, type: 'prometheus' },
      queries: overviewQueries(settings),
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
            details: new SceneQueryRunner({
              datasource: { uid: settings.prometheusUid, type: 'prometheus' },
              queries: overviewDetailQueries(settings),
              // Sparklines need ~30 points; fewer points keep 500 namespaces cheap.
              maxDataPoints: 30,
              // Started by the list once the row queries answered (see NamespaceOverview).
              runQueriesMode: 'manual',
            }),
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
