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
  SceneVariableSet,
  VizPanel,
  type SceneAppPageLike,
  type SceneRouteMatch,
} from '@grafana/scenes';
import {
  detailIdentity,
  detailInboundByPeer,
  detailLatencyQuantile,
  detailOutboundByPeer,
  detailRequestRate,
  detailTcpRate,
  type DetailTarget,
} from '../../../shared/istio/appQueries';
import { rawSwitchVariable, recordedQueries } from '../../../shared/istio/recordedScene';
import { healthOptionFields } from '../../../shared/health';
import { formatFocus } from '../../../shared/links/appUrls';
import { type ResolvedSettings } from '../../../shared/settings';
import { detailUrl, ROUTES, type DetailParent } from '../../routes';
import { DEFAULT_DISPLAY } from '../graph/model/displayOptions';
import { graphPanelOptions } from '../graph/model/graphOptions';
import { MeshGraphQueryRunner } from '../graph/MeshGraphQueryRunner';
import { MESH_GRAPH_PANEL_ID } from '../graph/panelId';
import { DetailView } from './DetailView';

/** The detail page's queries: 10 for one service or workload, none per peer (errors and health come from the breakdowns by code). */
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
    instant('tcpIn', detailTcpRate(target, 'in')),
    instant('tcpOut', detailTcpRate(target, 'out')),
    { refId: 'trend', expr: detailRequestRate(target, '$__rate_interval'), instant: false, range: true },
  ];
}

/**
 * The node's own graph: the mesh graph panel's Kiali model over the grouped queries of its namespace (its callers
 * from anywhere, its callees anywhere), focused on the node. A service is a service node with its callers and the
 * workloads behind it; a workload is a workload node with its callers and callees.
 */
export function ownGraph(settings: ResolvedSettings, target: DetailTarget): VizPanel {
  const isService = target.kind === 'service';
  const display = isService ? DEFAULT_DISPLAY : DEFAULT_DISPLAY.filter((d) => d !== 'serviceNodes');
  const choices = {
    graphType: isService ? ('versionedApp' as const) : ('workload' as const),
    edgeLabels: 'trafficRate' as const,
    display,
    focus: formatFocus(target),
  };
  return new VizPanel({
    pluginId: MESH_GRAPH_PANEL_ID,
    title: isService ? t('detail.graph.service', 'Callers and callees of this service') : t('detail.graph.workload', 'Callers and callees of this workload'),
    options: { ...graphPanelOptions(choices, target.namespace, settings.prometheusUid), ...healthOptionFields(settings.thresholds) },
    $data: new MeshGraphQueryRunner({ datasource: { uid: settings.prometheusUid, type: 'prometheus' }, queries: [], namespaces: [target.namespace], display }),
  });
}

/** Pure factory: the scene of one service or workload (its rates from the recorded series while the rules run). */
export function getDetailScene(settings: ResolvedSettings, target: DetailTarget): EmbeddedScene {
  return new EmbeddedScene({
    $timeRange: new SceneTimeRange({ from: 'now-15m', to: 'now' }),
    $variables: new SceneVariableSet({ variables: [rawSwitchVariable(settings.prometheusUid)] }),
    $data: new SceneQueryRunner({ datasource: { uid: settings.prometheusUid, type: 'prometheus' }, queries: recordedQueries(detailQueries(target)), maxDataPoints: 60 }),
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
