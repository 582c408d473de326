import { syntheticMesh } from '../__fixtures__/syntheticMesh';
import { buildMeshGraph } from '../mesh/buildMeshGraph';
import { layoutInput, runLayout } from './runLayout';
import { type LayoutAlgorithm } from './types';

const model = buildMeshGraph(syntheticMesh(300), {
  graphType: 'workload',
  injectServiceNodes: false,
  httpRequests: true,
  grpcRequests: true,
  namespaces: [],
  boxBy: { namespace: false, cluster: false },
});

describe('layouts', () => {
  it.each(['layered', 'force', 'grid'] as LayoutAlgorithm[])('%s places every node at a distinct finite position', (algorithm) => {
    const { positions } = runLayout(algorithm, layoutInput(model.nodes, model.edges, new Map()));
    const seen = new Set<string>();
    for (let i = 0; i < model.nodes.length; i++) {
      const x = positions[2 * i];
      const y = positions[2 * i + 1];
      expect(Number.isFinite(x) && Number.isFinite(y)).toBe(true);
      seen.add(`${Math.round(x)},${Math.round(y)}`);
    }
    expect(seen.size).toBe(model.nodes.length);
  });

  it('layered puts callers left of their callees inside a namespace', () => {
    const { positions } = runLayout('layered', layoutInput(model.nodes, model.edges, new Map()));
    const index = new Map(model.nodes.map((n, i) => [n.id, i]));
    const inside = model.edges.filter((e) => {
      const s = model.nodes[index.get(e.source)!];
      const t = model.nodes[index.get(e.target)!];
      return s.namespace === t.namespace && s.id !== t.id;
    });
    const forward = inside.filter((e) => positions[2 * index.get(e.source)!] < positions[2 * index.get(e.target)!]);
    expect(forward.length / inside.length).toBeGreaterThan(0.9);
  });

  it('keeps previous and pinned positions (stable across refreshes)', () => {
    const seed = new Map([[model.nodes[5].id, { x: -1234, y: 987 }]]);
    for (const algorithm of ['layered', 'force', 'grid'] as LayoutAlgorithm[]) {
      const { positions } = runLayout(algorithm, layoutInput(model.nodes, model.edges, seed));
      expect([positions[10], positions[11]]).toEqual([-1234, 987]);
    }
  });

  it('namespace blocks do not overlap', () => {
    const { positions } = runLayout('layered', layoutInput(model.nodes, model.edges, new Map()));
    const boxes = new Map<string, [number, number, number, number]>();
    model.nodes.forEach((n, i) => {
      const b = boxes.get(n.namespace) ?? [Infinity, Infinity, -Infinity, -Infinity];
      boxes.set(n.namespace, [Math.min(b[0], positions[2 * i]), Math.min(b[1], positions[2 * i + 1]), Math.max(b[2], positions[2 * i]), Math.max(b[3], positions[2 * i + 1])]);
    });
    const list = [...boxes.values()];
    for (let a = 0; a < list.length; a++) {
      for (let b = a + 1; b < list.length; b++) {
        const [p, q] = [list[a], list[b]];
        const overlap = p[0] <= q[2] && q[0] <= p[2] && p[1] <= q[3] && q[1] <= p[3];
        expect(overlap).toBe(false);
      }
    }
  });
});
