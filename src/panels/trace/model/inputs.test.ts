import { TraceEngine } from './engine';
import { normaliseFrames, normaliseText } from './normalise';
import { fixtureText } from './testFixtures';
import { type ParseResult, type Trace } from './types';

function traces(result: ParseResult): Trace[] {
  if (!result.ok) {
    throw new Error(result.error);
  }
  return result.traces;
}

/** One OTLP document (one resource, one scope) holding the given spans, on one line. */
function otlpLine(service: string, spans: object[]): string {
  return JSON.stringify({
    resourceSpans: [
      { resource: { attributes: [{ key: 'service.name', value: { stringValue: service } }] }, scopeSpans: [{ spans }] },
    ],
  });
}
const span = (id: string, parent: string | undefined, startNs: string, endNs: string, extra: object = {}) => ({
  traceId: '0af7651916cd43dd8448eb211c80319c',
  spanId: id,
  parentSpanId: parent,
  name: `op-${id}`,
  startTimeUnixNano: startNs,
  endTimeUnixNano: endNs,
  ...extra,
});

describe('OTLP JSON lines (the collector file exporter)', () => {
  it('reads one document per line into one trace', () => {
    const text = [
      otlpLine('front', [span('b7ad6b7169203331', undefined, '1700000000000000000', '1700000000100000000')]),
      otlpLine('back', [span('00f067aa0ba902b7', 'b7ad6b7169203331', '1700000000010000000', '1700000000050000000')]),
      '',
    ].join('\n');
    const result = normaliseText(text);
    const [t] = traces(result);
    expect(result.ok && result.format).toBe('otlp-lines');
    expect(t.spans.map((s) => `${s.service}/${s.spanId}/${s.depth}/${s.durationMs}`)).toEqual([
      'front/b7ad6b7169203331/0/100',
      'back/00f067aa0ba902b7/1/40',
    ]);
    expect(result.ok && result.notes).toEqual([]);
  });

  it('skips a line that is not JSON and says so', () => {
    const text = [otlpLine('front', [span('b7ad6b7169203331', undefined, '1', '2')]), '{oops', otlpLine('x', [])].join('\n');
    const result = normaliseText(text);
    expect(traces(result)[0].spans).toHaveLength(1);
    expect(result.ok && result.notes).toEqual([expect.stringMatching(/^1 of 3 JSON lines skipped \(line 2: /)]);
  });

  it('still explains text that is not JSON at all', () => {
    const result = normaliseText('{"data": [\n{"x"');
    expect(!result.ok && result.error).toMatch(/^The trace is not valid JSON: /);
  });
});

describe('frames without a trace', () => {
  it('ignores a frame whose JSON-looking string is not a trace, with a note, when another frame holds one', () => {
    const result = normaliseFrames([
      { name: 'logs', fields: [{ name: 'line', values: ['{"level":"info","msg":"hello"}'] }] },
      { fields: [{ name: 'trace', values: [fixtureText('openzipkin-zipkin_skew.json')] }] },
    ]);
    expect(traces(result)[0].spans).toHaveLength(4);
    expect(result.ok && result.notes).toEqual([
      '1 frame without a trace ignored (frame 1 (logs): Unrecognised trace JSON: expected Jaeger ({data:[trace]} or {traceID, spans, processes}), Zipkin v2 (a span array) or OTLP (resourceSpans or bat).',
    ]);
  });

  it('fails with the reason when no frame holds a trace', () => {
    const result = normaliseFrames([{ fields: [{ name: 'line', values: ['{"level":"info"}'] }] }]);
    expect(!result.ok && result.error).toMatch(/^Unrecognised trace JSON: .* got an object with keys level\.$/);
  });
});

describe('errors, absurd times, deep values', () => {
  it('an OTLP span with attribute error=true and no status is an error; an explicit OK status wins', () => {
    const text = otlpLine('s', [
      span('b7ad6b7169203331', undefined, '1', '2', { attributes: [{ key: 'error', value: { boolValue: true } }] }),
      span('00f067aa0ba902b7', 'b7ad6b7169203331', '1', '2', { attributes: [{ key: 'error', value: { stringValue: 'true' } }] }),
      span('00f067aa0ba902b8', 'b7ad6b7169203331', '1', '2', { attributes: [{ key: 'error', value: { boolValue: true } }], status: { code: 1 } }),
    ]);
    const [t] = traces(normaliseText(text));
    expect(t.spans.map((s) => s.status)).toEqual(['error', 'error', 'ok']);
    expect(t.errorCount).toBe(2);
  });

  it('flags start times of ±1e300 µs with a warning and places them at the parent start, never "Invalid date"', () => {
    const jaeger = {
      traceID: 't',
      processes: { p: { serviceName: 's' } },
      spans: [
        { traceID: 't', spanID: 'r', operationName: 'root', processID: 'p', startTime: 1_700_000_000_000_000, duration: 1000 },
        { traceID: 't', spanID: 'a', operationName: 'far', processID: 'p', startTime: 1e300, duration: 10, references: [{ refType: 'CHILD_OF', spanID: 'r' }] },
        { traceID: 't', spanID: 'b', operationName: 'past', processID: 'p', startTime: -1e300, duration: 1e300, references: [{ refType: 'CHILD_OF', spanID: 'r' }] },
      ],
    };
    const [t] = traces(normaliseText(JSON.stringify(jaeger)));
    expect(t.spans.map((s) => [s.spanId, s.startMs, s.durationMs])).toEqual([
      ['r', 1_700_000_000_000, 1],
      ['a', 1_700_000_000_000, 0.01],
      ['b', 1_700_000_000_000, 0],
    ]);
    expect(t.spans[1].builderWarnings).toEqual(["Start time 1e+297 ms since 1970 is beyond the dates a clock can show; shown at its parent's start."]);
    expect(t.spans[2].builderWarnings).toEqual([
      'Duration 1e+297 ms is beyond any real span; shown as 0.',
      "Start time -1e+297 ms since 1970 is beyond the dates a clock can show; shown at its parent's start.",
    ]);
    expect(t.warnings).toEqual(["3 span times were beyond any date (e.g. ±1e300 µs): shown at the parent's start, with a warning on the span."]);
    expect(t.issues.repaired).toBe(2);
    expect(new Date(t.endMs).toISOString()).toBe('2023-11-14T22:13:20.001Z');
  });

  it('reads 100,000-deep nested JSON without overflowing the stack, with a clear message', () => {
    const d = 100_000;
    expect(normaliseText('{"result":'.repeat(d) + '1' + '}'.repeat(d))).toEqual({
      ok: false,
      error: 'Unrecognised trace JSON: expected Jaeger ({data:[trace]} or {traceID, spans, processes}), Zipkin v2 (a span array) or OTLP (resourceSpans or batches), got an object with keys result.',
    });
    const deepTag = JSON.stringify({ traceID: 't', processes: { p: { serviceName: 's' } }, spans: [{ spanID: 'a', startTime: 1, duration: 1, processID: 'p', tags: [{ key: 'x', value: 0 }] }] }).replace(
      '"value":0',
      `"value":${'['.repeat(d)}${']'.repeat(d)}`
    );
    const [t] = traces(normaliseText(deepTag));
    expect(t.spans[0].attributes).toEqual([{ key: 'x', value: '(value nested more than 64 levels deep: not shown)' }]);
  });
});

describe('long attribute values', () => {
  const big = 'x'.repeat(5_000_000);
  const text = JSON.stringify({
    traceID: 't',
    processes: { p: { serviceName: 's', tags: [{ key: 'host', value: 'h' }] } },
    spans: [{ traceID: 't', spanID: 'a', operationName: 'op', processID: 'p', startTime: 1, duration: 1, tags: [{ key: 'short', value: 'ok' }, { key: 'payload', value: big }] }],
  });

  it('reach the detail cut to 4,096 characters, counted, and whole on request', () => {
    const engine = new TraceEngine();
    engine.handle({ type: 'load', frames: [{ fields: [{ name: 'trace', values: [text] }] }] });
    const detail = engine.handle({ type: 'detail', span: 0 });
    expect(detail.truncatedValues).toBe(1);
    expect(detail.span.attributes.map((a) => [a.key, String(a.value).length, a.fullLength])).toEqual([
      ['short', 2, undefined],
      ['payload', 4096, 5_000_000],
    ]);
    expect(engine.handle({ type: 'value', span: 0, at: { section: 'attributes', index: 1 } })).toBe(big);
    expect(() => engine.handle({ type: 'value', span: 0, at: { section: 'event', event: 0, index: 0 } })).toThrow('There is no such value in span number 0.');
    expect(engine.handle({ type: 'labels', key: 'payload' })[0]).toHaveLength(201);
  });
});
