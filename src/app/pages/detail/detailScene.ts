import { t } from '@grafana/i18n';
import {
  EmbeddedScene,
  SceneAppPage,
  SceneFlexItem,
  SceneFlexLayout,
  SceneQueryRunner,
  SceneRefreshPicker,
  SceneTimePicker,
  SceneTimeRange,
  SceneDataTransformer,
  VizPanel,
  type SceneAppPageLike,
  type SceneRouteMatch,
} from '@grafana/scenes';
import {
  detailEdgeRate,
  detailIdentity,
  detailInboundByPeer,
  detailLatencyQuantile,
  detailOutboundByPeer,
  detailRequestRate,
  type DetailTarget,
} from '../../../shared/istio/appQueries';
import { type ResolvedSettings } from '../../../shared/settings';
import { detailUrl, ROUTES, type DetailParent } from '../../routes';
import { meshPanelOptions, meshTransformation } from '../graph/GraphControls';
import { MESH_GRAPH_PANEL_ID } from '../graph/panelId';
import { DetailView } from './DetailView';

/** The detail page's queries: 8 for one service or workload, none per peer (errors and health come from the breakdowns by code). */
export function detailQueries(target: DetailTarget) {
  const instant = (refId: string, expr: string) => ({ refId, expr, instant: true, range: false });
  return [
    instant('rate', detailRequestRate(target)),
    instant('p50', detailLatencyQuantile(target, 0.5)),
    instant('p95', detailLatencyQuantile(target, 0.95)),
    instant('p99', detailLatencyQuantile(target, 0.99)),
    instant('inbound', detailInboundByPeer(target)),
    instant('outbound', detailOutboundByPeer(target)),
    instant('identity', detailIdentity(target)),
    { refId: 'trend', expr: detailRequestRate(target, '$__rate_interval'), instant: false, range: true },
  ];
}

/** The node's own graph: its callers and callees, drawn by the mesh graph panel (2 more queries). */
function ownGraph(settings: ResolvedSettings, target: DetailTarget): VizPanel {
  const graphType = target.kind === 'service' ? 'service' : 'workload';
  return new VizPanel({
    pluginId: MESH_GRAPH_PANEL_ID,
    title:
      target.kind === 'service'
        ? t('detail.graph.service', 'Callers and callees of this service')
        : t('detail.graph.workload', 'Callers and callees of this workload'),
    options: meshPanelOptions('rate'),
    $data: new SceneDataTransformer({
      $data: new SceneQueryRunner({
        datasource: { uid: settings.prometheusUid, type: 'prometheus' },
        queries: [
          { refId: 'traffic', expr: detailEdgeRate(target), instant: true, range: false },
          { refId: 'errors', expr: detailEdgeRate(target, '5..'), instant: true, range: false },
        ],
      }),
      transformations: [meshTransformation(graphType, 'rate')],
    }),
  });
}

/** Pure factory: the scene of one service or workload. */
export function getDetailScene(settings: ResolvedSettings, target: DetailTarget): EmbeddedScene {
  return new EmbeddedScene({
    $timeRange: new SceneTimeRange({ from: 'now-15m', to: 'now' }),
    $data: new SceneQueryRunner({ datasource: { uid: settings.prometheusUid, type: 'prometheus' }, queries: detailQueries(target), maxDataPoints: 60 }),
    controls: [new SceneTimePicker({}), new SceneRefreshPicker({})],
    body: new SceneFlexLayout({
      direction: 'column',
      children: [
        new SceneFlexItem({
          body: new DetailView({ target, thresholds: settings.thresholds, prometheusUid: settings.prometheusUid }),
        }),
        new SceneFlexItem({ minHeight: 360, body: ownGraph(settings, target) }),
      ],
    }),
  });
}

/**
 * Drill-downs service/:namespace/:name and workload/:namespace/:name of the overview or the graph
 * page; getParentPage makes the breadcrumbs lead back to that page (with the URL's query, so its view).
 */
export function detailDrilldowns(settings: ResolvedSettings, from: DetailParent = ROUTES.overview) {
  return (['service', 'workload'] as const).map((kind) => ({
    routePath: `${kind}/:namespace/:name`,
    getPage(match: SceneRouteMatch<{ namespace: string; name: string }>, parent: SceneAppPageLike) {
      const target: DetailTarget = { kind, namespace: match.params.namespace, name: match.params.name };
      return new SceneAppPage({
        title: target.name,
        subTitle: `${kind === 'service' ? 'Service' : 'Workload'} in ${target.namespace}`,
        url: detailUrl(kind, target.namespace, target.name, from),
        routePath: `${kind}/:namespace/:name`,
        getParentPage: () => parent,
        getScene: () => getDetailScene(settings, target),
      });
    },
  }));
}
