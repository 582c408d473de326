import { healthOptionFields, type HealthOptionFields } from '../../shared/health';
import { type GraphType } from './model/mesh/types';
import { type LayoutAlgorithm } from './model/layout/types';
import { type EdgeLabelMode } from './model/view/types';
import { type DataMode } from './model/preset/presetRequest';

/** Kiali's health thresholds (percent of requests) are the shared health module's eight option fields. */
export interface MeshGraphPanelOptions extends HealthOptionFields {
  /** `preset`: the panel runs Kiali's queries itself on `prometheusUid`; `panel`: it reads its own query targets. */
  dataMode: DataMode;
  /** Prometheus data source for the preset; empty: the app's provisioned Prometheus, else Grafana's default. */
  prometheusUid: string;
  /** Preset: only these clusters (comma-separated; `$cluster` works); empty: all. */
  clusters: string;
  /** `service:bookinfo/reviews` (src/shared/links/appUrls.ts parseFocus): the node, its callers and callees only. */
  focus: string;
  /** Preset: deployments without traffic (kube-state-metrics) become idle nodes. */
  showIdleNodes: boolean;
  /** Kiali graph type: app, versionedApp, workload or service. */
  graphType: GraphType;
  /** Put service nodes between callers and workloads (Kiali "Service Nodes"). */
  injectServiceNodes: boolean;
  boxByNamespace: boolean;
  boxByCluster: boolean;
  edgeLabels: EdgeLabelMode[];
  layout: LayoutAlgorithm;
  /** Above this many nodes, whole namespaces (or apps) fold into expandable boxes. */
  nodeBudget: number;
  collapseBy: 'namespace' | 'app';
  /** Selected namespaces (comma-separated); nodes elsewhere are marked "outside". Empty: none. */
  namespaces: string;
  /** Preset: keep edges without traffic in the window (drawn grey, found with `idle`). */
  includeIdleEdges: boolean;
  /** Compare with the window this long ago (`1h`, `1d`): the preset adds the earlier window's queries. */
  compareOffset: string;
  /** Ambient waypoint workloads (regular expression on the workload name); empty turns ambient handling off. */
  waypointPattern: string;
  /** ServiceEntry hosts, one entry per line: `host[,host…] [MESH_INTERNAL]`. */
  serviceEntries: string;
  /** Services with a VirtualService (Istio config, not in the metrics), one per line: `name.namespace` or a host. */
  virtualServices: string;
  showMtls: boolean;
  showLegend: boolean;
  showMinimap: boolean;
  trafficAnimation: boolean;
  find: string;
  hide: string;
  /** Node positions pinned by dragging, saved with the dashboard. */
  pins: Record<string, { x: number; y: number }>;
  /** Jaeger data source uid for "traces" links; empty uses the MeshLens traces page. */
  tracesDatasourceUid: string;
  /** uids of the bundled Istio service and workload dashboards the side panel links to. */
  serviceDashboardUid: string;
  workloadDashboardUid: string;
}

export const defaultMeshGraphPanelOptions: MeshGraphPanelOptions = {
  // Panel queries: dashboards saved before this option keep reading the queries they carry.
  dataMode: 'panel',
  prometheusUid: '',
  clusters: '',
  focus: '',
  showIdleNodes: false,
  graphType: 'versionedApp',
  injectServiceNodes: true,
  boxByNamespace: true,
  boxByCluster: true,
  edgeLabels: ['trafficRate'],
  layout: 'layered',
  nodeBudget: 10000,
  collapseBy: 'namespace',
  namespaces: '',
  compareOffset: '',
  includeIdleEdges: false,
  waypointPattern: '(^|-)waypoint$',
  serviceEntries: '',
  virtualServices: '',
  // Kiali's defaults, from the shared health module.
  ...healthOptionFields(),
  showMtls: true,
  showLegend: false,
  showMinimap: true,
  trafficAnimation: false,
  find: '',
  hide: '',
  pins: {},
  tracesDatasourceUid: '',
  serviceDashboardUid: 'meshlens-istio-service',
  workloadDashboardUid: 'meshlens-istio-workload',
};
