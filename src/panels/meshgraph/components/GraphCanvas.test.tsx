import React from 'react';
import { fireEvent, render, screen } from '@testing-library/react';
import { type ViewGraph, type ViewNode } from '../model/view/types';
import { GraphCanvas } from './GraphCanvas';

// jsdom has no PointerEvent; without it the events lose their coordinates.
if (typeof window.PointerEvent === 'undefined') {
  class PointerEventShim extends MouseEvent {
    pointerId: number;
    constructor(type: string, init: PointerEventInit = {}) {
      super(type, init);
      this.pointerId = init.pointerId ?? 0;
    }
  }
  window.PointerEvent = PointerEventShim as unknown as typeof PointerEvent;
}

const node = (id: string): ViewNode => ({ id, title: id, subtitle: '', shape: 'circle', health: 'healthy', reasons: [], cluster: 'c', namespace: 'ns', flags: new Set() });
const graph: ViewGraph = {
  nodes: [node('a'), node('b')],
  edges: [{ id: 'a>b', source: 'a', target: 'b', protocol: 'http', health: 'healthy', reasons: [], rate: 1, errorPct: 0, percentReq: 100, label: '' }],
  collapsed: [],
};
// a at (0, 0) and b at (100, 0) in the world; fitted into 400×300 with room for badges above and names below
// (NODE_EXTENT) that is k = 1.5, a at (125, 141.75), b at (275, 141.75).
const positions = { index: new Map([['a', 0], ['b', 1]]), xy: new Float64Array([0, 0, 100, 0]), ms: 1, inWorker: true };

function setup() {
  const onSelect = jest.fn();
  const onPin = jest.fn();
  render(
    <GraphCanvas graph={graph} positions={positions} width={400} height={300} matches={new Set()} showMtls namespaceBoxes={false} animate={false} onSelect={onSelect} onPin={onPin} />
  );
  return { canvas: screen.getByTestId('meshlens-meshgraph-canvas'), onSelect, onPin };
}

describe('GraphCanvas interactions', () => {
  it('selects the node, the edge or nothing under a click', () => {
    const { canvas, onSelect } = setup();
    const click = (x: number, y: number) => {
      fireEvent.pointerDown(canvas, { clientX: x, clientY: y, pointerId: 1 });
      fireEvent.pointerUp(canvas, { clientX: x, clientY: y, pointerId: 1 });
    };
    click(275, 142);
    expect(onSelect).toHaveBeenLastCalledWith('b', 'node');
    click(200, 143);
    expect(onSelect).toHaveBeenLastCalledWith('a>b', 'edge');
    click(200, 250);
    expect(onSelect).toHaveBeenLastCalledWith(undefined, undefined);
  });

  it('pins a dragged node where it was dropped, in world coordinates', () => {
    const { canvas, onPin, onSelect } = setup();
    fireEvent.pointerDown(canvas, { clientX: 125, clientY: 142, pointerId: 1 });
    fireEvent.pointerMove(canvas, { clientX: 200, clientY: 200, pointerId: 1 });
    fireEvent.pointerUp(canvas, { clientX: 200, clientY: 200, pointerId: 1 });
    expect(onPin).toHaveBeenCalledWith('a', 50, expect.closeTo(38.83, 1));
    expect(onSelect).not.toHaveBeenCalled();
  });
});
