import { type HealthStatus } from '../../../../shared/health';
import { type NodeShape, type ViewGraph } from '../../model/view/types';

export const HEALTH_KEYS: readonly HealthStatus[] = ['healthy', 'degraded', 'failure', 'idle'];
export const SHAPES: readonly NodeShape[] = ['circle', 'square', 'triangle', 'plate', 'hexagon'];
/** Edge colour classes: the four health states, then TCP. */
export const TCP_KEY = 4;

/** Per-graph arrays the draw loop walks, so a frame does no lookups or allocations per element. */
export interface PreparedScene {
  nodeCount: number;
  nodeHealth: Uint8Array;
  nodeShape: Uint8Array;
  edgeSrc: Int32Array;
  edgeDst: Int32Array;
  edgeColor: Uint8Array;
  edgeMtls: Uint8Array;
  edgeSpeed: Float32Array;
  /** Namespace index per node, and names, for namespace boxes. */
  nodeGroup: Int32Array;
  groups: string[];
}

export function prepareScene(graph: ViewGraph, index: ReadonlyMap<string, number>): PreparedScene {
  const n = graph.nodes.length;
  const nodeHealth = new Uint8Array(n);
  const nodeShape = new Uint8Array(n);
  const nodeGroup = new Int32Array(n);
  const groupIndex = new Map<string, number>();
  graph.nodes.forEach((node) => {
    const i = index.get(node.id);
    if (i === undefined) {
      return;
    }
    nodeHealth[i] = HEALTH_KEYS.indexOf(node.health);
    nodeShape[i] = SHAPES.indexOf(node.shape);
    const key = node.collapsed ? '' : `${node.cluster}/${node.namespace}`;
    if (!groupIndex.has(key)) {
      groupIndex.set(key, groupIndex.size);
    }
    nodeGroup[i] = groupIndex.get(key)!;
  });
  const m = graph.edges.length;
  const edgeSrc = new Int32Array(m);
  const edgeDst = new Int32Array(m);
  const edgeColor = new Uint8Array(m);
  const edgeMtls = new Uint8Array(m);
  const edgeSpeed = new Float32Array(m);
  graph.edges.forEach((e, j) => {
    edgeSrc[j] = index.get(e.source) ?? -1;
    edgeDst[j] = index.get(e.target) ?? -1;
    edgeColor[j] = e.protocol === 'tcp' && e.rate > 0 ? TCP_KEY : HEALTH_KEYS.indexOf(e.health);
    edgeMtls[j] = (e.mtlsPct ?? 0) > 0 ? 1 : 0;
    edgeSpeed[j] = e.rate > 0 ? 0.15 + Math.min(1, Math.log10(1 + e.rate) / 3) : 0;
  });
  return {
    nodeCount: n,
    nodeHealth,
    nodeShape,
    edgeSrc,
    edgeDst,
    edgeColor,
    edgeMtls,
    edgeSpeed,
    nodeGroup,
    groups: [...groupIndex.keys()],
  };
}
