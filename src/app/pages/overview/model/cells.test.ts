import { sparklinePath } from './cells';

test('sparkline path scales to the box and breaks at gaps', () => {
  expect(sparklinePath([0, 10, NaN, 5], 30, 10)).toBe('M0 10L10 0M30 5');
  expect(sparklinePath([3, 3], 10, 10)).toBe('M0 5L10 5');
  expect(sparklinePath([1], 10, 10)).toBe('');
});
