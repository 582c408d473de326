import { newNode, nodeId, type NodeIdentity } from './nodeId';
import { emptyEdgeRates, type EdgeRateKey, type ResponseDetail, type MeshEdge, type MeshNode, type NodeRateKey, type Protocol } from './types';

/**
 * A traffic map under construction: nodes by id, edges per source in insertion order, and the
 * time-series keys already applied to each edge. Local to one transform call, never shared.
 */
export class TrafficMap {
  readonly nodes = new Map<string, MeshNode>();
  readonly edgesBySource = new Map<string, MeshEdge[]>();
  private readonly appliedSeries = new Map<MeshEdge, Set<string>>();
  /** source id → target id → edge per protocol: node ids are reused strings with cached hashes, so no key is built per series. */
  private readonly edgeIndex = new Map<string, Map<string, Partial<Record<Protocol, MeshEdge>>>>();

  addNode(identity: NodeIdentity, graphType: Parameters<typeof nodeId>[1]): MeshNode | undefined {
    const ident = nodeId(identity, graphType);
    if (!ident) {
      return undefined;
    }
    let node = this.nodes.get(ident.id);
    if (!node) {
      node = newNode(ident.id, ident.nodeType, identity, graphType);
      this.nodes.set(node.id, node);
    }
    return node;
  }

  findEdge(source: string, target: string, protocol: Protocol): MeshEdge | undefined {
    return this.edgeIndex.get(source)?.get(target)?.[protocol];
  }

  addEdge(source: string, target: string, protocol: Protocol): MeshEdge {
    const edge: MeshEdge = { id: `${source}->${target}:${protocol}`, source, target, protocol, rates: emptyEdgeRates(), responses: new Map() };
    let targets = this.edgeIndex.get(source);
    if (!targets) {
      targets = new Map();
      this.edgeIndex.set(source, targets);
    }
    let byProtocol = targets.get(target);
    if (!byProtocol) {
      byProtocol = {};
      targets.set(target, byProtocol);
    }
    byProtocol[protocol] = edge;
    const list = this.edgesBySource.get(source);
    if (list) {
      list.push(edge);
    } else {
      this.edgesBySource.set(source, [edge]);
    }
    return edge;
  }

  /**
   * Applies one series to the edge unless the same series (metric, both ends, code, flags, host) was
   * already applied: both proxies report the same request, and it must count once.
   */
  addEdgeTraffic(t: EdgeTraffic, source: MeshNode, dest: MeshNode, seriesKey: string): boolean {
    const edge = this.findEdge(source.id, dest.id, t.protocol) ?? this.addEdge(source.id, dest.id, t.protocol);
    let applied = this.appliedSeries.get(edge);
    if (!applied) {
      applied = new Set();
      this.appliedSeries.set(edge, applied);
    }
    if (applied.has(seriesKey)) {
      return false;
    }
    applied.add(seriesKey);
    addToRates(t, source, dest, edge);
    return true;
  }

  edges(): MeshEdge[] {
    // A plain loop: spread + flat() over thousands of small arrays is several times slower.
    const all: MeshEdge[] = [];
    for (const list of this.edgesBySource.values()) {
      for (const e of list) {
        all.push(e);
      }
    }
    return all;
  }
}

export interface EdgeTraffic {
  protocol: Protocol;
  value: number;
  code: string;
  flags: string;
  host: string;
}

function add<K extends string>(rates: Partial<Record<K, number>>, key: K, value: number) {
  rates[key] = (rates[key] ?? 0) + value;
}

/**
 * Keyed by label values (hosts, flags): prototype-less objects, so a host called "__proto__" is just a
 * key, and (dictionary mode in V8) thousands of distinct hosts do not each add a hidden class.
 */
export function emptyResponseDetail(): ResponseDetail {
  return { flags: Object.create(null) as Record<string, number>, hosts: Object.create(null) as Record<string, number> };
}

export function addResponse(edge: MeshEdge, code: string, flags: string, host: string, value: number) {
  const key = code || '-';
  let detail = edge.responses.get(key);
  if (!detail) {
    detail = emptyResponseDetail();
    edge.responses.set(key, detail);
  }
  if (flags) {
    add(detail.flags, flags, value);
  }
  if (host) {
    add(detail.hosts, host, value);
  }
}

function isGrpcError(code: string): boolean {
  return code.length === 3 ? code.startsWith('4') || code.startsWith('5') : code !== '0' && code !== '';
}

/**
 * Kiali's AddToMetadata: node in/out rates, edge rates by code class, responses by code, flags and host.
 * Written out property by property: rate objects have one fixed shape, and constant keys keep this
 * hot loop (once per series) fast.
 */
function addToRates(t: EdgeTraffic, source: MeshNode, dest: MeshNode, edge: MeshEdge) {
  const { value: v, code } = t;
  if (!(v > 0)) {
    return;
  }
  const s = source.rates as Record<NodeRateKey, number>;
  const d = dest.rates as Record<NodeRateKey, number>;
  const e = edge.rates as Record<EdgeRateKey, number>;
  switch (t.protocol) {
    case 'grpc':
      s.grpcOut += v;
      d.grpcIn += v;
      e.grpc += v;
      addResponse(edge, code, t.flags, t.host, v);
      if (code === '-') {
        d.grpcInNoResponse += v;
        e.grpcNoResponse += v;
      } else if (isGrpcError(code)) {
        d.grpcInErr += v;
        e.grpcErr += v;
      }
      break;
    case 'http':
      s.httpOut += v;
      d.httpIn += v;
      e.http += v;
      addResponse(edge, code, t.flags, t.host, v);
      if (code === '-') {
        d.httpInNoResponse += v;
        e.httpNoResponse += v;
      } else if (code[0] === '3') {
        d.httpIn3xx += v;
        e.http3xx += v;
      } else if (code[0] === '4') {
        d.httpIn4xx += v;
        e.http4xx += v;
      } else if (code[0] === '5') {
        d.httpIn5xx += v;
        e.http5xx += v;
      }
      break;
    case 'tcp':
      s.tcpOut += v;
      d.tcpIn += v;
      e.tcp += v;
      addResponse(edge, '-', t.flags, t.host, v);
      break;
  }
}

/** Adds an edge's traffic to its source's outbound rate (used when merging or reducing graphs). */
export function addOutgoing(source: MeshNode, edge: MeshEdge) {
  const r = edge.rates;
  if (r.grpc) {
    add<NodeRateKey>(source.rates, 'grpcOut', r.grpc);
  }
  if (r.http) {
    add<NodeRateKey>(source.rates, 'httpOut', r.http);
  }
  if (r.tcp) {
    add<NodeRateKey>(source.rates, 'tcpOut', r.tcp);
  }
}

export function addServiceName(node: MeshNode, cluster: string, namespace: string, name: string) {
  if (name === '' || name === 'unknown') {
    return;
  }
  if (!node.destServices.some((s) => s.cluster === cluster && s.namespace === namespace && s.name === name)) {
    node.destServices.push({ cluster, namespace, name });
  }
}
