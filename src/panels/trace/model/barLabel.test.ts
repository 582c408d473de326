import { barLabelPlacement, LABEL_ROOM_PCT } from './barLabel';

describe('barLabelPlacement', () => {
  test('right of the bar when there is room on the right', () => {
    expect(barLabelPlacement(10, 40)).toEqual({ side: 'right', left: 40 });
    expect(barLabelPlacement(0, 100 - LABEL_ROOM_PCT)).toEqual({ side: 'right', left: 88 });
  });

  test('left of the bar when only the left has room', () => {
    expect(barLabelPlacement(50, 95)).toEqual({ side: 'left', right: 50 });
  });

  test('inside the bar, at its start, when a bar spans the view (the label was cut off under the name column)', () => {
    expect(barLabelPlacement(1.2, 98)).toEqual({ side: 'inside', left: 1.2 });
    expect(barLabelPlacement(0, 100)).toEqual({ side: 'inside', left: 0 });
  });

  test('bars reaching outside a zoomed view are clamped to it', () => {
    expect(barLabelPlacement(-30, 150)).toEqual({ side: 'inside', left: 0 });
    expect(barLabelPlacement(-30, 20)).toEqual({ side: 'right', left: 20 });
    expect(barLabelPlacement(95, 130)).toEqual({ side: 'left', right: 5 });
  });
});
