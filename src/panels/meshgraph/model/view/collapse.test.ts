import fc from 'fast-check';
import { collapseToBudget, namespaceBoxId } from './collapse';
import { type ViewEdge, type ViewGraph, type ViewNode } from './types';

const node = (id: string, namespace: string): ViewNode => ({
  id,
  title: id,
  subtitle: namespace,
  shape: 'circle',
  health: 'healthy',
  reasons: [],
  cluster: 'c',
  namespace,
  flags: new Set(),
});
const edge = (source: string, target: string): ViewEdge => ({
  id: `${source}>${target}`,
  source,
  target,
  protocol: 'http',
  health: 'healthy',
  reasons: [],
  rate: 1,
  errorPct: 0,
  percentReq: 0,
  label: '',
});

describe('collapseToBudget', () => {
  const g: ViewGraph = {
    nodes: [node('a1', 'a'), node('a2', 'a'), node('a3', 'a'), node('b1', 'b'), node('b2', 'b'), node('u', 'unknown')],
    edges: [edge('a1', 'a2'), edge('a2', 'b1'), edge('a3', 'b1'), edge('u', 'a1'), edge('b1', 'b2')],
    collapsed: [],
  };

  it('leaves a graph under budget alone', () => {
    expect(collapseToBudget(g, 6, new Set()).nodes).toHaveLength(6);
  });

  it('folds the largest namespace first and merges its edges, counting internal ones', () => {
    const r = collapseToBudget(g, 4, new Set());
    expect(r.collapsed).toEqual([{ id: namespaceBoxId('c', 'a'), namespace: 'a', cluster: 'c', members: 3 }]);
    expect(r.nodes.map((n) => n.id).sort()).toEqual(['b1', 'b2', 'ns:c/a', 'u']);
    const merged = r.edges.find((e) => e.source === 'ns:c/a' && e.target === 'b1');
    expect(merged).toMatchObject({ rate: 2, merged: 2 });
    expect(r.internalEdges).toBe(1);
  });

  it('keeps expanded namespaces open', () => {
    const r = collapseToBudget(g, 4, new Set([namespaceBoxId('c', 'a')]));
    expect(r.collapsed.map((c) => c.namespace)).toEqual(['b']);
  });

  it('conserves node and edge counts (property)', () => {
    fc.assert(
      fc.property(
        fc.array(fc.tuple(fc.integer({ min: 0, max: 40 }), fc.integer({ min: 0, max: 40 })), { maxLength: 120 }),
        fc.integer({ min: 1, max: 40 }),
        (pairs, budget) => {
          const nodes = Array.from({ length: 41 }, (_, i) => node(`n${i}`, `ns${i % 5}`));
          const edges = pairs.map(([s, t], i) => ({ ...edge(`n${s}`, `n${t}`), id: `e${i}` }));
          const r = collapseToBudget({ nodes, edges, collapsed: [] }, budget, new Set());
          const members = r.collapsed.reduce((sum, c) => sum + c.members, 0);
          expect(r.nodes.length - r.collapsed.length + members).toBe(nodes.length);
          const carried = r.edges.reduce((sum, e) => sum + (e.merged ?? 1), 0);
          expect(carried + r.internalEdges).toBe(edges.length);
        }
      )
    );
  });
});

describe('collapseToBudget by app', () => {
  it('folds the versions of an app into one box named after the app', async () => {
    const { bookinfoModel } = await import('../__fixtures__/kialiSamples');
    const { viewFromMesh } = await import('./fromMesh');
    const { defaultHealthThresholds } = await import('../../../../shared/health');
    const g = viewFromMesh(bookinfoModel(), defaultHealthThresholds, []);
    const r = collapseToBudget(g, 11, new Set(), 'app');
    expect(r.collapsed.map((c) => `${c.id}:${c.members}`)).toEqual(['app:east/bookinfo/reviews:3']);
    expect(r.nodes.find((n) => n.id === 'app:east/bookinfo/reviews')).toMatchObject({ title: 'reviews', subtitle: 'bookinfo', collapsed: { kind: 'app', members: 3 } });
  });
});
