import { fitViewport, NODE_EXTENT } from './viewport';

describe('fitViewport', () => {
  test('a node’s badges, title and subtitle stay inside the panel after fitting', () => {
    // Two rows, as the realdata ambient graph: the top row's badges and the bottom row's names were cut.
    const xy = new Float64Array([0, 0, 300, 0, 300, 400]);
    const [width, height] = [1400, 420];
    const v = fitViewport(xy, width, height);
    const screenY = (y: number) => y * v.k + v.y;
    const screenX = (x: number) => x * v.k + v.x;
    expect(screenY(0 - NODE_EXTENT.top)).toBeGreaterThanOrEqual(0);
    expect(screenY(400 + NODE_EXTENT.bottom)).toBeLessThanOrEqual(height);
    expect(screenX(0 - NODE_EXTENT.side)).toBeGreaterThanOrEqual(0);
    expect(screenX(300 + NODE_EXTENT.side)).toBeLessThanOrEqual(width);
    // Height-bound: the extents fill the height less both margins.
    expect(v.k).toBeCloseTo((height - 48) / (400 + NODE_EXTENT.top + NODE_EXTENT.bottom), 10);
  });

  test('one node is centred at the largest zoom', () => {
    expect(fitViewport(new Float64Array([10, 20]), 800, 600)).toEqual({
      k: 1.5,
      x: 400 - 10 * 1.5,
      y: 300 - (20 + (NODE_EXTENT.bottom - NODE_EXTENT.top) / 2) * 1.5,
    });
  });

  test('no nodes: identity zoom centred', () => {
    expect(fitViewport(new Float64Array(0), 800, 600)).toEqual({ x: 400, y: 300, k: 1 });
  });
});
