import { addOutgoing, emptyResponseDetail, type TrafficMap } from './trafficMap';
import { type MeshEdge, type MeshNode, UNKNOWN } from './types';

/**
 * Ambient waypoints (appender/ambient.go): keep waypoint nodes and pair each edge into a waypoint with
 * the waypoint's edge back to the caller, so the view can draw one bidirectional edge.
 */
export function markWaypointEdges(map: TrafficMap): void {
  const waypoints = [...map.nodes.values()].filter((n) => n.isWaypoint);
  if (waypoints.length === 0) {
    return;
  }
  const waypointIds = new Set(waypoints.map((w) => w.id));
  for (const w of waypoints) {
    for (const edge of map.edgesBySource.get(w.id) ?? []) {
      edge.waypoint = { direction: 'from' };
    }
  }
  for (const [sourceId, edges] of map.edgesBySource) {
    for (const toEdge of edges) {
      if (!waypointIds.has(toEdge.target) || waypointIds.has(sourceId)) {
        continue;
      }
      const back = map.edgesBySource.get(toEdge.target) ?? [];
      const returns = back.filter((e) => e.target === sourceId);
      toEdge.waypoint = { direction: 'to', fromEdge: returns[returns.length - 1] };
      if (returns.length > 0) {
        map.edgesBySource.set(
          toEdge.target,
          back.filter((e) => e.target !== sourceId)
        );
      }
    }
  }
}

export interface OutsiderOptions {
  /** Namespaces the graph was asked for; nodes elsewhere are "outside". Empty: nothing is outside. */
  namespaces: readonly string[];
  /** Namespaces the viewer may open; undefined: all. */
  isAccessible?: (cluster: string, namespace: string) => boolean;
}

/** isOutside / isInaccessible flags (appender/outsider.go). */
export function markOutsiders(nodes: Iterable<MeshNode>, o: OutsiderOptions): void {
  const selected = new Set(o.namespaces);
  const outside = (n: MeshNode) => selected.size > 0 && n.namespace !== UNKNOWN && !selected.has(n.namespace);
  for (const n of nodes) {
    if (n.nodeType === 'unknown') {
      n.isInaccessible = true;
    } else if (n.nodeType === 'service' && (n.namespace === UNKNOWN || n.isEgressCluster)) {
      n.isInaccessible = true;
    } else if (outside(n)) {
      n.isOutside = true;
    }
    if (!n.isInaccessible && o.isAccessible && !o.isAccessible(n.cluster, n.namespace)) {
      n.isInaccessible = true;
    }
  }
}

/** Traffic sources: nodes with outbound edges and none inbound (appender/traffic_generator.go). */
export function markRoots(nodes: Iterable<MeshNode>, edges: readonly MeshEdge[]): void {
  const targets = new Set(edges.map((e) => e.target));
  const sources = new Set(edges.map((e) => e.source));
  for (const n of nodes) {
    if (sources.has(n.id) && !targets.has(n.id)) {
      n.isRoot = true;
    }
  }
}

/**
 * Service graph (telemetry/common.go ReduceToServiceGraph): from a workload graph with injected service
 * nodes, keep services and root workloads, and join service → workload → service into service → service.
 */
export function reduceToServiceGraph(map: TrafficMap): void {
  const removed: string[] = [];
  const out = new Map<string, MeshEdge[]>();
  for (const n of map.nodes.values()) {
    const edges = map.edgesBySource.get(n.id) ?? [];
    if (n.nodeType !== 'service') {
      const serviceEdges = edges.filter((e) => map.nodes.get(e.target)?.nodeType === 'service');
      if (n.isRoot && serviceEdges.length > 0) {
        resetOutgoing(n);
        serviceEdges.forEach((e) => addOutgoing(n, e));
        out.set(n.id, serviceEdges);
      } else {
        removed.push(n.id);
      }
      continue;
    }
    resetOutgoing(n);
    const joined: MeshEdge[] = [];
    for (const toWorkload of edges) {
      for (const toService of map.edgesBySource.get(toWorkload.target) ?? []) {
        if (map.nodes.get(toService.target)?.nodeType !== 'service') {
          continue;
        }
        const existing = joined.find((e) => e.target === toService.target && e.protocol === toService.protocol);
        if (existing) {
          mergeEdgeTraffic(existing, toService);
        } else {
          joined.push({ ...toService, id: `${n.id}->${toService.target}:${toService.protocol}`, source: n.id, rates: { ...toService.rates }, responses: copyResponses(toService.responses) });
        }
        addOutgoing(n, toService);
      }
    }
    out.set(n.id, joined);
  }
  removed.forEach((id) => map.nodes.delete(id));
  map.edgesBySource.clear();
  out.forEach((edges, id) => map.edgesBySource.set(id, edges));
}

function resetOutgoing(n: MeshNode) {
  delete n.rates.grpcOut;
  delete n.rates.httpOut;
  delete n.rates.tcpOut;
}

function copyResponses(r: MeshEdge['responses']): MeshEdge['responses'] {
  return new Map([...r].map(([code, d]) => [code, { flags: Object.assign(emptyResponseDetail().flags, d.flags), hosts: Object.assign(emptyResponseDetail().hosts, d.hosts) }]));
}

function mergeEdgeTraffic(into: MeshEdge, from: MeshEdge) {
  for (const [k, v] of Object.entries(from.rates) as Array<[keyof MeshEdge['rates'], number]>) {
    into.rates[k] = (into.rates[k] ?? 0) + v;
  }
  for (const [code, d] of from.responses) {
    let target = into.responses.get(code);
    if (!target) {
      target = emptyResponseDetail();
      into.responses.set(code, target);
    }
    Object.entries(d.flags).forEach(([f, v]) => (target.flags[f] = (target.flags[f] ?? 0) + v));
    Object.entries(d.hosts).forEach(([h, v]) => (target.hosts[h] = (target.hosts[h] ?? 0) + v));
  }
}
