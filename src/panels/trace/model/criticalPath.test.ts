import { readFileSync } from 'fs';
import { join } from 'path';
import { buildTrace } from './buildTrace';
import { toColumns, type TraceColumns } from './columns';
import { normaliseText } from './normalise';
import { adjustClockSkew } from './skew';
import { fixtureText, makeSpan } from './testFixtures';
import { type RawSpan, type Trace } from './types';

// Jaeger UI's own CriticalPath code, run over the span trees this panel builds from every fixture (see `origin` inside).
const expected: { paths: Record<string, { recorded: string[]; adjusted: string[] }> } = JSON.parse(
  readFileSync(join(__dirname, '../../../../tests/fixtures/traces/critical-paths.expected.json'), 'utf8')
);

/** Sections as "spanId service/operation: from–to", ms after the first span's start, rounded to µs, in path order. */
function sections(trace: Trace, c: TraceColumns = toColumns(trace)): string[] {
  const rel = (ms: number) => String(Math.round((ms - c.start[0]) * 1000) / 1000);
  const out: string[] = [];
  for (let k = 0; k < c.criticalSegments.length; k += 3) {
    const s = trace.spans[c.criticalSegments[k]];
    out.push(`${s.spanId} ${s.service}/${s.operation}: ${rel(c.criticalSegments[k + 1])}–${rel(c.criticalSegments[k + 2])}`);
  }
  return out;
}

/** Per root: the sum of its path's sections (a root's sections are the ones walked from it, up to the next root's). */
function sumsPerRoot(c: TraceColumns): Array<{ sum: number; duration: number }> {
  // Each span's root, memoised along the walk (walking up from every section was quadratic on a 100,000-deep chain).
  const rootOf = new Int32Array(c.parent.length).fill(-1);
  const root = (span: number) => {
    const path: number[] = [];
    let r = span;
    while (rootOf[r] < 0 && c.parent[r] >= 0) {
      path.push(r);
      r = c.parent[r];
    }
    const found = rootOf[r] >= 0 ? rootOf[r] : r;
    path.forEach((v) => (rootOf[v] = found));
    rootOf[r] = found;
    return found;
  };
  const byRoot = new Map<number, number>();
  for (let k = 0; k < c.criticalSegments.length; k += 3) {
    const r = root(c.criticalSegments[k]);
    byRoot.set(r, (byRoot.get(r) ?? 0) + c.criticalSegments[k + 2] - c.criticalSegments[k + 1]);
  }
  return [...byRoot].map(([r, sum]) => ({ sum, duration: c.duration[r] }));
}

describe('critical path equals Jaeger UI on every real fixture', () => {
  const files = Object.keys(expected.paths);
  it('covers every fixture', () => {
    expect(files).toEqual([
      'jaegertracing-jaeger-ui_genaiTestTrace.json',
      'jaegertracing-jaeger_ui_01.json',
      'kiali-kiali_responseTrace.json',
      'openzipkin-zipkin_skew.json',
      'openzipkin-zipkin_smartthings-mobile-web-install.json',
      'openzipkin-zipkin_yelp.json',
    ]);
  });

  it.each(files)('%s: exact sections, recorded and clock-skew adjusted; each root path fits in its root', (file) => {
    const result = normaliseText(fixtureText(file));
    if (!result.ok) {
      throw new Error(result.error);
    }
    const recorded = result.traces[0];
    const adjusted = adjustClockSkew(recorded);
    expect(sections(recorded)).toEqual(expected.paths[file].recorded);
    expect(sections(adjusted)).toEqual(expected.paths[file].adjusted);
    for (const t of [recorded, adjusted]) {
      for (const { sum, duration } of sumsPerRoot(toColumns(t))) {
        expect(sum).toBeLessThanOrEqual(duration + 1e-9);
      }
    }
  });

  it('skew.json: the early server half is clipped at its caller, so the path is exactly the 99.411 ms root (was 164.85 ms)', () => {
    const result = normaliseText(fixtureText('openzipkin-zipkin_skew.json'));
    const trace = result.ok ? result.traces[0] : undefined;
    expect(sections(trace!)).toEqual([
      'bf396325699c84bf servicea/get: 97.673–99.411',
      '74280ae0c10d8062 servicea/post: 31.27–97.673',
      '74280ae0c10d8062 serviceb/post: 3.134–31.27',
      'bf396325699c84bf servicea/get: 0–3.134',
    ]);
    expect(sumsPerRoot(toColumns(trace!))[0].sum).toBeCloseTo(99.411, 3);
  });

  it('the 1,041-span Zipkin trace: 27 exact sections summing to the 36.713 ms root', () => {
    const file = 'openzipkin-zipkin_smartthings-mobile-web-install.json';
    const result = normaliseText(fixtureText(file));
    const c = result.ok ? toColumns(result.traces[0]) : undefined;
    expect(c?.count).toBe(1041);
    expect(sections(result.ok ? result.traces[0] : (undefined as never), c)).toEqual(expected.paths[file].recorded);
    expect(expected.paths[file].recorded).toHaveLength(27);
    expect(sumsPerRoot(c!)).toEqual([{ sum: expect.closeTo(36.713, 3), duration: expect.closeTo(36.713, 3) }]);
  });
});

describe('critical path rules', () => {
  const path = (spans: RawSpan[]) => sections(buildTrace('t', spans)).map((s) => s.replace(/ svc\/op-\w+/, ''));
  const root = makeSpan({ spanId: 'r', startMs: 10, durationMs: 100 });

  it('leaves out a consumer under a producer, with its subtree (the producer does not wait)', () => {
    expect(
      path([
        makeSpan({ ...root, kind: 'producer' }),
        makeSpan({ spanId: 'c', parentSpanId: 'r', kind: 'consumer', startMs: 60, durationMs: 50 }),
        makeSpan({ spanId: 'cc', parentSpanId: 'c', startMs: 70, durationMs: 10 }),
      ])
    ).toEqual(['r: 0–100']);
  });

  it('leaves out a FOLLOWS_FROM child (Jaeger query JSON)', () => {
    const jaeger = {
      traceID: 't',
      processes: { p: { serviceName: 'svc' } },
      spans: [
        { traceID: 't', spanID: 'r', operationName: 'root', processID: 'p', startTime: 10_000, duration: 100_000 },
        { traceID: 't', spanID: 'f', operationName: 'later', processID: 'p', startTime: 50_000, duration: 10_000, references: [{ refType: 'FOLLOWS_FROM', traceID: 't', spanID: 'r' }] },
        { traceID: 't', spanID: 'k', operationName: 'call', processID: 'p', startTime: 20_000, duration: 10_000, references: [{ refType: 'CHILD_OF', traceID: 't', spanID: 'r' }] },
      ],
    };
    const result = normaliseText(JSON.stringify(jaeger));
    expect(result.ok && sections(result.traces[0])).toEqual(['r svc/root: 20–100', 'k svc/call: 10–20', 'r svc/root: 0–10']);
  });

  it('clips children to the parent and drops those wholly outside it', () => {
    expect(
      path([
        root,
        makeSpan({ spanId: 'early', parentSpanId: 'r', startMs: 0, durationMs: 30 }), // 0..30 → 10..30
        makeSpan({ spanId: 'late', parentSpanId: 'r', startMs: 90, durationMs: 40 }), // 90..130 → 90..110
        makeSpan({ spanId: 'after', parentSpanId: 'r', startMs: 110, durationMs: 5 }), // at the end: dropped
      ])
    ).toEqual(['late: 80–100', 'r: 20–80', 'early: 0–20']);
  });

  it('walks back only to a child that ended strictly before the one it came back from started (Jaeger)', () => {
    // a ends exactly where b starts: Jaeger does not take a, the parent owns 10..50.
    expect(
      path([
        root,
        makeSpan({ spanId: 'a', parentSpanId: 'r', startMs: 20, durationMs: 40 }),
        makeSpan({ spanId: 'b', parentSpanId: 'r', startMs: 60, durationMs: 30 }),
      ])
    ).toEqual(['r: 80–100', 'b: 50–80', 'r: 0–50']);
  });

  it('is iterative: a 100,000-deep chain does not overflow the stack', () => {
    const n = 100_000;
    const spans = Array.from({ length: n }, (_, i) => makeSpan({ spanId: `s${i}`, parentSpanId: i ? `s${i - 1}` : undefined, startMs: i * 0.001, durationMs: 1000 - i * 0.002 }));
    const c = toColumns(buildTrace('t', spans));
    // Every span owns its head and tail slice except the innermost, which owns all of itself: 2n - 1 sections.
    expect(c.criticalSegments.length / 3).toBe(2 * n - 1);
    expect(sumsPerRoot(c)[0].sum).toBeCloseTo(1000, 6);
  });
});
