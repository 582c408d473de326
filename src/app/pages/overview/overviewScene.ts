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
import { type ResolvedSettings } from '../../../shared/settings';
import { ROUTES, pageUrl } from '../../routes';
import { detailDrilldowns } from '../detail/detailScene';
import { NamespaceOverview } from './NamespaceOverview';
import { overviewDetailQueries, overviewQueries } from './model/overviewQueries';

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
              // Run by the list with the row queries, which do not wait for it (see NamespaceOverview).
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
