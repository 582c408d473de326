import {
  formatBytes,
  formatCount,
  formatDurationMs,
  formatMs,
  formatPct,
  formatPct1,
  formatRate,
  formatRateSpaced,
  formatRateUnit,
  formatResponseTime,
  goFixed,
  rateToString,
} from '.';

test('trace durations keep their format (µs to minutes)', () => {
  expect([0.0004, 0.5, 1, 9.876, 12.34, 999.99, 1000, 12_345, 59_999, 60_000, 125_400, NaN].map(formatDurationMs)).toEqual([
    '0µs',
    '500µs',
    '1ms',
    '9.88ms',
    '12.3ms',
    '1000ms',
    '1s',
    '12.35s',
    '60s',
    '1m 0s',
    '2m 5s',
    '–',
  ]);
});

test('page cells: rates, percentages, latencies and counts; "–" when missing', () => {
  expect(formatRate(12.345)).toBe('12.3 req/s');
  expect(formatRate(1234.5)).toBe('1235 req/s');
  expect(formatRate(null)).toBe('–');
  expect(formatRate(NaN)).toBe('–');
  expect(formatPct(0)).toBe('0%');
  expect(formatPct(0.123)).toBe('0.12%');
  expect(formatPct(4.56)).toBe('4.6%');
  expect(formatPct(100)).toBe('100%');
  expect(formatPct(null)).toBe('–');
  expect(formatMs(87.54)).toBe('87.5ms');
  expect(formatMs(2500)).toBe('2.5s');
  expect(formatMs(null)).toBe('–');
  expect(formatCount(4)).toBe('4');
  expect(formatCount(null)).toBe('–');
});

test('graph labels and side panel', () => {
  expect(formatRateUnit(123.4, 'rps')).toBe('123rps');
  expect(formatRateUnit(12.34, 'rps')).toBe('12.3rps');
  expect(formatRateUnit(1.234, 'B/s')).toBe('1.23B/s');
  expect(formatRateSpaced(4)).toBe('4.00 rps');
  expect(formatRateSpaced(12.34, 'B/s')).toBe('12.3 B/s');
  expect(formatPct1(12.345)).toBe('12.3 %');
  expect(formatPct1(undefined)).toBe('–');
  expect(formatResponseTime(87.6)).toBe('88ms');
  expect(formatResponseTime(1234)).toBe('1.23s');
});

test('bytes in binary units', () => {
  expect(formatBytes(512)).toBe('512 B');
  expect(formatBytes(1536, true)).toBe('1.50 KiB/s');
  expect(formatBytes(5 * 1024 ** 3)).toBe('5.00 GiB');
  expect(formatBytes(null)).toBe('–');
});

test("Kiali's Go rounding for golden graphs", () => {
  expect(goFixed(12.25, 1)).toBe('12.2');
  expect(goFixed(12.35, 1)).toBe('12.3');
  expect(rateToString(2, 0.004)).toBe('0.004');
  expect(rateToString(2, 5)).toBe('5.00');
});
