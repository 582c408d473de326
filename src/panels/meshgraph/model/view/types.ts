import { type HealthStatus } from '../../../../shared/health';
import { type Badge } from './badges';
import { type MeshEdge, type MeshNode, type Protocol } from '../mesh/types';

/** Kiali's shapes: workload circle, app square, service triangle, service entry plate, aggregate hexagon. */
export type NodeShape = 'circle' | 'square' | 'triangle' | 'plate' | 'hexagon';

export type EdgeLabelMode = 'trafficRate' | 'trafficDistribution' | 'responseTime' | 'throughput';

/** What the renderer draws for a node: geometry-free, ready to lay out. */
export interface ViewNode {
  readonly id: string;
  readonly title: string;
  readonly subtitle: string;
  readonly shape: NodeShape;
  readonly health: HealthStatus;
  readonly reasons: readonly string[];
  readonly cluster: string;
  readonly namespace: string;
  /** Kiali flags shown as badges and used by find/hide. */
  readonly flags: ReadonlySet<'root' | 'outside' | 'inaccessible' | 'waypoint' | 'egress' | 'injected' | 'serviceEntry' | 'unknown' | 'idle'>;
  /** Kiali's badges drawn on the node (badges.ts); absent for node-graph frames and boxes. */
  readonly badges?: readonly Badge[];
  /** The mesh node behind it; undefined for plain node-graph frames and for collapsed boxes. */
  readonly mesh?: MeshNode;
  /** Nodes folded into this one when a namespace or an app is collapsed. */
  readonly collapsed?: { kind: 'namespace' | 'app'; members: number };
  /** For node-graph frames: mainstat / secondarystat text. */
  readonly stats?: readonly string[];
  /**
   * For node-graph frames that name it (`detail__kind`, `detail__namespace`, `detail__name`, as the app's
   * graph page writes them): the MeshLens service or workload page of the node.
   */
  readonly page?: NodePage;
}

export interface NodePage {
  readonly kind: 'service' | 'workload';
  readonly namespace: string;
  readonly name: string;
}

export interface ViewEdge {
  readonly id: string;
  readonly source: string;
  readonly target: string;
  readonly protocol: Protocol | 'other';
  readonly health: HealthStatus;
  readonly reasons: readonly string[];
  /** Requests (HTTP/gRPC) or bytes (TCP) per second. */
  readonly rate: number;
  readonly errorPct: number;
  readonly percentReq: number;
  readonly responseTime?: number;
  readonly throughput?: number;
  readonly mtlsPct?: number;
  readonly label: string;
  readonly mesh?: MeshEdge;
  /** Edges merged into this one by collapsing. */
  readonly merged?: number;
  /** Against the earlier window, when comparing: new, gone or changed, and why. */
  readonly change?: 'new' | 'gone' | 'changed';
  readonly changeReason?: string;
}

export interface ViewGraph {
  readonly nodes: readonly ViewNode[];
  readonly edges: readonly ViewEdge[];
  /** Namespaces or apps collapsed to keep under the node budget, with how many nodes each holds. */
  readonly collapsed: ReadonlyArray<{ id: string; namespace: string; cluster: string; members: number }>;
}
