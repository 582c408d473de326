/** The mesh graph model: Kiali's traffic map (graph/types.go, graph/protocol.go) with numeric rates. */

export type GraphType = 'app' | 'versionedApp' | 'workload' | 'service';
export type NodeType = 'app' | 'workload' | 'service' | 'unknown';
export type Protocol = 'http' | 'grpc' | 'tcp';
export type BoxKind = 'app' | 'namespace' | 'cluster';

export const UNKNOWN = 'unknown';
export const PASSTHROUGH_CLUSTER = 'PassthroughCluster';
export const BLACKHOLE_CLUSTER = 'BlackHoleCluster';

/** Which Istio metric a sample came from; the edge de-duplication key includes it. */
export type TrafficMetric =
  | 'istio_requests_total'
  | 'istio_request_messages_total'
  | 'istio_response_messages_total'
  | 'istio_tcp_sent_bytes_total'
  | 'istio_tcp_received_bytes_total';

export interface Sample {
  readonly metric: TrafficMetric;
  readonly labels: Readonly<Record<string, string>>;
  readonly value: number;
}

export interface ServiceName {
  readonly cluster: string;
  readonly namespace: string;
  readonly name: string;
}

/** Node rates, keyed as Kiali keys them (httpIn, httpIn5xx, grpcOut, tcpIn, …). */
export type NodeRateKey =
  | 'httpIn'
  | 'httpInNoResponse'
  | 'httpIn3xx'
  | 'httpIn4xx'
  | 'httpIn5xx'
  | 'httpOut'
  | 'grpcIn'
  | 'grpcInNoResponse'
  | 'grpcInErr'
  | 'grpcOut'
  | 'tcpIn'
  | 'tcpOut';

/** Edge rates (http, http5xx, grpcErr, tcp, …). */
export type EdgeRateKey = 'http' | 'httpNoResponse' | 'http3xx' | 'http4xx' | 'http5xx' | 'grpc' | 'grpcNoResponse' | 'grpcErr' | 'tcp';

/** Per response code: traffic by Envoy response flags and by destination host. */
export interface ResponseDetail {
  flags: Record<string, number>;
  hosts: Record<string, number>;
}

/** All rate keys at zero: one object shape for every node, which keeps large graphs fast to build. */
export const emptyNodeRates = (): Record<NodeRateKey, number> => ({
  httpIn: 0,
  httpInNoResponse: 0,
  httpIn3xx: 0,
  httpIn4xx: 0,
  httpIn5xx: 0,
  httpOut: 0,
  grpcIn: 0,
  grpcInNoResponse: 0,
  grpcInErr: 0,
  grpcOut: 0,
  tcpIn: 0,
  tcpOut: 0,
});

export const emptyEdgeRates = (): Record<EdgeRateKey, number> => ({
  http: 0,
  httpNoResponse: 0,
  http3xx: 0,
  http4xx: 0,
  http5xx: 0,
  grpc: 0,
  grpcNoResponse: 0,
  grpcErr: 0,
  tcp: 0,
});

export interface MeshNode {
  /** Kiali's readable node id (`wl_<cluster>_<ns>_<workload>`, `svc_…`, `vapp_…`); Kiali's JSON uses its SHA-256. */
  readonly id: string;
  readonly nodeType: NodeType;
  readonly cluster: string;
  readonly namespace: string;
  readonly workload: string;
  readonly app: string;
  readonly version: string;
  readonly service: string;
  destServices: ServiceName[];
  rates: Partial<Record<NodeRateKey, number>>;
  isEgressCluster?: boolean;
  isInjected?: boolean;
  isWaypoint?: boolean;
  isRoot?: boolean;
  isOutside?: boolean;
  isInaccessible?: boolean;
  isIdle?: boolean;
  /** Matched a ServiceEntry host (from the panel's service-entry option). */
  isServiceEntry?: { hosts: string[]; location: 'MESH_EXTERNAL' | 'MESH_INTERNAL' };
}

export interface WaypointEdgeInfo {
  direction: 'to' | 'from';
  fromEdge?: MeshEdge;
}

export interface MeshEdge {
  readonly id: string;
  readonly source: string;
  readonly target: string;
  readonly protocol: Protocol;
  rates: Partial<Record<EdgeRateKey, number>>;
  /** By response code. A Map, not a record: codes like "503" are array indexes, and an object keyed by them
   * allocates a holey backing store of that length for every edge (megabytes of garbage at 10k edges). */
  responses: Map<string, ResponseDetail>;
  waypoint?: WaypointEdgeInfo;
  /** % of traffic with connection_security_policy="mutual_tls" (security enrichment). */
  isMTLS?: number;
  /** Milliseconds (response-time enrichment, for the quantile chosen in the preset). */
  responseTime?: number;
  /** Bytes per second (throughput enrichment). */
  throughput?: number;
  sourcePrincipal?: string;
  destPrincipal?: string;
}

export interface MeshBox {
  readonly id: string;
  readonly kind: BoxKind;
  readonly cluster: string;
  readonly namespace: string;
  readonly app: string;
  /** Node or box ids directly inside this box. */
  readonly children: string[];
  parent?: string;
}

/** Series the transform could not use, by reason; the panel shows these counts. */
export interface DropCounts {
  missingLabels: number;
  badValue: number;
  badSourceTelemetry: number;
  badDestTelemetry: number;
  unidentifiable: number;
  duplicate: number;
  unknownFrames: number;
}

export const emptyDropCounts = (): DropCounts => ({
  missingLabels: 0,
  badValue: 0,
  badSourceTelemetry: 0,
  badDestTelemetry: 0,
  unidentifiable: 0,
  duplicate: 0,
  unknownFrames: 0,
});

export interface MeshGraphModel {
  readonly graphType: GraphType;
  readonly nodes: MeshNode[];
  readonly edges: MeshEdge[];
  readonly boxes: MeshBox[];
  /** node id → innermost box id */
  readonly parents: Record<string, string>;
  readonly dropped: DropCounts;
  readonly samples: number;
  /** Nodes added for deployments without traffic (idle nodes option). */
  readonly idleNodes?: number;
}
