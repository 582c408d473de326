import { goFixed, rateToString } from '../../../../shared/format';
import { type EdgeRateKey, type MeshEdge, type MeshGraphModel, type MeshNode, type NodeRateKey, type Protocol } from './types';

/** Kiali's graph JSON (`GET /api/namespaces/graph`, config/common/common.go), for export and golden tests. */
export interface KialiGraphJson {
  timestamp: number;
  duration: number;
  graphType: string;
  elements: { nodes: Array<{ data: Record<string, unknown> }>; edges: Array<{ data: Record<string, unknown> }> };
}

const NODE_RATES: Record<Protocol, NodeRateKey[]> = {
  grpc: ['grpcIn', 'grpcInNoResponse', 'grpcInErr', 'grpcOut'],
  http: ['httpIn', 'httpInNoResponse', 'httpIn3xx', 'httpIn4xx', 'httpIn5xx', 'httpOut'],
  tcp: ['tcpIn', 'tcpOut'],
};
const EDGE_RATES: Record<Protocol, { total: EdgeRateKey; errors: EdgeRateKey[]; others: EdgeRateKey[] }> = {
  grpc: { total: 'grpc', errors: ['grpcNoResponse', 'grpcErr'], others: [] },
  http: { total: 'http', errors: ['httpNoResponse', 'http4xx', 'http5xx'], others: ['http3xx'] },
  tcp: { total: 'tcp', errors: [], others: [] },
};
const OUT_RATE: Record<Protocol, NodeRateKey> = { grpc: 'grpcOut', http: 'httpOut', tcp: 'tcpOut' };

function nodeTraffic(n: MeshNode) {
  const traffic = [];
  for (const protocol of ['grpc', 'http', 'tcp'] as const) {
    const rates: Record<string, string> = {};
    for (const key of NODE_RATES[protocol]) {
      const v = n.rates[key] ?? 0;
      if (v > 0) {
        rates[key] = rateToString(2, v);
      }
    }
    if (Object.keys(rates).length > 0) {
      traffic.push({ protocol, rates });
    }
  }
  return traffic;
}

function edgeTraffic(e: MeshEdge, source: MeshNode | undefined) {
  const spec = EDGE_RATES[e.protocol];
  const total = e.rates[spec.total] ?? 0;
  if (total <= 0) {
    return { protocol: e.protocol };
  }
  const rates: Record<string, string> = {};
  for (const key of [spec.total, ...spec.errors, ...spec.others]) {
    const v = e.rates[key] ?? 0;
    if (v > 0) {
      rates[key] = rateToString(2, v);
    }
  }
  if (e.protocol !== 'tcp') {
    const err = spec.errors.reduce((sum, k) => sum + (e.rates[k] ?? 0), 0);
    if (err > 0) {
      rates[`${e.protocol}PercentErr`] = goFixed((err / total) * 100, 1);
    }
    const out = source?.rates[OUT_RATE[e.protocol]] ?? 0;
    const percentReq = (total / out) * 100;
    if (percentReq > 0 && Number.isFinite(percentReq)) {
      rates[`${e.protocol}PercentReq`] = goFixed(percentReq, 1);
    }
  }
  const pct = (v: number) => goFixed((v / total) * 100, 1);
  const responses = Object.fromEntries(
    [...e.responses].map(([code, d]) => {
      const detail: Record<string, Record<string, string>> = {};
      if (Object.keys(d.flags).length) {
        detail.flags = Object.fromEntries(Object.entries(d.flags).map(([k, v]) => [k, pct(v)]));
      }
      if (Object.keys(d.hosts).length) {
        detail.hosts = Object.fromEntries(Object.entries(d.hosts).map(([k, v]) => [k, pct(v)]));
      }
      return [code, detail];
    })
  );
  return { protocol: e.protocol, rates, responses };
}

const compact = (o: Record<string, unknown>) => Object.fromEntries(Object.entries(o).filter(([, v]) => v !== undefined && v !== '' && v !== false));

/**
 * The model as Kiali's JSON. `hash` maps readable ids to Kiali's (SHA-256 in Kiali; identity for export).
 * Sorted as Kiali sorts, so the output is stable.
 */
export function toKialiJson(model: MeshGraphModel, o: { timestamp: number; duration: number; hash?: (id: string) => string }): KialiGraphJson {
  const hash = o.hash ?? ((id: string) => id);
  const byId = new Map(model.nodes.map((n) => [n.id, n]));
  const boxRank = { cluster: 0, namespace: 1, app: 2 } as const;
  const nodes = [
    ...model.boxes.map((b) => ({
      rank: boxRank[b.kind],
      data: compact({ id: hash(b.id), parent: b.parent && hash(b.parent), nodeType: 'box', cluster: b.cluster, namespace: b.namespace, app: b.app, healthData: null, isBox: b.kind }),
    })),
    ...model.nodes.map((n) => {
      const destServices = [...n.destServices].sort(
        (a, b) => a.cluster.localeCompare(b.cluster) || a.namespace.localeCompare(b.namespace) || a.name.localeCompare(b.name)
      );
      const traffic = nodeTraffic(n);
      const parent = model.parents[n.id];
      return {
        rank: 3,
        data: compact({
          ...{ id: hash(n.id), parent: parent && hash(parent), nodeType: n.nodeType, cluster: n.cluster, namespace: n.namespace },
          ...{ workload: n.workload, app: n.app, version: n.version, service: n.service },
          destServices: destServices.length ? destServices : undefined,
          traffic: traffic.length ? traffic : undefined,
          healthData: null,
          ...{ isInaccessible: n.isInaccessible, isInjected: n.isInjected, isOutside: n.isOutside, isRoot: n.isRoot, isWaypoint: n.isWaypoint },
        }),
      };
    }),
  ];
  const cmp = (a: unknown, b: unknown) => String(a ?? '').localeCompare(String(b ?? ''), 'en');
  const byCodeUnit = (a: unknown, b: unknown) => (String(a ?? '') < String(b ?? '') ? -1 : String(a ?? '') > String(b ?? '') ? 1 : 0);
  nodes.sort(
    (x, y) =>
      x.rank - y.rank ||
      byCodeUnit(x.data.cluster, y.data.cluster) ||
      byCodeUnit(x.data.namespace, y.data.namespace) ||
      byCodeUnit(x.data.app, y.data.app) ||
      byCodeUnit(x.data.version, y.data.version) ||
      byCodeUnit(x.data.service, y.data.service) ||
      byCodeUnit(x.data.workload, y.data.workload)
  );
  const convert = (e: MeshEdge, sourceId: string): Record<string, unknown> => {
    const source = hash(sourceId);
    const target = hash(e.target);
    const data: Record<string, unknown> = { id: hash(`${source}.${target}.${e.protocol}`), source, target, traffic: edgeTraffic(e, byId.get(e.source)) };
    if (e.waypoint) {
      data.waypoint = compact({ direction: e.waypoint.direction, fromEdge: e.waypoint.fromEdge && convert(e.waypoint.fromEdge, sourceId) });
    }
    return data;
  };
  const edges = model.edges.map((e) => ({ data: convert(e, e.source) }));
  edges.sort((x, y) => byCodeUnit(x.data.source, y.data.source) || byCodeUnit(x.data.target, y.data.target) || cmp((x.data.traffic as { protocol: string }).protocol, (y.data.traffic as { protocol: string }).protocol));
  return {
    timestamp: o.timestamp,
    duration: o.duration,
    graphType: model.graphType,
    elements: { nodes: nodes.map((n) => ({ data: n.data })), edges },
  };
}
