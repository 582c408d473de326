import { FieldType, createDataFrame } from '@grafana/data';
import { EMPTY_SEARCH, fileFrame, parseSearchResults, scatterPoints, toJaegerSearchQuery, validateSearch } from './search';

test('validation names each bad field', () => {
  expect(validateSearch(EMPTY_SEARCH)).toEqual({ service: 'Name a service to search its traces.' });
  expect(validateSearch({ ...EMPTY_SEARCH, service: 'reviews', minDuration: '10 sec', maxDuration: '1.5s', limit: '0' })).toEqual({
    minDuration: 'A duration like 120ms, 1.5s or 300us.',
    limit: 'A whole number from 1 to 1500.',
  });
});

test('the Jaeger search query omits empty filters', () => {
  expect(toJaegerSearchQuery({ ...EMPTY_SEARCH, service: ' reviews.bookinfo ', tags: 'error=true', limit: '50' })).toEqual({
    refId: 'search',
    queryType: 'search',
    service: 'reviews.bookinfo',
    operation: undefined,
    tags: 'error=true',
    minDuration: undefined,
    maxDuration: undefined,
    limit: 50,
  });
});

test('results newest first; rows without id or times are counted, not shown', () => {
  const frame = createDataFrame({
    fields: [
      { name: 'traceID', type: FieldType.string, values: ['a', 'b', ''] },
      { name: 'traceName', type: FieldType.string, values: ['GET /', 'GET /x', 'x'] },
      { name: 'startTime', type: FieldType.time, values: [1000, 2000, 3000] },
      { name: 'duration', type: FieldType.number, values: [12, 40, 1] },
    ],
  });
  const { hits, dropped } = parseSearchResults([frame]);
  expect(hits.map((h) => h.traceId)).toEqual(['b', 'a']);
  expect(dropped).toBe(1);
  expect(scatterPoints(hits, 100, 50).map((p) => [p.x, p.y])).toEqual([
    [100, 0],
    [0, 35],
  ]);
});

test('a trace file becomes one string field for the trace panel', () => {
  const f = fileFrame('t.json', '{"data":[]}');
  expect(f.fields[0]).toMatchObject({ name: 'trace', type: FieldType.string, values: ['{"data":[]}'] });
});
