import { labelDetail, MAX_SCREEN_TITLES } from './labelDetail';

describe('labelDetail', () => {
  test('full labels from the full-label zoom up, whatever the node count', () => {
    expect(labelDetail(0.55, 5_000)).toBe('full');
    expect(labelDetail(2, 1)).toBe('full');
  });

  test('titles at a fixed screen size between 0.25 and 0.55 with a bounded number of nodes in view', () => {
    expect(labelDetail(0.4, 32)).toBe('titles');
    expect(labelDetail(0.25, MAX_SCREEN_TITLES)).toBe('titles');
    expect(labelDetail(0.4, MAX_SCREEN_TITLES + 1)).toBe('none');
  });

  test('no text below 0.25', () => {
    expect(labelDetail(0.249, 3)).toBe('none');
  });
});
