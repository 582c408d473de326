import { FieldType, createDataFrame } from '@grafana/data';
import { parseNodeGraphFrames } from './parseNodeGraphFrames';

const nodes = createDataFrame({
  name: 'nodes',
  fields: [
    { name: 'id', type: FieldType.string, values: ['gw', 'productpage', 'reviews', 'gw'] },
    { name: 'title', type: FieldType.string, values: ['istio-ingressgateway', 'productpage', 'reviews', 'dup'] },
    { name: 'mainstat', type: FieldType.number, values: [10, 9, 8, 0], config: { unit: 'rps' } },
    { name: 'arc__failed', type: FieldType.number, values: [0, 0.2, 0, 0] },
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
  it('reads nodes and edges, health from arc__failed, and counts what it drops', () => {
    const result = parseNodeGraphFrames([nodes, edges]);
    if (!result.ok) {
      throw new Error(result.error);
    }
    const { graph, danglingEdges, droppedNodes } = result.value;
    expect(graph.nodes.map((n) => n.id)).toEqual(['gw', 'productpage', 'reviews']);
    expect(graph.nodes[0].stats).toEqual(['10 rps']);
    expect(graph.nodes[1].health).toBe('failure');
    expect(graph.edges.map((e) => e.id)).toEqual(['e1', 'e2']);
    expect(danglingEdges).toBe(1);
    expect(droppedNodes).toBe(1);
  });

  it('reads a node’s service or workload page from detail__kind, detail__namespace and detail__name', () => {
    const withPages = createDataFrame({
      name: 'nodes',
      fields: [
        { name: 'id', type: FieldType.string, values: ['a', 'b', 'c', 'd'] },
        { name: 'detail__kind', type: FieldType.string, values: ['service', 'workload', 'pod', 'service'] },
        { name: 'detail__namespace', type: FieldType.string, values: ['bookinfo', 'bookinfo', 'bookinfo', ''] },
        { name: 'detail__name', type: FieldType.string, values: ['reviews', 'reviews-v2', 'x', 'y'] },
      ],
    });
    const result = parseNodeGraphFrames([withPages]);
    if (!result.ok) {
      throw new Error(result.error);
    }
    expect(result.value.graph.nodes.map((n) => n.page)).toEqual([
      { kind: 'service', namespace: 'bookinfo', name: 'reviews' },
      { kind: 'workload', namespace: 'bookinfo', name: 'reviews-v2' },
      // Unknown kinds and rows without a namespace name no page.
      undefined,
      undefined,
    ]);
  });

  it('derives nodes from an edges-only frame', () => {
    const result = parseNodeGraphFrames([edges]);
    expect(result.ok && result.value.graph.nodes.map((n) => n.id)).toEqual(['gw', 'productpage', 'reviews', 'nowhere']);
  });

  it('rejects frames that are not node-graph frames with a precise message', () => {
    const frame = createDataFrame({ fields: [{ name: 'Value', type: FieldType.number, values: [1] }] });
    expect(parseNodeGraphFrames([frame])).toEqual({ ok: false, error: expect.stringContaining('needs an id field') });
  });
});
