import './publicPath';
import { PanelPlugin } from '@grafana/data';
import { initPluginTranslations } from '@grafana/i18n';
import { bundledLocales } from '../../shared/i18n/bundledLocales';
import pluginJson from './plugin.json';
// Static, not import(`./locales/${lang}/…`): see bundledLocales.
import enUS from './locales/en-US/meshlens-meshgraph-panel.json';
import { MeshGraphPanel } from './components/MeshGraphPanel';
import { IstioPresetEditor } from './components/IstioPresetEditor';
import { PrometheusPickerEditor } from './components/PrometheusPickerEditor';
import { defaultMeshGraphPanelOptions as d, type MeshGraphPanelOptions } from './types';

// Before anything renders, so counts get their plural forms; Grafana waits for a module's top-level await.
await initPluginTranslations(pluginJson.id, [bundledLocales(pluginJson.languages, { 'en-US': enUS })]);

const GRAPH = ['Graph'];
const HEALTH = ['Health thresholds (% of requests)'];
const VIEW = ['Display'];
const LINKS = ['Links'];

export const plugin = new PanelPlugin<MeshGraphPanelOptions>(MeshGraphPanel).setPanelOptions((builder) => {
  builder
    .addRadio({
      path: 'dataMode',
      name: 'Data',
      description: 'Istio preset: the panel runs Kiali’s queries itself on the Prometheus below. Panel queries: it reads the queries of this panel.',
      category: GRAPH,
      defaultValue: d.dataMode,
      settings: { options: [{ value: 'preset', label: 'Istio preset' }, { value: 'panel', label: 'Panel queries' }] },
    })
    .addCustomEditor({
      id: 'prometheusUid',
      path: 'prometheusUid',
      name: 'Prometheus',
      description: 'Empty: the app’s Prometheus (meshlens-prometheus), else the default data source',
      category: GRAPH,
      editor: PrometheusPickerEditor,
      defaultValue: d.prometheusUid,
      showIf: (o) => o.dataMode === 'preset',
    })
    .addTextInput({
      path: 'clusters',
      name: 'Clusters',
      description: 'Istio preset: only these clusters, comma-separated ($cluster works); empty: all',
      category: GRAPH,
      defaultValue: d.clusters,
      showIf: (o) => o.dataMode === 'preset',
    })
    .addCustomEditor({ id: 'istioPreset', path: 'namespaces', name: 'Istio preset', description: 'Namespaces to graph and the PromQL queries for them', category: GRAPH, editor: IstioPresetEditor, defaultValue: d.namespaces })
    .addBooleanSwitch({ path: 'showIdleNodes', name: 'Idle nodes', description: 'Istio preset: deployments without traffic (from kube-state-metrics) as idle nodes', category: GRAPH, defaultValue: d.showIdleNodes })
    .addTextInput({ path: 'focus', name: 'Focus', description: 'kind:namespace/name, e.g. service:bookinfo/reviews: that node with its callers and callees', category: GRAPH, defaultValue: d.focus })
    .addBooleanSwitch({ path: 'includeIdleEdges', name: 'Idle edges', description: 'Preset queries keep edges without traffic in the time range', category: GRAPH, defaultValue: d.includeIdleEdges })
    .addTextInput({ path: 'compareOffset', name: 'Compare with', description: 'An earlier window for the preset: previous (the span just before the range), or an offset such as 1h or 1d: new, gone and changed edges are highlighted', category: GRAPH, defaultValue: d.compareOffset })
    .addRadio({
      path: 'graphType',
      name: 'Graph type',
      category: GRAPH,
      defaultValue: d.graphType,
      settings: { options: [{ value: 'app', label: 'App' }, { value: 'versionedApp', label: 'Versioned app' }, { value: 'workload', label: 'Workload' }, { value: 'service', label: 'Service' }] },
    })
    .addBooleanSwitch({ path: 'injectServiceNodes', name: 'Service nodes', description: 'Show the destination service between caller and workload', category: GRAPH, defaultValue: d.injectServiceNodes })
    .addBooleanSwitch({ path: 'boxByNamespace', name: 'Namespace boxes', category: GRAPH, defaultValue: d.boxByNamespace })
    .addBooleanSwitch({ path: 'boxByCluster', name: 'Cluster boxes', category: GRAPH, defaultValue: d.boxByCluster })
    .addNumberInput({ path: 'nodeBudget', name: 'Node budget', description: 'Above this many nodes, namespaces fold into expandable boxes', category: GRAPH, defaultValue: d.nodeBudget, settings: { min: 10, integer: true } })
    .addRadio({
      path: 'collapseBy',
      name: 'Fold into',
      description: 'What folds first above the node budget',
      category: GRAPH,
      defaultValue: d.collapseBy,
      settings: { options: [{ value: 'namespace', label: 'Namespaces' }, { value: 'app', label: 'Apps' }] },
    })
    .addTextInput({ path: 'waypointPattern', name: 'Ambient waypoints', description: 'Regular expression on workload names; waypoints that ztunnel’s hops show are found without it; empty turns ambient handling off', category: GRAPH, defaultValue: d.waypointPattern })
    .addTextInput({ path: 'serviceEntries', name: 'Service entries', description: 'One ServiceEntry per line: host[,host…] [MESH_INTERNAL]', category: GRAPH, defaultValue: d.serviceEntries, settings: { useTextarea: true, rows: 3 } })
    .addTextInput({ path: 'virtualServices', name: 'Virtual services', description: 'Services with a VirtualService, one per line (name.namespace or host): they get the VS badge', category: GRAPH, defaultValue: d.virtualServices, settings: { useTextarea: true, rows: 2 } })
    .addRadio({
      path: 'layout',
      name: 'Layout',
      category: VIEW,
      defaultValue: d.layout,
      settings: { options: [{ value: 'layered', label: 'Layered' }, { value: 'force', label: 'Force' }, { value: 'grid', label: 'Grid' }] },
    })
    .addMultiSelect({
      path: 'edgeLabels',
      name: 'Edge labels',
      category: VIEW,
      defaultValue: d.edgeLabels,
      settings: {
        options: [
          { value: 'trafficRate', label: 'Traffic rate and % error' },
          { value: 'trafficDistribution', label: '% of requests' },
          { value: 'responseTime', label: 'Response time' },
          { value: 'throughput', label: 'Throughput' },
          // Grafana types multi-select choices as the whole array value; each choice is one mode.
        ] as never,
      },
    })
    .addBooleanSwitch({ path: 'showMtls', name: 'mTLS lock', category: VIEW, defaultValue: d.showMtls })
    .addBooleanSwitch({ path: 'trafficAnimation', name: 'Traffic animation', category: VIEW, defaultValue: d.trafficAnimation })
    .addBooleanSwitch({ path: 'showLegend', name: 'Legend', category: VIEW, defaultValue: d.showLegend })
    .addBooleanSwitch({ path: 'showMinimap', name: 'Minimap', category: VIEW, defaultValue: d.showMinimap })
    .addTextInput({ path: 'find', name: 'Find', description: 'Kiali find expression, e.g. %httperr > 5 OR rt > 1000', category: VIEW, defaultValue: d.find })
    .addTextInput({ path: 'hide', name: 'Hide', description: 'Kiali hide expression, e.g. healthy AND namespace = istio-system', category: VIEW, defaultValue: d.hide });
  const thresholds: Array<[keyof MeshGraphPanelOptions, string]> = [
    ['health5xxDegraded', '5xx degraded above'],
    ['health5xxFailure', '5xx failure from'],
    ['health4xxDegraded', '4xx degraded from'],
    ['health4xxFailure', '4xx failure from'],
    ['healthGrpcDegraded', 'gRPC errors degraded above'],
    ['healthGrpcFailure', 'gRPC errors failure from'],
    ['healthNoResponseDegraded', 'No response degraded above'],
    ['healthNoResponseFailure', 'No response failure from'],
  ];
  for (const [path, name] of thresholds) {
    builder.addNumberInput({ path, name, category: HEALTH, defaultValue: d[path] as number, settings: { min: 0, max: 100 } });
  }
  builder
    .addTextInput({ path: 'tracesDatasourceUid', name: 'Jaeger data source uid', description: 'Traces links open Explore on it; empty uses the MeshLens traces page', category: LINKS, defaultValue: d.tracesDatasourceUid })
    .addTextInput({ path: 'serviceDashboardUid', name: 'Service dashboard uid', category: LINKS, defaultValue: d.serviceDashboardUid })
    .addTextInput({ path: 'workloadDashboardUid', name: 'Workload dashboard uid', category: LINKS, defaultValue: d.workloadDashboardUid });
  return builder;
});
