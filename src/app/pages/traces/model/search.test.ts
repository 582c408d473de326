import { FieldType, createDataFrame } from '@grafana/data';
import {
  EMPTY_SEARCH,
  fileFrame,
  parseSearchResults,
  scatterPoints,
  toJaegerSearchQuery,
  toSearchQuery,
  validateSearch,
} from './search';

test('validation names each bad field', () => {
  expect(validateSearch(EMPTY_SEARCH, 'jaeger')).toEqual({
    service: "Jaeger's search needs a service: pick one from the list.",
  });
  // Tempo searches without a service.
  expect(validateSearch(EMPTY_SEARCH, 'tempo')).toEqual({});
  expect(validateSearch({ ...EMPTY_SEARCH, peer: 'details.bookinfo' }, 'tempo')).toEqual({
    service: 'Name the calling service to find its calls to the peer.',
  });
  expect(validateSearch({ ...EMPTY_SEARCH, service: 'p', peer: 'my.app.shop' }, 'tempo')).toEqual({
    peer: '"my.app.shop" is not a Kubernetes service as <service>.<namespace>.',
  });
  expect(
    validateSearch({ ...EMPTY_SEARCH, service: 'reviews', minDuration: '10 sec', maxDuration: '1.5s', limit: '0' })
  ).toEqual({
    minDuration: 'A duration like 120ms, 1.5s or 300us.',
    limit: 'A whole number from 1 to 1500.',
  });
});

test('the Jaeger search query omits empty filters', () => {
  expect(
    toJaegerSearchQuery({ ...EMPTY_SEARCH, service: ' reviews.bookinfo ', tags: 'error=true', limit: '50' })
  ).toEqual({
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

test('attributes that cannot be read are a field error before anything is sent', () => {
  expect(validateSearch({ ...EMPTY_SEARCH, service: 'a', tags: 'status' })).toEqual({
    tags: 'Attributes are key=value pairs separated by spaces; cannot read "status".',
  });
});

test('a $ in a Tempo search term is escaped so that Grafana does not expand it as a variable', () => {
  const search = { ...EMPTY_SEARCH, service: 'shop${__range}', tags: 'note="[[x]] $y"' };
  expect(toSearchQuery('tempo', search)).toMatchObject({
    query: '{ resource.service.name = "shop\\x24{__range}" && .note = "\\x5b[x]] \\x24y" }',
  });
});

test('Tempo gets one TraceQL query with the limit beside it; Zipkin cannot search', () => {
  const search = {
    service: 'api-edge',
    operation: 'GET /',
    tags: 'http.status_code=500',
    minDuration: '10ms',
    maxDuration: '',
    limit: '7',
    peer: '',
  };
  expect(toSearchQuery('tempo', search)).toEqual({
    refId: 'search',
    queryType: 'traceql',
    query: '{ resource.service.name = "api-edge" && name = "GET /" && .http.status_code = 500 && duration >= 10ms }',
    limit: 7,
    tableType: 'traces',
  });
  expect(toSearchQuery('jaeger', search)).toMatchObject({
    queryType: 'search',
    service: 'api-edge',
    tags: 'http.status_code=500',
  });
  expect(() => toSearchQuery('zipkin', search)).toThrow(
    "Grafana's Zipkin data source cannot search traces; it opens a trace by id."
  );
});

test("Tempo's search table: root service, '<1ms' durations and matched spans from the nested spansets", () => {
  const spanset = (n: number) =>
    createDataFrame({
      fields: [{ name: 'spanID', type: FieldType.string, values: Array.from({ length: n }, (_, i) => `s${i}`) }],
    });
  const frame = createDataFrame({
    name: 'Traces',
    fields: [
      { name: 'traceID', type: FieldType.string, values: ['t1', 't2'] },
      { name: 'startTime', type: FieldType.time, values: [5000, 6000] },
      { name: 'traceService', type: FieldType.string, values: ['api-edge', ''] },
      { name: 'traceName', type: FieldType.string, values: ['POST /q', 'GET /'] },
      { name: 'traceDuration', type: FieldType.number, values: [44, '<1ms'] },
      { name: 'nested', type: FieldType.nestedFrames, values: [[spanset(2), spanset(1)], undefined] },
    ],
  });
  expect(parseSearchResults([frame])).toEqual({
    hits: [
      { traceId: 't2', name: 'GET /', startMs: 6000, durationMs: 0, rootService: '' },
      {
        traceId: 't1',
        name: 'api-edge: POST /q',
        startMs: 5000,
        durationMs: 44,
        rootService: 'api-edge',
        matchedSpans: 3,
      },
    ],
    dropped: 0,
  });
});

test("an edge search on Tempo matches Istio span names of calls to the peer, or the client span's upstream_cluster", () => {
  const q = toSearchQuery('tempo', { ...EMPTY_SEARCH, service: 'productpage.bookinfo', peer: 'details.bookinfo' });
  expect('query' in q && q.query).toBe(
    '{ resource.service.name = "productpage.bookinfo" && (name =~ "^details\\\\.bookinfo(\\\\.svc(\\\\.[^:/]+)?)?(:[0-9]+)?(/.*)?\\x24" || span.upstream_cluster =~ "^outbound\\\\|[0-9]+\\\\|[^|]*\\\\|details\\\\.bookinfo(\\\\.svc(\\\\.[^|]+)?)?\\x24") }'
  );
  expect(toSearchQuery('tempo', EMPTY_SEARCH)).toMatchObject({ query: '{ }' });
});

test("an edge search on Jaeger passes the caller's operation that calls the peer", () => {
  expect(
    toSearchQuery(
      'jaeger',
      { ...EMPTY_SEARCH, service: 'productpage.bookinfo', peer: 'details.bookinfo' },
      'details.bookinfo.svc.cluster.local:9080/*'
    )
  ).toMatchObject({ service: 'productpage.bookinfo', operation: 'details.bookinfo.svc.cluster.local:9080/*' });
});
