import { SPAN_LINK_MARGIN_MS, spanTimeRange, withTimeRange } from './timeRange';

test('a span links with 5 minutes either side, whole epoch ms', () => {
  // start 1644228487151.123 ms, 27.345 ms long: end 1644228487178.468.
  expect(spanTimeRange(1644228487151.123, 27.345)).toEqual({ from: 1644228187151, to: 1644228787179 });
  expect(SPAN_LINK_MARGIN_MS).toBe(300000);
});

test('times that are no real moment give no range; a missing duration counts as 0', () => {
  expect(spanTimeRange(NaN, 1)).toBeUndefined();
  expect(spanTimeRange(-1, 1)).toBeUndefined();
  expect(spanTimeRange(1e300, 1)).toBeUndefined();
  expect(spanTimeRange(600000, NaN)).toEqual({ from: 300000, to: 900000 });
});

test('from/to replace any on the href and keep the other parameters', () => {
  expect(withTimeRange('/d/x?var-a=1&from=now-1h', { from: 5, to: 9 })).toBe('/d/x?var-a=1&from=5&to=9');
  expect(withTimeRange('/a/meshlens-istio-app/graph', { from: 5, to: 9 })).toBe(
    '/a/meshlens-istio-app/graph?from=5&to=9'
  );
  expect(withTimeRange('/d/x?a=1', undefined)).toBe('/d/x?a=1');
});
