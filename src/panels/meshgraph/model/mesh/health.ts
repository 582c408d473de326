import { type MeshEdge, type MeshGraphModel, type MeshNode } from './types';

export type HealthStatus = 'healthy' | 'degraded' | 'failure' | 'idle';

/** One error class and its limits in percent of requests (Kiali config.AddHealthDefault). */
export interface HealthThreshold {
  readonly code: '5xx' | '4xx' | 'grpc' | 'noResponse';
  readonly degraded: number;
  readonly failure: number;
}

/** Kiali's defaults: any 5xx, gRPC error or missing response degrades, 10 % fails; 4xx 10 % / 20 %. */
export const defaultHealthThresholds: readonly HealthThreshold[] = [
  { code: '5xx', degraded: 0, failure: 10 },
  { code: '4xx', degraded: 10, failure: 20 },
  { code: 'grpc', degraded: 0, failure: 10 },
  { code: 'noResponse', degraded: 0, failure: 10 },
];

export interface Health {
  status: HealthStatus;
  /** Why the status is not healthy, one line per offending class, e.g. "5xx 33.3 % of inbound HTTP ≥ 10 %". */
  reasons: string[];
}

interface Counts {
  total: number;
  byClass: Partial<Record<HealthThreshold['code'], number>>;
}

const RANK: Record<HealthStatus, number> = { idle: 0, healthy: 1, degraded: 2, failure: 3 };
const worse = (a: HealthStatus, b: HealthStatus) => (RANK[b] > RANK[a] ? b : a);

function evaluate(counts: Counts, where: string, thresholds: readonly HealthThreshold[], into: Health) {
  if (counts.total <= 0) {
    return;
  }
  into.status = worse(into.status, 'healthy');
  for (const t of thresholds) {
    const errors = counts.byClass[t.code] ?? 0;
    const ratio = (errors / counts.total) * 100;
    // Kiali: a ratio of 0 is always healthy, so degraded=0 means "any error".
    if (ratio <= 0) {
      continue;
    }
    const status: HealthStatus | undefined = ratio >= t.failure ? 'failure' : ratio >= t.degraded ? 'degraded' : undefined;
    if (status) {
      into.status = worse(into.status, status);
      const limit = status === 'failure' ? t.failure : t.degraded;
      into.reasons.push(`${t.code} ${ratio.toFixed(1)} % of ${where} ${limit === 0 ? '>' : '≥'} ${limit} %`);
    }
  }
}

function edgeCounts(e: MeshEdge): Counts | undefined {
  const r = e.rates;
  if (e.protocol === 'http') {
    return { total: r.http ?? 0, byClass: { '5xx': r.http5xx, '4xx': r.http4xx, noResponse: r.httpNoResponse } };
  }
  if (e.protocol === 'grpc') {
    return { total: r.grpc ?? 0, byClass: { grpc: r.grpcErr, noResponse: r.grpcNoResponse } };
  }
  return undefined;
}

/** Health of an edge from its own traffic; TCP has no error signal and is healthy when it flows. */
export function edgeHealth(e: MeshEdge, thresholds: readonly HealthThreshold[]): Health {
  const health: Health = { status: 'idle', reasons: [] };
  const counts = edgeCounts(e);
  if (counts) {
    evaluate(counts, e.protocol === 'http' ? 'HTTP' : 'GRPC', thresholds, health);
  } else if ((e.rates.tcp ?? 0) > 0) {
    health.status = 'healthy';
  }
  return health;
}

/** Health of a node: the worse of its inbound traffic and its outbound edges, each reason said. */
export function nodeHealth(n: MeshNode, outbound: readonly MeshEdge[], thresholds: readonly HealthThreshold[]): Health {
  const health: Health = { status: 'idle', reasons: [] };
  const r = n.rates;
  evaluate({ total: r.httpIn ?? 0, byClass: { '5xx': r.httpIn5xx, '4xx': r.httpIn4xx, noResponse: r.httpInNoResponse } }, 'inbound HTTP', thresholds, health);
  evaluate({ total: r.grpcIn ?? 0, byClass: { grpc: r.grpcInErr, noResponse: r.grpcInNoResponse } }, 'inbound gRPC', thresholds, health);
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
  if (http > 0) {
    evaluate({ total: http, byClass: { '5xx': http5xx, '4xx': http4xx, noResponse: httpNoResponse } }, 'outbound HTTP', thresholds, health);
  }
  if (grpc > 0) {
    evaluate({ total: grpc, byClass: { grpc: grpcErr, noResponse: grpcNoResponse } }, 'outbound gRPC', thresholds, health);
  }
  if (health.status === 'idle' && ((r.tcpIn ?? 0) > 0 || (r.tcpOut ?? 0) > 0)) {
    health.status = 'healthy';
  }
  return health;
}

/** Health for every node and edge of a model, by id. */
export function graphHealth(model: MeshGraphModel, thresholds: readonly HealthThreshold[]) {
  const outbound = new Map<string, MeshEdge[]>();
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
