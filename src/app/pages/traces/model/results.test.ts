import { hasErrors, resultsJson, sortHits, type KnownSummary } from './results';
import { type TraceHit } from './search';

const hits: TraceHit[] = [
  { traceId: 'a', name: 'A', startMs: 3000, durationMs: 10 },
  { traceId: 'b', name: 'B', startMs: 1000, durationMs: 50 },
  { traceId: 'c', name: 'C', startMs: 2000, durationMs: 50 },
  { traceId: 'd', name: 'D', startMs: 4000, durationMs: 5 },
];
const known = new Map<string, KnownSummary>([
  ['a', { spans: 8, errors: 0, services: ['x'] }],
  ['b', { spans: 57, errors: 1, services: ['y', 'x'] }],
  ['c', { failed: 'trace not found' }],
]);

test('sort by time, duration (ties newest first), spans and errors (unknown counts last, counted)', () => {
  const ids = (r: { hits: TraceHit[] }) => r.hits.map((h) => h.traceId).join('');
  expect(ids(sortHits(hits, 'time', known))).toBe('dacb');
  expect(ids(sortHits(hits, 'duration', known))).toBe('cbad');
  expect(sortHits(hits, 'spans', known)).toMatchObject({ unknown: 2 });
  expect(ids(sortHits(hits, 'spans', known))).toBe('badc');
  expect(ids(sortHits(hits, 'errors', known))).toBe('badc');
  expect(hits.map((h) => h.traceId).join('')).toBe('abcd');
});

test('error colouring knows only what was loaded', () => {
  expect([known.get('a'), known.get('b'), known.get('c'), undefined].map(hasErrors)).toEqual([
    false,
    true,
    undefined,
    undefined,
  ]);
});

test('the download holds the search, each trace in order with its counts or why they are missing', () => {
  const json = JSON.parse(
    resultsJson({ service: 'api-edge', operation: '', limit: '10' }, [hits[1], hits[2]], known, {
      uid: 'j',
      kind: 'jaeger',
    })
  );
  expect(json).toEqual({
    dataSource: { uid: 'j', kind: 'jaeger' },
    search: { service: 'api-edge', limit: '10' },
    count: 2,
    traces: [
      {
        traceId: 'b',
        name: 'B',
        start: '1970-01-01T00:00:01.000Z',
        startMs: 1000,
        durationMs: 50,
        counts: { spans: 57, errors: 1, services: ['y', 'x'] },
      },
      {
        traceId: 'c',
        name: 'C',
        start: '1970-01-01T00:00:02.000Z',
        startMs: 2000,
        durationMs: 50,
        counts: null,
        countsFailed: 'trace not found',
      },
    ],
  });
});
