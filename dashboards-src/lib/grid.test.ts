/** @jest-environment node */
import { PanelBuilder as TextPanelBuilder } from '@grafana/grafana-foundation-sdk/text';
import { evenWidths, layout } from './grid';

const panel = (title: string) => new TextPanelBuilder().title(title);

describe('grid', () => {
  it('splits 24 columns evenly, the last panel taking the remainder', () => {
    expect(evenWidths(1)).toEqual([24]);
    expect(evenWidths(5)).toEqual([4, 4, 4, 4, 8]);
    expect(() => evenWidths(0)).toThrow('cannot split 24 columns over 0 panels');
  });

  it('places rows and panels top to bottom with stable ids, wrapping panels that do not fit', () => {
    const out = layout([
      { row: 'A', height: 5, panels: [panel('a1'), panel('a2')] },
      { height: 8, widths: [12, 12, 8], panels: [panel('b1'), panel('b2'), panel('b3')] },
    ]);
    expect(out.map((p) => [p.id, p.type, p.gridPos])).toEqual([
      [1, 'row', { x: 0, y: 0, w: 24, h: 1 }],
      [2, 'text', { x: 0, y: 1, w: 12, h: 5 }],
      [3, 'text', { x: 12, y: 1, w: 12, h: 5 }],
      [4, 'text', { x: 0, y: 6, w: 12, h: 8 }],
      [5, 'text', { x: 12, y: 6, w: 12, h: 8 }],
      [6, 'text', { x: 0, y: 14, w: 8, h: 8 }],
    ]);
  });

  it('rejects widths that do not match the panels', () => {
    expect(() => layout([{ height: 4, widths: [30], panels: [panel('x')] }])).toThrow('do not fit 1 panels');
  });
});
