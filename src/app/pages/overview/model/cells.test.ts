import { formatMs, formatPct, formatRate, sparklinePath } from './cells';

test('cells format values and mark missing ones', () => {
  expect(formatRate(12.345)).toBe('12.3 req/s');
  expect(formatRate(1234.5)).toBe('1235 req/s');
  expect(formatRate(null)).toBe('–');
  expect(formatPct(0)).toBe('0%');
  expect(formatPct(0.123)).toBe('0.12%');
  expect(formatPct(4.56)).toBe('4.6%');
  expect(formatPct(100)).toBe('100%');
  expect(formatMs(87.54)).toBe('87.5ms');
  expect(formatMs(2500)).toBe('2.5s');
});

test('sparkline path scales to the box and breaks at gaps', () => {
  expect(sparklinePath([0, 10, NaN, 5], 30, 10)).toBe('M0 10L10 0M30 5');
  expect(sparklinePath([3, 3], 10, 10)).toBe('M0 5L10 5');
  expect(sparklinePath([1], 10, 10)).toBe('');
});
