import { t } from '@grafana/i18n';
import {
  EmbeddedScene,
  SceneAppPage,
  SceneDataNode,
  SceneFlexItem,
  SceneFlexLayout,
  SceneQueryRunner,
  SceneTimePicker,
  SceneTimeRange,
  VizPanel,
} from '@grafana/scenes';
import { type ResolvedSettings } from '../../../shared/settings';
import { ROUTES, pageUrl } from '../../routes';
import { TRACE_PANEL_ID } from './constants';
import { TraceCompare } from './TraceCompare';
import { EMPTY_SEARCH, TraceSearchView } from './TraceSearchView';

export { TRACE_PANEL_ID };

/** Pure factory: search (run on demand, not on load) above the trace panel. */
export function getTracesScene(settings: ResolvedSettings): EmbeddedScene {
  return new EmbeddedScene({
    $timeRange: new SceneTimeRange({ from: 'now-1h', to: 'now' }),
    controls: [new SceneTimePicker({})],
    body: new SceneFlexLayout({
      direction: 'column',
      children: [
        new SceneFlexItem({
          body: new TraceSearchView({
            search: EMPTY_SEARCH,
            searched: false,
            sort: 'time',
            traceUid: settings.traceUid,
            $data: new SceneQueryRunner({
              datasource: { uid: settings.traceUid },
              queries: [],
              runQueriesMode: 'manual',
            }),
          }),
        }),
        new SceneFlexItem({
          body: new TraceCompare({ traceUid: settings.traceUid }),
        }),
        new SceneFlexItem({
          minHeight: 480,
          body: new VizPanel({
            pluginId: TRACE_PANEL_ID,
            title: t('traces.panel', 'Trace'),
            $data: new SceneDataNode({}),
          }),
        }),
      ],
    }),
  });
}

export function getTracesPage(settings: ResolvedSettings): SceneAppPage {
  return new SceneAppPage({
    title: t('traces.title', 'Traces'),
    subTitle: t(
      'traces.subtitle',
      'Find traces by service, operation, attributes and duration; open one, or a trace file'
    ),
    url: pageUrl(ROUTES.traces),
    routePath: `${ROUTES.traces}/*`,
    getScene: () => getTracesScene(settings),
  });
}
