import { canSearch, isTraceId, traceIdQuery, traceSourceKind, traceqlString } from './traceSource';

test('the kind follows the data source plugin type; other types are not trace sources', () => {
  expect(traceSourceKind('tempo')).toBe('tempo');
  expect(traceSourceKind('zipkin')).toBe('zipkin');
  expect(traceSourceKind('prometheus')).toBeUndefined();
  expect(traceSourceKind(undefined)).toBeUndefined();
  expect(canSearch('zipkin')).toBe(false);
  expect(canSearch('tempo')).toBe(true);
});

test('a trace id query in each data source model', () => {
  expect(traceIdQuery('jaeger', ' abc ')).toEqual({ refId: 'trace', query: 'abc' });
  expect(traceIdQuery('tempo', 'abc', 'A')).toEqual({ refId: 'A', queryType: 'traceql', query: 'abc' });
  expect(traceIdQuery('zipkin', 'abc')).toEqual({ refId: 'trace', queryType: 'traceID', query: 'abc' });
});

test('trace ids are 1 to 32 hex digits', () => {
  expect(isTraceId('4a1b2c3d4e5f60718293a4b5c6d7e8f9')).toBe(true);
  expect(isTraceId('xyz')).toBe(false);
  expect(isTraceId('')).toBe(false);
  expect(isTraceId('0'.repeat(33))).toBe(false);
});

test('TraceQL string literals escape backslash, quote and control characters', () => {
  expect(traceqlString('plain')).toBe('"plain"');
  expect(traceqlString('a"b\\c')).toBe('"a\\"b\\\\c"');
  expect(traceqlString('x" || true || "')).toBe('"x\\" || true || \\""');
  expect(traceqlString('l1\nl2\tz\r')).toBe('"l1\\nl2\\tz\\r"');
  // What Tempo's lexer (Go's strconv.Unquote) reads back is the original value; JSON's rules agree for these.
  expect(JSON.parse(traceqlString('a"b\\c\n'))).toBe('a"b\\c\n');
});
