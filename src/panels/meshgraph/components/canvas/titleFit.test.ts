import { fitTitle, titleRoom } from './titleFit';

// One unit per character, as a monospaced measure.
const chars = (s: string) => [...s].length;

describe('fitTitle', () => {
  it('keeps a title that fits', () => {
    expect(fitTitle('reviews-v2', 10, chars)).toBe('reviews-v2');
  });

  it('shortens in the middle, keeping the start and the version suffix', () => {
    expect(fitTitle('istio-ingressgateway latest', 16, chars)).toBe('istio-ing…latest');
    expect(fitTitle('productpage-v1', 9, chars)).toBe('produ…-v1');
  });

  it('gives the longest shortening that fits, and only the ellipsis when nothing else does', () => {
    const out = fitTitle('istio-egressgateway', 12, chars);
    expect(chars(out)).toBe(12);
    expect(fitTitle('istio-egressgateway', 1, chars)).toBe('…');
    expect(fitTitle('istio-egressgateway', 0, chars)).toBe('…');
  });

  it('counts characters, not UTF-16 units: a name with astral characters is not cut inside one', () => {
    expect(fitTitle('svc-😀😀😀-v1', 7, chars)).toBe('svc-…v1');
  });
});

describe('titleRoom', () => {
  // Nodes 0, 1, 2 on one row, 100 and 240 apart; node 3 on the next row (80 below); node 4 alone on a third row.
  const xy = new Float64Array([0, 0, 100, 0, 340, 2, 100, 80, 0, 160]);

  it('is the distance to the nearest node on the same text line', () => {
    const room = titleRoom(xy, [0, 1, 2, 3, 4], 20);
    expect([...room.entries()].sort((a, b) => a[0] - b[0])).toEqual([
      [0, 100],
      [1, 100],
      [2, 240],
      [3, Infinity],
      [4, Infinity],
    ]);
  });

  it('only counts the nodes listed (those in view)', () => {
    expect(titleRoom(xy, [0, 2], 20).get(0)).toBe(340);
  });
});
