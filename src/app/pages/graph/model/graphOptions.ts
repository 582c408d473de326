/**
 * The Graph page's choices as typed options, and how they become the mesh graph panel's options and the grouped
 * queries. Pure: the page, the detail pages and the tests share it.
 */
import { type DataFrame } from '@grafana/data';
import { istioPresetTargets, PREVIOUS_RANGE, type PresetTarget } from '../../../../shared/istio/graphQueries';
import { framesToGraph } from '../../../../panels/meshgraph/model/pipeline';
import { detailPage } from '../../../../panels/meshgraph/model/links';
import { defaultMeshGraphPanelOptions, type MeshGraphPanelOptions } from '../../../../panels/meshgraph/types';
import { type EdgeLabelMode } from '../../../../panels/meshgraph/model/view/types';
import { type GraphType } from '../../../../panels/meshgraph/model/mesh/types';
import { DEFAULT_DISPLAY, displayPanelOptions, type DisplayOption } from './displayOptions';

export type { GraphType };
/** Kiali's edge label modes, one at a time, or none. */
export type EdgeLabel = EdgeLabelMode | 'none';

export const GRAPH_TYPES: readonly GraphType[] = ['versionedApp', 'app', 'workload', 'service'];
export const EDGE_LABELS: readonly EdgeLabel[] = ['trafficRate', 'trafficDistribution', 'responseTime', 'throughput', 'none'];

/** Earlier URLs said `rate` and `errors`: Kiali's traffic-rate label shows both (rate and error %). */
export function parseEdgeLabel(value: unknown): EdgeLabel | undefined {
  if (value === 'rate' || value === 'errors') {
    return 'trafficRate';
  }
  return EDGE_LABELS.find((e) => e === value);
}

export interface GraphChoices {
  graphType: GraphType;
  edgeLabels: EdgeLabel;
  display: readonly DisplayOption[];
  focus: string;
}

/**
 * The mesh graph panel's options for these choices. `namespaces` is what the panel marks nodes "outside" against
 * (a variable such as `$namespace`, which the panel replaces).
 */
export function graphPanelOptions(c: GraphChoices, namespaces: string, prometheusUid: string): Partial<MeshGraphPanelOptions> {
  return {
    dataMode: 'panel',
    prometheusUid,
    namespaces,
    graphType: c.graphType,
    edgeLabels: c.edgeLabels === 'none' ? [] : [c.edgeLabels],
    focus: c.focus,
    ...(displayPanelOptions(c.display) as Partial<MeshGraphPanelOptions>),
  };
}

/**
 * The grouped queries of the graph: Kiali's traffic and enrichment queries for all the namespaces at once (a fixed
 * count whatever their number), plus kube-state-metrics' deployments (idle nodes, shown or counted as hidden).
 * Clusters: none or Grafana's "All" filter nothing.
 */
export function graphTargets(namespaces: readonly string[], clusters: readonly string[], display: readonly DisplayOption[] = DEFAULT_DISPLAY): PresetTarget[] {
  return istioPresetTargets({
    namespaces,
    clusters,
    includeIdleEdges: display.includes('idleEdges'),
    idleNodes: true,
    // "Compare": the same span just before the picked range.
    compareOffset: display.includes('compare') ? PREVIOUS_RANGE : '',
  });
}

/** A scene variable's value as a list of values; Grafana's "All" (and an empty value) as no filter. */
export function variableValues(value: unknown): string[] {
  const list = (Array.isArray(value) ? value : value === undefined || value === null ? [] : [value]).map(String).filter((v) => v !== '');
  return list.some((v) => v === '$__all' || v === '.*' || v === '*') ? [] : [...new Set(list)];
}

export interface NodePageLink {
  kind: 'service' | 'workload';
  namespace: string;
  name: string;
}

export interface GraphSummary {
  /** The service and workload pages of the nodes drawn (unique, in graph order). */
  pages: NodePageLink[];
  /** Idle deployments the display choices leave out (counted, with the choice that shows them). */
  hiddenIdleNodes: number;
}

/**
 * What the page lists under the graph, from the panel's own model (the same frames, the same Kiali rules): the pages
 * of the drawn nodes and the idle nodes left out. Pure.
 */
export function graphSummary(series: readonly DataFrame[], c: GraphChoices, namespaces: readonly string[]): GraphSummary {
  const options: MeshGraphPanelOptions = {
    ...defaultMeshGraphPanelOptions,
    ...graphPanelOptions(c, namespaces.join(','), ''),
    showIdleNodes: true,
    focus: '',
  };
  const built = framesToGraph(series, options);
  if (!built.ok) {
    return { pages: [], hiddenIdleNodes: 0 };
  }
  const showIdle = c.display.includes('idleNodes');
  const seen = new Map<string, NodePageLink>();
  let hiddenIdleNodes = 0;
  for (const n of built.graph.nodes) {
    if (n.mesh?.isIdle && !showIdle) {
      hiddenIdleNodes++;
      continue;
    }
    const page = n.mesh && detailPage(n.mesh);
    if (page && n.mesh) {
      seen.set(`${page.kind}/${n.mesh.namespace}/${page.name}`, { kind: page.kind, namespace: n.mesh.namespace, name: page.name });
    }
  }
  return { pages: [...seen.values()], hiddenIdleNodes };
}
