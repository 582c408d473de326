export type LayoutAlgorithm = 'layered' | 'force' | 'grid';

/** A graph reduced to what layout needs: indices, not objects, so it crosses to a worker cheaply. */
export interface LayoutInput {
  readonly nodeCount: number;
  /** Source and target index pairs. */
  readonly edges: Int32Array;
  /** Group (namespace) index per node: keeps a namespace together inside a layer. */
  readonly groups: Int32Array;
  /** Previous positions (x, y pairs), NaN where a node is new: keeps the picture stable across refreshes. */
  readonly seed?: Float64Array;
  /** 1 where the position is pinned by the user and must not move. */
  readonly pinned?: Uint8Array;
}

export interface LayoutResult {
  /** x, y pairs, node centres. */
  readonly positions: Float64Array;
  readonly width: number;
  readonly height: number;
}

export const LAYER_GAP = 240;
export const ROW_GAP = 80;

/** Bounding box of x, y pairs; all zeros when there are none. */
export function bounds(positions: Float64Array): { minX: number; minY: number; maxX: number; maxY: number } {
  let minX = Infinity;
  let minY = Infinity;
  let maxX = -Infinity;
  let maxY = -Infinity;
  for (let i = 0; i < positions.length; i += 2) {
    minX = Math.min(minX, positions[i]);
    maxX = Math.max(maxX, positions[i]);
    minY = Math.min(minY, positions[i + 1]);
    maxY = Math.max(maxY, positions[i + 1]);
  }
  if (minX === Infinity) {
    return { minX: 0, minY: 0, maxX: 0, maxY: 0 };
  }
  return { minX, minY, maxX, maxY };
}

/** Keeps seeded and pinned positions; computed ones fill the rest. */
export function applySeed(computed: Float64Array, input: LayoutInput): Float64Array {
  const { seed } = input;
  if (!seed) {
    return computed;
  }
  const out = computed.slice();
  for (let i = 0; i < input.nodeCount; i++) {
    if (!Number.isNaN(seed[2 * i])) {
      out[2 * i] = seed[2 * i];
      out[2 * i + 1] = seed[2 * i + 1];
    }
  }
  return out;
}

export function withSize(positions: Float64Array): LayoutResult {
  const b = bounds(positions);
  return { positions, width: b.maxX - b.minX, height: b.maxY - b.minY };
}
