/**
 * The simulator's mesh model. Topologies (built-in or from a file) resolve to this shape;
 * the traffic engine and the metric/trace emitters only read it.
 */
export type Protocol = 'http' | 'grpc' | 'tcp';

/** sidecar: Envoy per pod; ambient: ztunnel (+ optional waypoint); none: outside the mesh (no proxy, no reports). */
export type DataPlane = 'sidecar' | 'ambient' | 'none';

export type ServiceKind = 'mesh' | 'passthrough' | 'blackhole' | 'external';

export interface Workload {
  name: string;
  namespace: string;
  cluster: string;
  /** Canonical service (`app` label) and revision (`version` label). */
  app: string;
  version: string;
  serviceAccount: string;
  dataPlane: DataPlane;
  /** Requests per second this workload originates by itself (traffic roots: clients, the `unknown` source). */
  rps?: number;
}

export interface ServiceBackend {
  /** Workload key: cluster/namespace/name. */
  workload: string;
  weight: number;
}

export interface Service {
  name: string;
  namespace: string;
  /** FQDN used as destination_service: name.namespace.svc.cluster.local, or the ServiceEntry host. */
  host: string;
  port: number;
  kind: ServiceKind;
  backends: ServiceBackend[];
  /** Workload key of the waypoint serving this (ambient) service, if any. */
  waypoint?: string;
}

export interface NoResponse {
  /** Envoy response flag: UF, UH, NR, URX, ... */
  flag: string;
  /** Share of calls that end without a response (response_code="0"). */
  rate: number;
}

export interface Edge {
  /** Workload key of the caller. */
  from: string;
  /** Service key: namespace/name (or cluster-agnostic host for externals). */
  to: string;
  protocol: Protocol;
  /** Calls per request received by `from` (or per originated request for roots). */
  ratio: number;
  /** mTLS between the proxies (false: plaintext, connection_security_policy="none"). */
  mtls: boolean;
  errorRate: number;
  errorCode: string;
  /** gRPC only: share of calls answered with a non-OK grpc-status (HTTP 200). */
  grpcErrorRate: number;
  grpcErrorStatus: string;
  noResponse: NoResponse[];
  latency: { p50Ms: number; p95Ms: number };
  requestBytes: number;
  responseBytes: number;
}

export interface Topology {
  name: string;
  workloads: Workload[];
  services: Service[];
  edges: Edge[];
  /** Share of root requests traced (Istio default 1 %, like meshConfig traceSampling). */
  traceSampling: number;
}

export const DEFAULT_CLUSTER = 'Kubernetes';

export function workloadKey(w: Pick<Workload, 'cluster' | 'namespace' | 'name'>): string {
  return `${w.cluster}/${w.namespace}/${w.name}`;
}

export function serviceKey(s: Pick<Service, 'namespace' | 'name'>): string {
  return `${s.namespace}/${s.name}`;
}

/** Edge defaults, so topology definitions only state what differs. */
export function edge(from: string, to: string, overrides: Partial<Edge> = {}): Edge {
  return {
    from,
    to,
    protocol: 'http',
    ratio: 1,
    mtls: true,
    errorRate: 0,
    errorCode: '503',
    grpcErrorRate: 0,
    grpcErrorStatus: '14',
    noResponse: [],
    latency: { p50Ms: 8, p95Ms: 30 },
    requestBytes: 600,
    responseBytes: 2500,
    ...overrides,
  };
}

export function hostOf(name: string, namespace: string): string {
  return `${name}.${namespace}.svc.cluster.local`;
}
