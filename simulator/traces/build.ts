import { logNormal, sample } from '../model/distribution';
import { hashString, randomHex, type Random } from '../model/random';
import { podName } from '../model/labels';
import type { LiveEdge, Mesh } from '../engine/mesh';
import { NO_HEALTHY_UPSTREAM, outcomesOf, type Outcome } from '../engine/outcomes';
import type { Workload } from '../topology/types';

export type TagValue = string | number | boolean;

/** One Envoy span: the caller's proxy (client) or the callee's proxy (server). */
export interface SimSpan {
  traceId: string;
  spanId: string;
  parentSpanId?: string;
  /** Istio's tracing service name: canonical service + "." + namespace. */
  service: string;
  operation: string;
  kind: 'client' | 'server';
  startUs: number;
  durationUs: number;
  error: boolean;
  tags: Record<string, TagValue>;
}

/** A hop of the trace, so the caller can attach the trace id as an exemplar to the same series. */
export interface TracedHop {
  edge: LiveEdge;
  destination: number;
  outcome: Outcome;
  durationMs: number;
}

export interface BuiltTrace {
  traceId: string;
  spans: SimSpan[];
  hops: TracedHop[];
}

const MAX_DEPTH = 12;
const MAX_SPANS = 400;

/**
 * Follows one request from a root workload through the mesh, choosing versions by weight and
 * outcomes and latencies from the same edge settings the metrics use. Child calls run one after
 * another inside the server span; a server span lasts at least as long as its children.
 */
export function buildTrace(mesh: Mesh, root: number, startMs: number, random: Random): BuiltTrace {
  const trace: BuiltTrace = { traceId: randomHex(random, 32), spans: [], hops: [] };
  callsFrom(mesh, root, startMs * 1000, undefined, 0, trace, random);
  return trace;
}

/** Runs the calls a workload makes while handling one request; returns when the last one ends (µs). */
function callsFrom(
  mesh: Mesh,
  w: number,
  startUs: number,
  parent: string | undefined,
  depth: number,
  trace: BuiltTrace,
  random: Random
): number {
  let t = startUs;
  if (depth >= MAX_DEPTH) {
    return t;
  }
  for (const edge of mesh.edgesFrom[w]) {
    if (edge.protocol === 'tcp') {
      continue;
    }
    const calls = Math.floor(edge.ratio) + (random() < edge.ratio % 1 ? 1 : 0);
    for (let c = 0; c < calls && trace.spans.length < MAX_SPANS; c++) {
      t = call(mesh, edge, t + 200, parent, depth, trace, random);
    }
  }
  return t;
}

function call(
  mesh: Mesh,
  edge: LiveEdge,
  startUs: number,
  parent: string | undefined,
  depth: number,
  trace: BuiltTrace,
  random: Random
): number {
  const source = mesh.workloads[edge.fromIndex];
  const service = mesh.services[edge.toIndex];
  const live = service.liveBackends.filter((b) => b.weight > 0 && !mesh.stopped.has(b.workload));
  const destination = service.kind === 'mesh' ? pickWeighted(live, random) : -1;
  // No live endpoint: every call fails at the caller, as in the metrics.
  const outcome =
    service.kind === 'mesh' && destination < 0 ? NO_HEALTHY_UPSTREAM : pickOutcome(outcomesOf(edge), random);
  const dst = destination >= 0 && outcome.endpointPicked ? mesh.workloads[destination] : undefined;
  const reached = outcome.reached && dst !== undefined;
  const ownMs = sample(logNormal(edge.latency.p50Ms, edge.latency.p95Ms), random);
  const clientId = randomHex(random, 16);
  const serverId = randomHex(random, 16);
  let serverEndUs = startUs + 300 + ownMs * 1000;
  if (reached && dst.dataPlane === 'sidecar') {
    const childrenEnd = callsFrom(mesh, destination, startUs + 300, serverId, depth + 1, trace, random);
    serverEndUs = Math.max(serverEndUs, childrenEnd + 300);
  }
  const serverMs = (serverEndUs - startUs - 300) / 1000;
  trace.hops.push({ edge, destination: dst ? destination : -1, outcome, durationMs: serverMs });
  const host = `${service.host}:${service.port}`;
  const r = randomHex(random, 32);
  const requestId = `${r.slice(0, 8)}-${r.slice(8, 12)}-4${r.slice(13, 16)}-a${r.slice(17, 20)}-${r.slice(20)}`;
  const error =
    outcome.code === '0' || Number(outcome.code) >= 500 || (outcome.grpcStatus !== '' && outcome.grpcStatus !== '0');
  const common = (w: Workload | undefined): Record<string, TagValue> => ({
    component: 'proxy',
    'http.method': edge.protocol === 'grpc' ? 'POST' : 'GET',
    'http.url': `http://${host}/${edge.protocol === 'grpc' ? `${service.name}.v1.${capital(service.name)}/Get` : service.name}`,
    'http.protocol': edge.protocol === 'grpc' ? 'HTTP/2' : 'HTTP/1.1',
    'http.status_code': outcome.code,
    response_flags: outcome.flags,
    'guid:x-request-id': requestId,
    request_size: edge.requestBytes,
    response_size: reached ? edge.responseBytes : 0,
    user_agent: 'python-requests/2.31.0',
    downstream_cluster: '-',
    'istio.mesh_id': 'cluster.local',
    ...(w
      ? {
          'istio.canonical_service': w.app,
          'istio.canonical_revision': w.version,
          'istio.namespace': w.namespace,
          'istio.cluster_id': w.cluster,
          node_id: nodeId(w),
        }
      : {}),
    ...(edge.protocol === 'grpc' && outcome.grpcStatus !== '' ? { 'grpc.status_code': outcome.grpcStatus } : {}),
    ...(error ? { error: true } : {}),
  });
  const operation = `${host}/*`;
  const serverDurationUs = serverEndUs - (startUs + 300);
  if (source.dataPlane === 'sidecar') {
    trace.spans.push({
      traceId: trace.traceId,
      spanId: clientId,
      parentSpanId: parent,
      service: `${source.app}.${source.namespace}`,
      operation,
      kind: 'client',
      startUs,
      durationUs: Math.round(serverEndUs + 300 - startUs),
      error,
      tags: {
        ...common(source),
        'peer.address': ip(dst ? podName(dst) : service.host),
        upstream_cluster: `outbound|${service.port}||${service.host}`,
        'upstream_cluster.name': `outbound|${service.port}||${service.host}`,
      },
    });
  }
  if (reached && dst.dataPlane === 'sidecar' && service.kind === 'mesh') {
    trace.spans.push({
      traceId: trace.traceId,
      spanId: serverId,
      parentSpanId: source.dataPlane === 'sidecar' ? clientId : parent,
      service: `${dst.app}.${dst.namespace}`,
      operation,
      kind: 'server',
      startUs: startUs + 300,
      durationUs: Math.round(serverDurationUs),
      error,
      tags: {
        ...common(dst),
        'peer.address': ip(podName(source)),
        upstream_cluster: `inbound|${service.port}||`,
        'upstream_cluster.name': `inbound|${service.port}||`,
      },
    });
  }
  return serverEndUs + 300;
}

function pickWeighted(backends: ReadonlyArray<{ workload: number; weight: number }>, random: Random): number {
  const total = backends.reduce((s, b) => s + b.weight, 0);
  let r = random() * total;
  for (const b of backends) {
    r -= b.weight;
    if (r < 0) {
      return b.workload;
    }
  }
  return backends.length > 0 ? backends[backends.length - 1].workload : -1;
}

function pickOutcome(outcomes: Outcome[], random: Random): Outcome {
  let r = random();
  for (const o of outcomes) {
    r -= o.share;
    if (r < 0) {
      return o;
    }
  }
  return outcomes[outcomes.length - 1];
}

/** Envoy's node id: <type>~<pod ip>~<pod>.<namespace>~<namespace>.svc.cluster.local. */
function nodeId(w: Workload): string {
  const pod = podName(w);
  const type = /gateway/.test(w.name) ? 'router' : 'sidecar';
  return `${type}~${ip(pod, false)}~${pod}.${w.namespace}~${w.namespace}.svc.cluster.local`;
}

/** A stable pod IP for a name, with a port unless asked not to. */
function ip(name: string, withPort = true): string {
  const h = hashString(name);
  const address = `10.${(h >>> 16) & 0xff}.${(h >>> 8) & 0xff}.${(h & 0xfe) + 1}`;
  return withPort ? `${address}:${h % 2 ? 9080 : 46588}` : address;
}

function capital(s: string): string {
  return s.charAt(0).toUpperCase() + s.slice(1);
}
