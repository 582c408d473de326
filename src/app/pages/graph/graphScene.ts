import { t } from '@grafana/i18n';
import {
  EmbeddedScene,
  QueryVariable,
  SceneAppPage,
  SceneDataTransformer,
  SceneFlexItem,
  SceneFlexLayout,
  SceneQueryRunner,
  SceneRefreshPicker,
  SceneTimePicker,
  SceneTimeRange,
  SceneVariableSet,
  VariableValueSelectors,
  VizPanel,
} from '@grafana/scenes';
import { graphEdgeRate } from '../../../shared/istio/appQueries';
import { type ResolvedSettings } from '../../../shared/settings';
import { ROUTES, pageUrl } from '../../routes';
import { detailDrilldowns } from '../detail/detailScene';
import { GraphControls, graphPanelOptions, idleOf, meshTransformation } from './GraphControls';
import { DEFAULT_DISPLAY } from './model/displayOptions';
import { DEPLOYMENTS_REF } from './model/meshFrames';
import { GraphNodeLinks } from './GraphNodeLinks';
import { MESH_GRAPH_PANEL_ID } from './panelId';

// Re-exported for the tests and pages that import it from here.
export { MESH_GRAPH_PANEL_ID };

/**
 * The graph page's three queries: all edges, their 5xx share, and the namespaces' Deployments
 * (kube-state-metrics, for "idle nodes"); namespace and cluster come from variables.
 */
export function graphQueries() {
  const scope = { namespaces: '${namespace:regex}', cluster: '${cluster:regex}' };
  return [
    { refId: 'traffic', expr: graphEdgeRate(scope), instant: true, range: false },
    { refId: 'errors', expr: graphEdgeRate({ ...scope, responseCodes: '5..' }), instant: true, range: false },
    { refId: DEPLOYMENTS_REF, expr: 'kube_deployment_labels{namespace=~"${namespace:regex}"}', instant: true, range: false },
  ];
}

function variables(settings: ResolvedSettings) {
  const datasource = { uid: settings.prometheusUid, type: 'prometheus' };
  const labelValues = (label: string) => ({ query: `label_values(istio_requests_total, ${label})`, refId: `meshlens-${label}` });
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
      }),
    ],
  });
}

/** Pure factory: the mesh graph panel in a scene whose URL holds namespaces, cluster, graph type, edge labels and time. */
export function getGraphScene(settings: ResolvedSettings): EmbeddedScene {
  const controls = new GraphControls({ graphType: 'versionedApp', edgeLabels: 'rate', display: undefined, focus: '' });
  return new EmbeddedScene({
    $timeRange: new SceneTimeRange({ from: 'now-15m', to: 'now' }),
    $variables: variables(settings),
    controls: [new VariableValueSelectors({}), controls, new SceneTimePicker({}), new SceneRefreshPicker({})],
    body: new SceneFlexLayout({
      direction: 'column',
      children: [
        new SceneFlexItem({
          minHeight: 560,
          body: new VizPanel({
            pluginId: MESH_GRAPH_PANEL_ID,
            title: t('graph.panel', 'Mesh traffic'),
            options: graphPanelOptions(controls.state),
            $data: new SceneDataTransformer({
              $data: new SceneQueryRunner({ datasource: { uid: settings.prometheusUid, type: 'prometheus' }, queries: graphQueries() }),
              transformations: [meshTransformation(controls.state.graphType, controls.state.edgeLabels, idleOf(DEFAULT_DISPLAY))],
            }),
          }),
        }),
        new SceneFlexItem({ body: new GraphNodeLinks({}) }),
      ],
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
