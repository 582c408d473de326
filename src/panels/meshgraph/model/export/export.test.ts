import { bookinfoModel } from '../__fixtures__/kialiSamples';
import { layoutInput, runLayout } from '../layout/runLayout';
import { defaultHealthThresholds } from '../../../../shared/health';
import { parseNodeGraphFrames } from '../parseNodeGraphFrames';
import { viewFromMesh } from '../view/fromMesh';
import { toNodeGraphFrames } from './toNodeGraphFrames';
import { toSvg } from './toSvg';

const graph = viewFromMesh(bookinfoModel(), defaultHealthThresholds, ['trafficRate']);

describe('exports', () => {
  it('round-trips through node-graph frames with every node and edge', () => {
    const parsed = parseNodeGraphFrames(toNodeGraphFrames(graph));
    if (!parsed.ok) {
      throw new Error(parsed.error);
    }
    expect(parsed.value.graph.nodes.map((n) => n.id)).toEqual(graph.nodes.map((n) => n.id));
    expect(parsed.value.graph.edges.map((e) => `${e.source}>${e.target}`)).toEqual(graph.edges.map((e) => `${e.source}>${e.target}`));
    expect(parsed.value.danglingEdges + parsed.value.droppedNodes).toBe(0);
  });

  it('writes an SVG with one shape per node and escaped labels', () => {
    const hostile = { ...graph, nodes: graph.nodes.map((n, i) => (i === 0 ? { ...n, title: '<script>x</script>' } : n)) };
    const layout = runLayout('layered', layoutInput(hostile.nodes, hostile.edges, new Map()));
    const index = new Map(hostile.nodes.map((n, i) => [n.id, i]));
    const svg = toSvg(hostile, layout.positions, index, { healthy: 'g', degraded: 'o', failure: 'r', idle: 'i', tcp: 'b', fill: 'f', text: 't' });
    expect(svg).not.toContain('<script>');
    expect(svg).toContain('&lt;script&gt;x&lt;/script&gt;');
    expect((svg.match(/<text /g) ?? []).length).toBe(graph.nodes.length);
    expect((svg.match(/<line /g) ?? []).length).toBe(graph.edges.length);
  });
});
