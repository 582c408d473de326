export interface GraphNode {
  readonly id: string;
  readonly title: string;
  readonly subtitle: string;
  readonly mainStat: string;
  readonly secondaryStat: string;
}

export interface GraphEdge {
  readonly id: string;
  readonly source: string;
  readonly target: string;
  readonly mainStat: string;
}

export interface MeshGraph {
  readonly nodes: readonly GraphNode[];
  readonly edges: readonly GraphEdge[];
  /** Edges whose source or target is not a node; dropped and counted. */
  readonly danglingEdges: number;
  /** Node rows without an id, or repeating one; dropped and counted. */
  readonly droppedNodes: number;
}

export type MeshGraphParseResult = { ok: true; graph: MeshGraph } | { ok: false; error: string };

export interface PositionedNode extends GraphNode {
  readonly x: number;
  readonly y: number;
}

export interface GraphLayout {
  readonly nodes: readonly PositionedNode[];
  readonly width: number;
  readonly height: number;
}
