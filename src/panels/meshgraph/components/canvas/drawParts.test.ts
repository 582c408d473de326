import { type ViewGraph, type ViewNode } from '../../model/view/types';
import { drawScreenTitles } from './drawParts';
import { type Palette } from './palette';
import { prepareScene } from './prepareScene';
import { type SceneState } from './scene';

const node = (id: string): ViewNode => ({ id, title: id, subtitle: '', shape: 'circle', health: 'healthy', reasons: [], cluster: 'c', namespace: 'ns', flags: new Set() });

/** A 2D context that records its text and measures each character as 0.6 of the font size (monospace-like). */
function recordingContext() {
  const drawn: Array<{ text: string; x: number }> = [];
  const ctx = {
    font: '',
    textAlign: '',
    textBaseline: '',
    fillStyle: '',
    measureText(text: string) {
      return { width: [...text].length * 0.6 * parseFloat(this.font) };
    },
    fillText(text: string, x: number) {
      drawn.push({ text, x });
    },
  };
  return { ctx: ctx as unknown as CanvasRenderingContext2D, drawn };
}

describe('drawScreenTitles', () => {
  // The Graph page's istio-system box at a fitted zoom: three gateways 240 world units apart on one row, and one
  // workload alone on the next row.
  const graph: ViewGraph = {
    nodes: [node('istio-ingressgateway latest'), node('istio-egressgateway'), node('istio-egressgateway latest'), node('productpage-v1')],
    edges: [],
    collapsed: [],
  };
  const index = new Map(graph.nodes.map((n, i) => [n.id, i]));
  const xy = new Float64Array([0, 0, 240, 0, 480, 0, 0, 80]);
  const scene: SceneState = { graph, prepared: prepareScene(graph, index), xy, matches: new Set(), showMtls: false, namespaceBoxes: false };

  it('shortens in the middle the titles that would run into their neighbour, and counts them', () => {
    const { ctx, drawn } = recordingContext();
    // k = 0.4: 10 px titles are 25 world units high, 15 per character; 240 apart leaves 240 - 20 = 220, 14 characters.
    const shortened = drawScreenTitles(ctx, scene, [0, 1, 2, 3], {} as Palette, 0.4);
    expect(drawn.map((d) => d.text)).toEqual(['istio-in…atest', 'istio-eg…teway', 'istio-eg…atest', 'productpage-v1']);
    expect(shortened).toBe(3);
    // No title is wider than the room to its neighbour.
    for (const d of drawn.slice(0, 3)) {
      expect([...d.text].length * 15).toBeLessThanOrEqual(220);
    }
  });

  it('draws every title whole when zoomed in enough, or when the neighbours are out of view', () => {
    const { ctx, drawn } = recordingContext();
    expect(drawScreenTitles(ctx, scene, [0, 2, 3], {} as Palette, 1)).toBe(0);
    expect(drawn.map((d) => d.text)).toEqual(['istio-ingressgateway latest', 'istio-egressgateway latest', 'productpage-v1']);
  });
});
