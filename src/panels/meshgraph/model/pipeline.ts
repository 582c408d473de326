import { type DataFrame } from '@grafana/data';
import { type MeshGraphPanelOptions } from '../types';
import { meshGraphBuilder } from './mesh/buildMeshGraph';
import { enrichEdges } from './mesh/enrich';
import { graphHealth, thresholdsFromOptions, type HealthThreshold } from '../../../shared/health';
import { readDeployments } from './mesh/idleNodes';
import { readPromFrames } from './mesh/readPromFrames';
import { waypointSteps, withTrafficWaypoints } from './mesh/waypoints';
import { markServiceEntries, type ServiceEntryOption } from './mesh/serviceEntries';
import { type DropCounts, emptyDropCounts, type MeshGraphModel, type MeshNode } from './mesh/types';
import { isNodeGraphFrame, parseNodeGraphFrames } from './parseNodeGraphFrames';
import { compareGraphs, type CompareCounts } from './view/compare';
import { viewFromMesh } from './view/fromMesh';
import { type ViewGraph } from './view/types';

/** Everything the panel dropped or could not use, by reason, for the footer. */
export interface InputCounts extends DropCounts {
  series: number;
  unmatchedEnrichment: number;
  nodeGraphDroppedNodes: number;
  nodeGraphDanglingEdges: number;
  /** Idle nodes added for deployments without traffic. */
  idleNodes: number;
  /** Workloads ztunnel shows on one side only of a waypoint-like hop: not drawn as waypoints (mesh/waypoints.ts). */
  unconfirmedWaypoints: number;
}

export type PipelineResult =
  | { ok: true; source: 'istio' | 'nodeGraph' | 'empty'; graph: ViewGraph; model?: MeshGraphModel; counts: InputCounts; compare?: CompareCounts }
  | { ok: false; error: string };

export function healthThresholds(o: MeshGraphPanelOptions): HealthThreshold[] {
  return thresholdsFromOptions(o);
}

/** `host[,host…] [MESH_INTERNAL]` per line. */
export function parseServiceEntries(text: string): ServiceEntryOption[] {
  return text
    .split('\n')
    .map((line) => line.trim())
    .filter(Boolean)
    .map((line) => {
      const [hosts, location] = line.split(/\s+/);
      return { hosts: hosts.split(',').filter(Boolean), location: location === 'MESH_INTERNAL' ? 'MESH_INTERNAL' : 'MESH_EXTERNAL' };
    });
}

/** The VS badge's services: `name.namespace` or a host (`name.namespace.svc…`), one per line. */
export function virtualServiceMatcher(text: string): (n: MeshNode) => boolean {
  const entries = new Set(
    (text ?? '')
      .split('\n')
      .map((l) => l.trim())
      .filter(Boolean)
  );
  if (entries.size === 0) {
    return () => false;
  }
  return (n) => n.nodeType === 'service' && (entries.has(`${n.service}.${n.namespace}`) || entries.has(`${n.service}.${n.namespace}.svc.cluster.local`) || entries.has(n.service));
}

function waypointMatcher(pattern: string): ((c: string, ns: string, wl: string) => boolean) | undefined | string {
  if (pattern.trim() === '') {
    return undefined;
  }
  try {
    const re = new RegExp(pattern);
    return (_c, _ns, wl) => re.test(wl);
  } catch (e) {
    return `The waypoint pattern "${pattern}" is not a valid regular expression: ${e instanceof Error ? e.message : String(e)}`;
  }
}

/**
 * Panel data → view graph. Istio Prometheus frames go through Kiali's semantics; Grafana node-graph
 * frames (Tempo service graphs and others) are drawn as they are. Never throws: bad input becomes a
 * message or a count.
 */
export function framesToGraph(series: readonly DataFrame[], o: MeshGraphPanelOptions): PipelineResult {
  const steps = pipelineSteps(series, o);
  for (;;) {
    const next = steps.next();
    if (next.done) {
      return next.value;
    }
  }
}

/**
 * The same pipeline, one slice at a time: `await` between steps keeps every main-thread task short
 * even for 100,000 series. Stops early when `cancelled()` turns true.
 */
export async function framesToGraphSliced(series: readonly DataFrame[], o: MeshGraphPanelOptions, pause: () => Promise<void>, cancelled: () => boolean): Promise<PipelineResult | undefined> {
  const steps = pipelineSteps(series, o);
  for (;;) {
    const next = steps.next();
    if (next.done) {
      return next.value;
    }
    await pause();
    if (cancelled()) {
      return undefined;
    }
  }
}

const SLICE = 2000;

function* pipelineSteps(series: readonly DataFrame[], o: MeshGraphPanelOptions): Generator<void, PipelineResult> {
  const counts: InputCounts = { ...emptyDropCounts(), series: 0, unmatchedEnrichment: 0, nodeGraphDroppedNodes: 0, nodeGraphDanglingEdges: 0, idleNodes: 0, unconfirmedWaypoints: 0 };
  const nonEmpty = series.filter((f) => f.length > 0);
  if (nonEmpty.length === 0) {
    return { ok: true, source: 'empty', graph: { nodes: [], edges: [], collapsed: [] }, counts };
  }
  if (nonEmpty.some(isNodeGraphFrame)) {
    const parsed = parseNodeGraphFrames(nonEmpty);
    if (!parsed.ok) {
      return parsed;
    }
    counts.nodeGraphDroppedNodes = parsed.value.droppedNodes;
    counts.nodeGraphDanglingEdges = parsed.value.danglingEdges;
    return { ok: true, source: 'nodeGraph', graph: parsed.value.graph, counts };
  }
  const isWaypoint = waypointMatcher(o.waypointPattern);
  if (typeof isWaypoint === 'string') {
    return { ok: false, error: isWaypoint };
  }
  const previous = nonEmpty.filter(isPreviousWindow);
  const now = yield* istioSteps(nonEmpty.filter((f) => !isPreviousWindow(f)), o, isWaypoint, counts);
  if (previous.length === 0 || !now.ok) {
    return now;
  }
  const before = yield* istioSteps(previous, o, isWaypoint, { ...emptyDropCounts(), series: 0, unmatchedEnrichment: 0, nodeGraphDroppedNodes: 0, nodeGraphDanglingEdges: 0, idleNodes: 0, unconfirmedWaypoints: 0 });
  if (!before.ok) {
    return now;
  }
  const compared = compareGraphs(now.graph, before.graph);
  return { ...now, graph: compared.graph, compare: compared.counts };
}

/** Frames of the earlier window when comparing: the preset marks their refId with "previous". */
function isPreviousWindow(frame: DataFrame): boolean {
  return /(^|\s)previous\s/i.test(frame.refId ?? '');
}

function* istioSteps(
  frames: readonly DataFrame[],
  o: MeshGraphPanelOptions,
  isWaypoint: ((c: string, ns: string, wl: string) => boolean) | undefined,
  counts: InputCounts
): Generator<void, PipelineResult> {
  const read = readPromFrames(frames);
  counts.unknownFrames = read.unknownFrames;
  counts.badValue = read.badValues;
  counts.series = read.traffic.length;
  // Deployments are read even with idle nodes off: waypoints that only report themselves are found there.
  const deployments = readDeployments(read.deployments);
  const idle = o.showIdleNodes ? deployments : undefined;
  counts.missingLabels += deployments.missingLabels;
  if (read.traffic.length === 0 && !idle?.deployments.length) {
    return {
      ok: false,
      error:
        read.unknownFrames > 0
          ? `None of the ${read.unknownFrames} frames holds Istio traffic: use the Istio preset queries (istio_requests_total grouped by source_* and destination_* labels), or node-graph frames (id, source, target).`
          : `No usable Istio traffic: ${read.badValues} rows had a missing, NaN or negative value.`,
    };
  }
  yield;
  // Waypoints the traffic itself identifies (ztunnel's hops around them), before any node is keyed.
  const found = isWaypoint ? yield* waypointSteps(read.traffic, SLICE) : undefined;
  counts.unconfirmedWaypoints = found?.unconfirmed ?? 0;
  const graphOptions = {
    graphType: o.graphType,
    injectServiceNodes: o.injectServiceNodes,
    httpRequests: true,
    grpcRequests: true,
    isWaypoint: found ? withTrafficWaypoints(isWaypoint, found) : undefined,
    namespaces: o.namespaces.split(',').map((s) => s.trim()).filter(Boolean),
    boxBy: { namespace: o.boxByNamespace, cluster: o.boxByCluster },
    idleDeployments: deployments.deployments,
    showIdleNodes: o.showIdleNodes,
  };
  const builder = meshGraphBuilder(graphOptions, counts);
  for (let i = 0; i < read.traffic.length; i += SLICE) {
    builder.add(read.traffic, i, Math.min(read.traffic.length, i + SLICE));
    yield;
  }
  const built = builder.finish();
  counts.idleNodes = built.idleNodes ?? 0;
  yield;
  const enriched = enrichEdges(built, read.enrichment, { ...graphOptions, injectServiceNodes: o.injectServiceNodes || o.graphType === 'service' });
  counts.unmatchedEnrichment = enriched.unmatched;
  const model = { ...enriched.model, nodes: markServiceEntries(enriched.model.nodes, parseServiceEntries(o.serviceEntries)) };
  const thresholds = healthThresholds(o);
  const health = graphHealth(model, thresholds);
  yield;
  return { ok: true, source: 'istio', graph: viewFromMesh(model, thresholds, o.edgeLabels, health, virtualServiceMatcher(o.virtualServices)), model, counts };
}
