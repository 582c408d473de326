import { normaliseFrames, normaliseText } from './normalise';
import { fixtureText } from './testFixtures';
import { type ParseResult, type Trace } from './types';

function only(result: ParseResult): Trace {
  if (!result.ok) {
    throw new Error(result.error);
  }
  expect(result.traces).toHaveLength(1);
  return result.traces[0];
}

const byId = (trace: Trace, id: string) => trace.spans.filter((s) => s.spanId === id);

describe('normalise: real fixtures', () => {
  it('reads the 1,041-span Zipkin trace: 1,041 spans in 16 services, nothing skipped', () => {
    const trace = only(normaliseText(fixtureText('openzipkin-zipkin_smartthings-mobile-web-install.json')));
    expect(trace.spans).toHaveLength(1041);
    expect(trace.services).toHaveLength(16);
    expect(trace.issues.skipped).toBe(0);
    // Client/server halves share ids in Zipkin: that is not a duplicate.
    expect(trace.issues.duplicateIds).toBe(0);
    // 84 spans without timestamp and 175 without duration get repaired and counted.
    expect(trace.issues.repaired).toBeGreaterThanOrEqual(175);
    expect(Math.round(trace.endMs - trace.startMs)).toBeGreaterThan(300_000);
  });

  it('reports clock skew on the server half of 74280ae0c10d8062 in skew.json', () => {
    const trace = only(normaliseText(fixtureText('openzipkin-zipkin_skew.json')));
    const halves = byId(trace, '74280ae0c10d8062');
    const server = halves.find((s) => s.kind === 'server')!;
    const client = halves.find((s) => s.kind === 'client')!;
    expect(trace.spans[server.parent]).toBe(client);
    expect(server.service).toBe('serviceb');
    expect(server.skewShiftMs).toBeGreaterThan(60);
    expect(server.builderWarnings.join(' ')).toMatch(/Clock skew/);
    expect(client.skewShiftMs).toBe(0);
    expect(trace.issues.skewed).toBe(1);
    // The async child on the same service moves with its (adjusted) server parent.
    const async = byId(trace, '43210ae0c10d1234')[0];
    expect(trace.spans[async.parent]).toBe(server);
    expect(async.skewShiftMs).toBe(server.skewShiftMs);
    // Adjusted, the server half sits centred inside the client half.
    const adjustedStart = server.startMs + server.skewShiftMs;
    expect(adjustedStart).toBeGreaterThanOrEqual(client.startMs);
    expect(adjustedStart + server.durationMs).toBeLessThanOrEqual(client.startMs + client.durationMs);
  });

  it('surfaces ui_01.json warnings, its duplicate span id and the FOLLOWS_FROM reference', () => {
    const trace = only(normaliseText(fixtureText('jaegertracing-jaeger_ui_01.json')));
    expect(trace.spans).toHaveLength(5);
    expect(trace.issues.duplicateIds).toBe(1);
    expect(trace.warnings.length).toBeGreaterThan(0);
    const dupes = byId(trace, '2');
    expect(dupes).toHaveLength(2);
    expect(dupes.flatMap((s) => s.builderWarnings).join(' ')).toMatch(/Duplicate span id 2/);
    const four = byId(trace, '4')[0];
    expect(four.warnings).toEqual(['some span warning']);
    expect(trace.spans[four.parent].spanId).toBe('2');
    expect(four.references).toEqual(
      expect.arrayContaining([
        { type: 'FOLLOWS_FROM', traceId: '0000000000000001', spanId: '2' },
        { type: 'CHILD_OF', traceId: '00000000000000ff', spanId: 'ff' },
      ])
    );
    expect(trace.services).toHaveLength(2);
    const tagged = dupes.find((s) => s.attributes.length > 0)!;
    expect(tagged.status).toBe('error');
    expect(tagged.attributes.find((a) => a.key === 'blob')?.value).toBe('AAAwOQ==');
  });

  it("reads Kiali's OTLP Bookinfo trace: ingressgateway -> productpage -> details and reviews -> ratings", () => {
    const trace = only(normaliseText(fixtureText('kiali-kiali_responseTrace.json')));
    expect(trace.spans).toHaveLength(8);
    expect(trace.traceId).toMatch(/^[0-9a-f]{32}$/);
    const serviceOf = (i: number) => trace.spans[i].service.split('.')[0];
    const edges = new Set(trace.spans.filter((s) => s.parent >= 0).map((s) => `${serviceOf(s.parent)}>${serviceOf(s.index)}`));
    const crossService = [...edges].filter((e) => e.split('>')[0] !== e.split('>')[1]).sort();
    expect(crossService).toEqual(['istio-ingressgateway>productpage', 'productpage>details', 'productpage>reviews', 'reviews>ratings']);
    expect(trace.spans[0].service).toMatch(/^istio-ingressgateway/);
    expect(trace.spans[0].kind).toBe('client');
    // ns strings to ms keep µs precision.
    expect(trace.spans[0].durationMs).toBeCloseTo(11.932, 3);
  });

  it('reads the Jaeger genai trace and the Yelp Zipkin trace', () => {
    expect(only(normaliseText(fixtureText('jaegertracing-jaeger-ui_genaiTestTrace.json'))).spans).toHaveLength(57);
    expect(only(normaliseText(fixtureText('openzipkin-zipkin_yelp.json'))).spans).toHaveLength(16);
  });

  it('detects trace JSON in a string field of a frame (JSON or Infinity data source, preview harness)', () => {
    const text = fixtureText('openzipkin-zipkin_skew.json');
    const result = normaliseFrames([{ fields: [{ name: 'trace', values: [text] }] }]);
    expect(result.ok && result.format).toBe('zipkin');
    expect(result.ok && result.traces[0].spans).toHaveLength(4);
  });

  it('accepts the Jaeger {data:[trace]} envelope', () => {
    const inner = JSON.parse(fixtureText('jaegertracing-jaeger_ui_01.json'));
    const trace = only(normaliseText(JSON.stringify({ data: [inner], total: 0, errors: null })));
    expect(trace.spans).toHaveLength(5);
  });
});

describe('normalise: Grafana trace frames (ms)', () => {
  const frame = {
    fields: [
      { name: 'traceID', values: ['t1', 't1', 't2'] },
      { name: 'spanID', values: ['a', 'b', 'c'] },
      { name: 'parentSpanID', values: [undefined, 'a', undefined] },
      { name: 'serviceName', values: ['front', 'back', 'solo'] },
      { name: 'operationName', values: ['GET /', 'query', 'x'] },
      { name: 'startTime', values: [1605873894680.409, 1605873894681, 1] },
      { name: 'duration', values: [10.5, 2, 1] },
      { name: 'tags', values: [[{ key: 'http.method', value: 'GET' }], '[{"key":"error","value":true}]', []] },
      { name: 'statusCode', values: [1, undefined, 2] },
      { name: 'kind', values: ['server', 'client', 'internal'] },
    ],
  };

  it('keeps ms, reads tags given as objects or JSON strings, and groups rows into traces', () => {
    const result = normaliseFrames([frame]);
    if (!result.ok) {
      throw new Error(result.error);
    }
    expect(result.traces.map((t) => t.traceId)).toEqual(['t1', 't2']);
    const [t1, t2] = result.traces;
    expect(t1.spans[0].startMs).toBe(1605873894680.409);
    expect(t1.spans[1].status).toBe('error');
    expect(t1.spans[0].status).toBe('ok');
    expect(t1.spans[1].kind).toBe('client');
    expect(t2.errorCount).toBe(1);
  });

  it('explains what is wrong with a frame that is not a trace', () => {
    const result = normaliseFrames([{ fields: [{ name: 'Value', values: [1] }] }]);
    expect(result).toEqual({ ok: false, error: expect.stringContaining('got fields: Value') });
  });
});

describe('normalise: bad input', () => {
  it.each([
    ['{"data": [', /not valid JSON/],
    ['{"foo": 1}', /Unrecognised trace JSON.*keys foo/],
    ['42', /Unrecognised trace JSON.*a number/],
    ['[{"traceId": 5, "id": 7}]', /No usable span.*1 record skipped: a Zipkin span needs string traceId and id/],
  ])('%s gives a clear message', (text, message) => {
    const result = normaliseText(text);
    expect(result.ok).toBe(false);
    expect(!result.ok && result.error).toMatch(message);
  });

  it('gives zero traces, not an error, for an empty span list', () => {
    expect(normaliseText('[]')).toEqual({ ok: true, traces: [], format: 'empty', notes: [] });
  });

  it('repairs NaN and negative durations and counts them', () => {
    const text = JSON.stringify([
      { traceId: 'a', id: '1', name: 'x', timestamp: 1000, duration: -5, localEndpoint: { serviceName: 's' } },
      { traceId: 'a', id: '2', parentId: '1', name: 'y', timestamp: 'soon', duration: 'NaN' },
    ]);
    const trace = only(normaliseText(text));
    expect(trace.issues.repaired).toBe(2);
    expect(trace.spans.map((s) => s.durationMs)).toEqual([0, 0]);
    expect(trace.spans[1].startMs).toBe(1);
  });

  it('keeps HTML in tags as plain data', () => {
    const text = JSON.stringify([{ traceId: 'a', id: '1', name: '<img src=x onerror=alert(1)>', timestamp: 1, duration: 1, tags: { x: '<script>' } }]);
    const trace = only(normaliseText(text));
    expect(trace.spans[0].operation).toBe('<img src=x onerror=alert(1)>');
    expect(trace.spans[0].attributes).toEqual([{ key: 'x', value: '<script>' }]);
  });

  it('truncates past the span limit and says how many it left out', () => {
    const spans = Array.from({ length: 10 }, (_, i) => ({ traceId: 'a', id: String(i), timestamp: i, duration: 1 }));
    const trace = only(normaliseText(JSON.stringify(spans), { maxSpans: 4 }));
    expect(trace.spans).toHaveLength(4);
    expect(trace.warnings.join(' ')).toMatch(/6 spans not shown/);
  });
});
