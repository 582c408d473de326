import { graphHealth, type HealthThreshold } from '../../../../shared/health';
import { formatRateUnit, formatResponseTime } from '../../../../shared/format';
import { type MeshEdge, type MeshGraphModel, type MeshNode } from '../mesh/types';
import { type Badge, nodeBadges } from './badges';
import { type EdgeLabelMode, type NodeShape, type ViewEdge, type ViewGraph, type ViewNode } from './types';

function shapeOf(n: MeshNode): NodeShape {
  if (n.isServiceEntry) {
    return 'plate';
  }
  switch (n.nodeType) {
    case 'app':
      return 'square';
    case 'service':
      return 'triangle';
    default:
      return 'circle';
  }
}

/** Kiali's node label: workload name, app (+ version), service, or `unknown`. */
export function nodeTitle(n: MeshNode): { title: string; subtitle: string } {
  switch (n.nodeType) {
    case 'unknown':
      return { title: 'unknown', subtitle: '' };
    case 'service':
      return { title: n.service, subtitle: n.namespace };
    case 'app':
      return { title: n.version ? `${n.app} ${n.version}` : n.app, subtitle: n.namespace };
    default:
      return { title: n.workload, subtitle: n.namespace };
  }
}

function flagsOf(n: MeshNode, idle: boolean): ViewNode['flags'] {
  const flags = new Set<ViewNode['flags'] extends ReadonlySet<infer F> ? F : never>();
  if (n.isRoot) {
    flags.add('root');
  }
  if (n.isOutside) {
    flags.add('outside');
  }
  if (n.isInaccessible) {
    flags.add('inaccessible');
  }
  if (n.isWaypoint) {
    flags.add('waypoint');
  }
  if (n.isEgressCluster) {
    flags.add('egress');
  }
  if (n.isInjected) {
    flags.add('injected');
  }
  if (n.isServiceEntry) {
    flags.add('serviceEntry');
  }
  if (n.nodeType === 'unknown' || n.service === 'unknown') {
    flags.add('unknown');
  }
  if (idle) {
    flags.add('idle');
  }
  return flags;
}

const OUT = { http: 'httpOut', grpc: 'grpcOut', tcp: 'tcpOut' } as const;

/** Kiali's edge label text for the chosen modes, joined by a bar. */
export function edgeLabel(e: Omit<ViewEdge, 'label'>, modes: readonly EdgeLabelMode[]): string {
  const parts: string[] = [];
  for (const mode of modes) {
    if (mode === 'trafficRate' && e.rate > 0) {
      parts.push(e.protocol === 'tcp' ? formatRateUnit(e.rate, 'bps') : formatRateUnit(e.rate, 'rps') + (e.errorPct > 0 ? ` ${e.errorPct.toFixed(1)}%err` : ''));
    } else if (mode === 'trafficDistribution' && e.percentReq > 0 && e.protocol !== 'tcp') {
      parts.push(`${e.percentReq.toFixed(1)}%`);
    } else if (mode === 'responseTime' && e.responseTime !== undefined) {
      parts.push(formatResponseTime(e.responseTime));
    } else if (mode === 'throughput' && e.throughput !== undefined) {
      parts.push(formatRateUnit(e.throughput, 'B/s'));
    }
  }
  return parts.join(' | ');
}

function edgeNumbers(e: MeshEdge, source: MeshNode | undefined) {
  const r = e.rates;
  const rate = (e.protocol === 'http' ? r.http : e.protocol === 'grpc' ? r.grpc : r.tcp) ?? 0;
  const errors = e.protocol === 'http' ? (r.http4xx ?? 0) + (r.http5xx ?? 0) + (r.httpNoResponse ?? 0) : e.protocol === 'grpc' ? (r.grpcErr ?? 0) + (r.grpcNoResponse ?? 0) : 0;
  const out = source?.rates[OUT[e.protocol]] ?? 0;
  return { rate, errorPct: rate > 0 ? (errors / rate) * 100 : 0, percentReq: out > 0 ? (rate / out) * 100 : 0 };
}

/** The mesh model as the renderer's graph: shapes, titles, health with reasons, edge labels. */
export function viewFromMesh(
  model: MeshGraphModel,
  thresholds: readonly HealthThreshold[],
  labels: readonly EdgeLabelMode[],
  health: ReturnType<typeof graphHealth> = graphHealth(model, thresholds),
  hasVirtualService: (n: MeshNode) => boolean = () => false
): ViewGraph {
  const byId = new Map(model.nodes.map((n) => [n.id, n]));
  // Plain object literals, no spreads: this runs for every node and edge, and the build transpiles
  // object spread into a slow helper.
  const edges: ViewEdge[] = model.edges.map((e) => {
    const h = health.edges.get(e.id)!;
    const numbers = edgeNumbers(e, byId.get(e.source));
    const edge = {
      id: e.id,
      source: e.source,
      target: e.target,
      protocol: e.protocol,
      health: h.status,
      reasons: h.reasons,
      rate: numbers.rate,
      errorPct: numbers.errorPct,
      percentReq: numbers.percentReq,
      responseTime: e.responseTime,
      throughput: e.throughput,
      mtlsPct: e.isMTLS,
      mesh: e,
      label: '',
    };
    edge.label = edgeLabel(edge, labels);
    return edge;
  });
  // Circuit breakers that opened: an inbound edge answered with Envoy's UO (upstream overflow) flag.
  const tripped = new Set<string>();
  for (const e of model.edges) {
    for (const detail of e.responses.values()) {
      if (Object.keys(detail.flags).some((f) => f.split(',').includes('UO'))) {
        tripped.add(e.target);
      }
    }
  }
  const nodes: ViewNode[] = model.nodes.map((n) => {
    const h = health.nodes.get(n.id)!;
    const t = nodeTitle(n);
    const flags = flagsOf(n, h.status === 'idle');
    const node = {
      id: n.id,
      title: t.title,
      subtitle: t.subtitle,
      shape: shapeOf(n),
      health: h.status,
      reasons: h.reasons,
      cluster: n.cluster,
      namespace: n.namespace,
      flags,
      mesh: n,
      badges: [] as Badge[],
    };
    node.badges = nodeBadges(node, tripped.has(n.id), hasVirtualService(n));
    return node;
  });
  return { nodes, edges, collapsed: [] };
}
