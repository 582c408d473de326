/**
 * Graph health (Kiali's health appender): an edge from its own requests; a node from its inbound
 * requests and the sum of its outbound edges, per protocol, the worst of both. TCP has no error
 * signal: an edge or node with only TCP traffic is healthy while it flows, idle otherwise.
 */
import { gradeCounts, type Health, type ProtocolCounts } from './rules';
import { type HealthThreshold } from './thresholds';

type Rates<K extends string> = Partial<Record<K, number>>;

/** What health reads of a graph edge (the mesh model's MeshEdge has this shape). */
export interface EdgeTraffic {
  readonly id: string;
  readonly source: string;
  readonly protocol: 'http' | 'grpc' | 'tcp';
  readonly rates: Rates<'http' | 'http5xx' | 'http4xx' | 'httpNoResponse' | 'grpc' | 'grpcErr' | 'grpcNoResponse' | 'tcp'>;
}

/** What health reads of a graph node (the mesh model's MeshNode has this shape). */
export interface NodeTraffic {
  readonly id: string;
  readonly rates: Rates<'httpIn' | 'httpIn5xx' | 'httpIn4xx' | 'httpInNoResponse' | 'grpcIn' | 'grpcInErr' | 'grpcInNoResponse' | 'tcpIn' | 'tcpOut'>;
}

const httpCounts = (total: number | undefined, e5: number | undefined, e4: number | undefined, none: number | undefined): ProtocolCounts => ({
  total: total ?? 0,
  errors: { '5xx': e5 ?? 0, '4xx': e4 ?? 0, noResponse: none ?? 0 },
});
const grpcCounts = (total: number | undefined, err: number | undefined, none: number | undefined): ProtocolCounts => ({
  total: total ?? 0,
  errors: { grpc: err ?? 0, noResponse: none ?? 0 },
});

/** Health of an edge from its own traffic. */
export function edgeHealth(e: EdgeTraffic, thresholds: readonly HealthThreshold[]): Health {
  const health: Health = { status: 'idle', reasons: [] };
  const r = e.rates;
  if (e.protocol === 'http') {
    gradeCounts(httpCounts(r.http, r.http5xx, r.http4xx, r.httpNoResponse), 'http', 'HTTP', thresholds, health);
  } else if (e.protocol === 'grpc') {
    gradeCounts(grpcCounts(r.grpc, r.grpcErr, r.grpcNoResponse), 'grpc', 'gRPC', thresholds, health);
  } else if ((r.tcp ?? 0) > 0) {
    health.status = 'healthy';
  }
  return health;
}

/** Health of a node: the worse of its inbound traffic and its outbound edges, each reason said. */
export function nodeHealth(n: NodeTraffic, outbound: readonly EdgeTraffic[], thresholds: readonly HealthThreshold[]): Health {
  const health: Health = { status: 'idle', reasons: [] };
  const r = n.rates;
  gradeCounts(httpCounts(r.httpIn, r.httpIn5xx, r.httpIn4xx, r.httpInNoResponse), 'http', 'inbound HTTP', thresholds, health);
  gradeCounts(grpcCounts(r.grpcIn, r.grpcInErr, r.grpcInNoResponse), 'grpc', 'inbound gRPC', thresholds, health);
  // Summed field by field: this runs for every node and outbound edge, so no per-edge objects.
  let http = 0;
  let http5xx = 0;
  let http4xx = 0;
  let httpNoResponse = 0;
  let grpc = 0;
  let grpcErr = 0;
  let grpcNoResponse = 0;
  for (const e of outbound) {
    const er = e.rates;
    if (e.protocol === 'http') {
      http += er.http ?? 0;
      http5xx += er.http5xx ?? 0;
      http4xx += er.http4xx ?? 0;
      httpNoResponse += er.httpNoResponse ?? 0;
    } else if (e.protocol === 'grpc') {
      grpc += er.grpc ?? 0;
      grpcErr += er.grpcErr ?? 0;
      grpcNoResponse += er.grpcNoResponse ?? 0;
    }
  }
  gradeCounts(httpCounts(http, http5xx, http4xx, httpNoResponse), 'http', 'outbound HTTP', thresholds, health);
  gradeCounts(grpcCounts(grpc, grpcErr, grpcNoResponse), 'grpc', 'outbound gRPC', thresholds, health);
  if (health.status === 'idle' && ((r.tcpIn ?? 0) > 0 || (r.tcpOut ?? 0) > 0)) {
    health.status = 'healthy';
  }
  return health;
}

/** Health for every node and edge of a graph, by id. */
export function graphHealth(model: { nodes: readonly NodeTraffic[]; edges: readonly EdgeTraffic[] }, thresholds: readonly HealthThreshold[]) {
  const outbound = new Map<string, EdgeTraffic[]>();
  for (const e of model.edges) {
    const list = outbound.get(e.source);
    if (list) {
      list.push(e);
    } else {
      outbound.set(e.source, [e]);
    }
  }
  const nodes = new Map(model.nodes.map((n) => [n.id, nodeHealth(n, outbound.get(n.id) ?? [], thresholds)]));
  const edges = new Map(model.edges.map((e) => [e.id, edgeHealth(e, thresholds)]));
  return { nodes, edges };
}
