import {
  EmbeddedScene,
  SceneAppPage,
  SceneFlexItem,
  SceneFlexLayout,
  SceneQueryRunner,
  SceneRefreshPicker,
  SceneTimePicker,
  SceneTimeRange,
  SceneVariableSet,
} from '@grafana/scenes';
import { rawSwitchVariable, recordedQueries } from '../../../shared/istio/recordedScene';
import { type ResolvedSettings } from '../../../shared/settings';
import { ROUTES, pageUrl } from '../../routes';
import { detailDrilldowns } from '../detail/detailScene';
import { NamespaceOverview } from './NamespaceOverview';
import { overviewDetailQueries, overviewQueries } from './model/overviewQueries';

/**
 * Pure factory: the overview scene for these settings. Its rates read the recorded series while the rules run (the
 * hidden `raw` variable); the manual details runner runs again when that variable has its value.
 */
export function getOverviewScene(settings: ResolvedSettings): EmbeddedScene {
  const raw = rawSwitchVariable(settings.prometheusUid);
  const details = new SceneQueryRunner({
    datasource: { uid: settings.prometheusUid, type: 'prometheus' },
    queries: recordedQueries(overviewDetailQueries(settings)),
    // Sparklines need ~30 points; fewer points keep 500 namespaces cheap.
    maxDataPoints: 30,
    // Run by the list with the row queries, which do not wait for it (see NamespaceOverview).
    runQueriesMode: 'manual',
  });
  return new EmbeddedScene({
    $timeRange: new SceneTimeRange({ from: 'now-1h', to: 'now' }),
    $variables: new SceneVariableSet({ variables: [raw] }),
    // A details run asked for while the variable loads is skipped by the runner: run it once the value is there (a
    // task later: the variable set counts the variable as updating until just after its `loading: false`).
    $behaviors: [
      () => {
        let timer: ReturnType<typeof setTimeout> | undefined;
        const sub = raw.subscribeToState((next, prev) => {
          if (prev.loading && !next.loading) {
            clearTimeout(timer);
            timer = setTimeout(() => details.isActive && details.runQueries(), 0);
          }
        });
        return () => {
          sub.unsubscribe();
          clearTimeout(timer);
        };
      },
    ],
    $data: new SceneQueryRunner({
      datasource: { uid: settings.prometheusUid, type: 'prometheus' },
      queries: recordedQueries(overviewQueries(settings)),
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
            details,
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
