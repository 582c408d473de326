import { FieldType, createDataFrame, type DataFrame } from '@grafana/data';

export type GraphType = 'workload' | 'app' | 'versionedApp' | 'service';
export type EdgeLabel = 'none' | 'rate' | 'errors';

export const GRAPH_TYPES: readonly GraphType[] = ['versionedApp', 'app', 'workload', 'service'];
export const EDGE_LABELS: readonly EdgeLabel[] = ['rate', 'errors', 'none'];

interface End {
  id: string;
  title: string;
  subtitle: string;
  /** Namespace and name (workload, app or service) the node's page is found by; empty for "unknown". */
  namespace: string;
  name: string;
}

/** Istio's name for a peer it could not identify (a caller without a sidecar). */
const UNKNOWN = 'unknown';

function end(l: Record<string, string>, side: 'source' | 'destination', type: GraphType): End {
  const ns = l[`${side}_workload_namespace`] || l.destination_service_namespace || '';
  const workload = l[`${side}_workload`] || '';
  if (!ns || ns === UNKNOWN || workload === UNKNOWN) {
    return { id: UNKNOWN, title: UNKNOWN, subtitle: '', namespace: '', name: '' };
  }
  const app = l[`${side}_canonical_service`] || workload;
  switch (type) {
    case 'workload':
      return { id: `${ns}/${workload}`, title: workload, subtitle: ns, namespace: ns, name: workload };
    case 'app':
      return { id: `${ns}/${app}`, title: app, subtitle: ns, namespace: ns, name: app };
    case 'service': {
      const name = side === 'destination' ? l.destination_service_name || app : app;
      return { id: `${ns}/${name}`, title: name, subtitle: ns, namespace: ns, name };
    }
    default: {
      const version = l[`${side}_version`] || '';
      return { id: `${ns}/${app}/${version}`, title: version && version !== UNKNOWN ? `${app} ${version}` : app, subtitle: ns, namespace: ns, name: app };
    }
  }
}

function lastFinite(values: ArrayLike<unknown>): number {
  for (let i = values.length - 1; i >= 0; i--) {
    const v = values[i];
    if (typeof v === 'number' && Number.isFinite(v)) {
      return v;
    }
  }
  return 0;
}

export interface MeshFramesResult {
  frames: DataFrame[];
  /** Series without the labels an edge needs; counted, not drawn. */
  dropped: number;
  /** Edges without requests in the window and nodes left with no edge, left out by the display choices. */
  hiddenIdle: { edges: number; nodes: number };
}

/** Kiali's "idle edges" / "idle nodes": keep edges without traffic; add deployments without traffic as nodes. */
export interface IdleChoice {
  edges: boolean;
  nodes: boolean;
}

/** refId of the kube_deployment_labels query: deployments that may carry no traffic (idle nodes). */
export const DEPLOYMENTS_REF = 'deployments';

/** A Deployment from kube-state-metrics as a graph node at the chosen granularity. */
function deploymentEnd(l: Record<string, string>, type: GraphType): End | undefined {
  const ns = l.namespace;
  const workload = l.deployment;
  if (!ns || !workload) {
    return undefined;
  }
  const app = l.label_app || workload;
  if (type === 'workload') {
    return { id: `${ns}/${workload}`, title: workload, subtitle: ns, namespace: ns, name: workload };
  }
  if (type === 'versionedApp') {
    const version = l.label_version || '';
    return { id: `${ns}/${app}/${version}`, title: version ? `${app} ${version}` : app, subtitle: ns, namespace: ns, name: app };
  }
  return { id: `${ns}/${app}`, title: app, subtitle: ns, namespace: ns, name: app };
}

/**
 * Folds per-edge Istio rates (refId "traffic", and "errors" for 5xx) into Grafana node-graph frames
 * at the chosen granularity. Pure; node stats are inbound request rate and error share.
 */
export function toMeshFrames(
  series: readonly DataFrame[],
  type: GraphType,
  edgeLabel: EdgeLabel,
  idle: IdleChoice = { edges: true, nodes: false }
): MeshFramesResult {
  const nodes = new Map<string, End & { inRate: number; inErrors: number }>();
  const edges = new Map<string, { source: string; target: string; rate: number; errors: number }>();
  const deployments: End[] = [];
  let dropped = 0;
  for (const frame of series) {
    if (frame.refId === DEPLOYMENTS_REF) {
      const labels = frame.fields.find((f) => f.type === FieldType.number)?.labels;
      const e = labels && deploymentEnd(labels, type);
      if (e) {
        deployments.push(e);
      }
      continue;
    }
    const kind = frame.refId === 'errors' ? 'errors' : frame.refId === 'traffic' ? 'rate' : undefined;
    const value = frame.fields.find((f) => f.type === FieldType.number);
    if (!kind || !value?.labels?.destination_workload) {
      dropped += kind ? 1 : 0;
      continue;
    }
    const v = lastFinite(value.values);
    const from = end(value.labels, 'source', type);
    const to = end(value.labels, 'destination', type);
    for (const n of [from, to]) {
      if (!nodes.has(n.id)) {
        nodes.set(n.id, { ...n, inRate: 0, inErrors: 0 });
      }
    }
    const target = nodes.get(to.id)!;
    const key = `${from.id}->${to.id}`;
    const edge = edges.get(key) ?? { source: from.id, target: to.id, rate: 0, errors: 0 };
    if (kind === 'rate') {
      edge.rate += v;
      target.inRate += v;
    } else {
      edge.errors += v;
      target.inErrors += v;
    }
    edges.set(key, edge);
  }
  const hiddenIdle = { edges: 0, nodes: 0 };
  // Ids of the nodes left out: those only idle edges reached, and deployments without any traffic.
  const hiddenNodes = new Set<string>();
  if (!idle.edges) {
    const touched = new Set<string>();
    for (const [key, e] of edges) {
      if (e.rate > 0 || e.errors > 0) {
        touched.add(e.source).add(e.target);
      } else {
        edges.delete(key);
        hiddenIdle.edges++;
      }
    }
    for (const id of [...nodes.keys()]) {
      if (!touched.has(id) && !idle.nodes) {
        nodes.delete(id);
        hiddenNodes.add(id);
      }
    }
  }
  for (const d of deployments) {
    if (nodes.has(d.id)) {
      continue;
    }
    if (idle.nodes) {
      nodes.set(d.id, { ...d, inRate: 0, inErrors: 0 });
    } else {
      hiddenNodes.add(d.id);
    }
  }
  hiddenIdle.nodes = hiddenNodes.size;
  const pct = (part: number, whole: number) => (whole > 0 ? Math.round((1000 * part) / whole) / 10 : 0);
  const round = (n: number) => Math.round(n * 100) / 100;
  const nodeList = [...nodes.values()].sort((a, b) => a.id.localeCompare(b.id));
  const edgeList = [...edges.entries()].sort(([a], [b]) => a.localeCompare(b));
  const meta = { preferredVisualisationType: 'nodeGraph' as const, custom: { hiddenIdle } };
  const pageKind = type === 'workload' ? 'workload' : 'service';
  const nodesFrame = createDataFrame({
    name: 'nodes',
    meta,
    fields: [
      { name: 'id', type: FieldType.string, values: nodeList.map((n) => n.id) },
      { name: 'title', type: FieldType.string, values: nodeList.map((n) => n.title) },
      { name: 'subtitle', type: FieldType.string, values: nodeList.map((n) => n.subtitle) },
      { name: 'mainstat', type: FieldType.number, values: nodeList.map((n) => round(n.inRate)), config: { unit: 'req/s', displayName: 'Inbound' } },
      { name: 'secondarystat', type: FieldType.number, values: nodeList.map((n) => pct(n.inErrors, n.inRate)), config: { unit: '% 5xx', displayName: 'Errors' } },
      { name: 'detail__namespace', type: FieldType.string, values: nodeList.map((n) => n.namespace), config: { displayName: 'Namespace' } },
      { name: 'detail__name', type: FieldType.string, values: nodeList.map((n) => n.name), config: { displayName: 'Name' } },
      // The app page of each node (workload graph: the workload's; otherwise the service named by the app), which the panel links.
      { name: 'detail__kind', type: FieldType.string, values: nodeList.map(() => pageKind), config: { displayName: 'Page' } },
    ],
  });
  const edgeStat =
    edgeLabel === 'errors'
      ? { values: edgeList.map(([, e]) => pct(e.errors, e.rate)), unit: '% 5xx' }
      : { values: edgeList.map(([, e]) => round(e.rate)), unit: 'req/s' };
  const edgesFrame = createDataFrame({
    name: 'edges',
    meta,
    fields: [
      { name: 'id', type: FieldType.string, values: edgeList.map(([k]) => k) },
      { name: 'source', type: FieldType.string, values: edgeList.map(([, e]) => e.source) },
      { name: 'target', type: FieldType.string, values: edgeList.map(([, e]) => e.target) },
      { name: 'mainstat', type: FieldType.number, values: edgeStat.values, config: { unit: edgeStat.unit } },
    ],
  });
  return { frames: [nodesFrame, edgesFrame], dropped, hiddenIdle };
}
