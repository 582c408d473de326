import { type DataFrame } from '@grafana/data';

export interface HiddenIdle {
  edges: number;
  nodes: number;
}

const count = (v: unknown) => (typeof v === 'number' && Number.isFinite(v) && v > 0 ? Math.floor(v) : 0);

/** The idle edges and nodes the display choices left out, as toMeshFrames records them in the nodes frame's meta. Pure. */
export function hiddenIdleOf(frames: readonly DataFrame[]): HiddenIdle {
  const nodes = frames.find((f) => f.name === 'nodes');
  const hidden = (nodes?.meta?.custom as { hiddenIdle?: Partial<HiddenIdle> } | undefined)?.hiddenIdle;
  return { edges: count(hidden?.edges), nodes: count(hidden?.nodes) };
}
