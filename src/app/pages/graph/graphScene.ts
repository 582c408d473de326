import { t } from '@grafana/i18n';
import {
  EmbeddedScene,
  QueryVariable,
  SceneAppPage,
  SceneFlexItem,
  SceneFlexLayout,
  SceneRefreshPicker,
  SceneTimePicker,
  SceneTimeRange,
  SceneVariableSet,
  VariableValueSelectors,
  VizPanel,
} from '@grafana/scenes';
import { healthOptionFields } from '../../../shared/health';
import { IstioMetric } from '../../../shared/istio/metrics';
import { rawSwitchVariable } from '../../../shared/istio/recordedScene';
import { type ResolvedSettings } from '../../../shared/settings';
import { ROUTES, pageUrl } from '../../routes';
import { detailDrilldowns } from '../detail/detailScene';
import { GraphBody } from './GraphBody';
import { GraphControls, choicesOf } from './GraphControls';
import { GraphNodeLinks } from './GraphNodeLinks';
import { GraphVariableControls } from './GraphVariableControls';
import { graphPanelOptions } from './model/graphOptions';
import { MeshGraphQueryRunner } from './MeshGraphQueryRunner';
import { MESH_GRAPH_PANEL_ID } from './panelId';

// Re-exported for the tests and pages that import it from here.
export { MESH_GRAPH_PANEL_ID };

/**
 * Namespaces and clusters with Istio traffic of any kind: HTTP/gRPC requests (sidecars, gateways, waypoints) or TCP
 * bytes (sidecars and ztunnel, the only telemetry of an ambient mesh without waypoints).
 */
export const TRAFFIC_METRICS_SELECTOR = `{__name__=~"${IstioMetric.requestsTotal}|${IstioMetric.tcpReceivedBytesTotal}"}`;

function variables(settings: ResolvedSettings) {
  const datasource = { uid: settings.prometheusUid, type: 'prometheus' };
  const labelValues = (label: string) => ({ query: `label_values(${TRAFFIC_METRICS_SELECTOR}, ${label})`, refId: `meshlens-${label}` });
  return new SceneVariableSet({
    variables: [
      new QueryVariable({
        name: 'namespace',
        label: t('graph.var.namespace', 'Namespace'),
        datasource,
        query: labelValues('destination_workload_namespace'),
        isMulti: true,
        // Default namespaces from the config page; otherwise the first namespace found.
        value: settings.defaultNamespaces.length > 0 ? settings.defaultNamespaces : undefined,
      }),
      new QueryVariable({
        name: 'cluster',
        label: t('graph.var.cluster', 'Cluster'),
        datasource,
        query: labelValues('destination_cluster'),
        isMulti: true,
        includeAll: true,
        defaultToAll: true,
        // "All" filters nothing (not a list of every cluster in the query).
        allValue: '.*',
      }),
      // Hidden: whether the recording rules run (the graph's rates then read the recorded series).
      rawSwitchVariable(settings.prometheusUid),
    ],
  });
}

/**
 * Pure factory: the mesh graph panel in a scene whose URL holds namespaces, cluster, graph type, edge labels,
 * display choices, focus and time. The panel draws with its Kiali model from the grouped queries of the selected
 * namespaces over the picked range.
 */
export function getGraphScene(settings: ResolvedSettings): EmbeddedScene {
  const controls = new GraphControls({
    graphType: 'versionedApp',
    edgeLabels: 'trafficRate',
    display: undefined,
    focus: '',
    namespacesOption: '$namespace',
    prometheusUid: settings.prometheusUid,
  });
  const panel = new VizPanel({
    pluginId: MESH_GRAPH_PANEL_ID,
    title: t('graph.panel', 'Mesh traffic'),
    // The app's health thresholds (config page) decide the graph's colours, as on every other page.
    options: { ...graphPanelOptions(choicesOf(controls.state), '$namespace', settings.prometheusUid), ...healthOptionFields(settings.thresholds) },
    $data: new MeshGraphQueryRunner({ datasource: { uid: settings.prometheusUid, type: 'prometheus' }, queries: [] }),
  });
  return new EmbeddedScene({
    $timeRange: new SceneTimeRange({ from: 'now-15m', to: 'now' }),
    $variables: variables(settings),
    controls: [new GraphVariableControls({ selectors: new VariableValueSelectors({}) }), controls, new SceneTimePicker({}), new SceneRefreshPicker({})],
    body: new SceneFlexLayout({
      direction: 'column',
      // The graph fills the window below Grafana's header and the page's controls (~280 px): a page-sized mesh
      // then fits at a zoom where its names are readable.
      children: [new SceneFlexItem({ minHeight: 560, height: 'calc(100vh - 280px)', body: new GraphBody({ panel, links: new GraphNodeLinks({}) }) })],
    }),
  });
}

export function getGraphPage(settings: ResolvedSettings): SceneAppPage {
  return new SceneAppPage({
    title: t('graph.title', 'Graph'),
    subTitle: t('graph.subtitle', 'Who calls whom in the mesh, with rates and errors'),
    url: pageUrl(ROUTES.graph),
    routePath: `${ROUTES.graph}/*`,
    getScene: () => getGraphScene(settings),
    drilldowns: detailDrilldowns(settings, ROUTES.graph),
  });
}
