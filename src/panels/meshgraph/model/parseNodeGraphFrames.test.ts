import { FieldType, createDataFrame } from '@grafana/data';
import { layeredLayout } from './layeredLayout';
import { parseNodeGraphFrames } from './parseNodeGraphFrames';

const nodes = createDataFrame({
  name: 'nodes',
  fields: [
    { name: 'id', type: FieldType.string, values: ['gw', 'productpage', 'reviews', 'gw'] },
    { name: 'title', type: FieldType.string, values: ['istio-ingressgateway', 'productpage', 'reviews', 'dup'] },
    { name: 'mainstat', type: FieldType.number, values: [10, 9, 8, 0], config: { unit: 'rps' } },
  ],
});
const edges = createDataFrame({
  name: 'edges',
  fields: [
    { name: 'id', type: FieldType.string, values: ['e1', 'e2', 'e3'] },
    { name: 'source', type: FieldType.string, values: ['gw', 'productpage', 'productpage'] },
    { name: 'target', type: FieldType.string, values: ['productpage', 'reviews', 'nowhere'] },
  ],
});

describe('parseNodeGraphFrames', () => {
  it('reads nodes and edges and counts what it drops', () => {
    const result = parseNodeGraphFrames([nodes, edges]);
    if (!result.ok) {
      throw new Error(result.error);
    }
    expect(result.graph.nodes.map((n) => n.id)).toEqual(['gw', 'productpage', 'reviews']);
    expect(result.graph.nodes[0].mainStat).toBe('10 rps');
    expect(result.graph.edges.map((e) => e.id)).toEqual(['e1', 'e2']);
    expect(result.graph.danglingEdges).toBe(1);
    expect(result.graph.droppedNodes).toBe(1);
  });

  it('derives nodes from an edges-only frame', () => {
    const result = parseNodeGraphFrames([edges]);
    expect(result.ok && result.graph.nodes.map((n) => n.id)).toEqual(['gw', 'productpage', 'reviews', 'nowhere']);
  });

  it('rejects frames that are not node-graph frames with a precise message', () => {
    const frame = createDataFrame({ fields: [{ name: 'Value', type: FieldType.number, values: [1] }] });
    expect(parseNodeGraphFrames([frame])).toEqual({ ok: false, error: expect.stringContaining('needs an id field') });
  });

  it('lays callers left of callees, even with a cycle', () => {
    const result = parseNodeGraphFrames([nodes, edges]);
    if (!result.ok) {
      throw new Error(result.error);
    }
    const layout = layeredLayout({ ...result.graph, edges: [...result.graph.edges, { id: 'back', source: 'reviews', target: 'gw', mainStat: '' }] });
    const x = Object.fromEntries(layout.nodes.map((n) => [n.id, n.x]));
    expect(x.gw).toBeLessThan(x.productpage);
    expect(x.productpage).toBeLessThan(x.reviews);
  });
});
