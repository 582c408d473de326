import { toColumns, type TraceColumns } from './columns';
import { criticalPath } from './criticalPath';
import { TraceEngine } from './engine';
import { normaliseText } from './normalise';
import { adjustClockSkew } from './skew';
import { selfTimes, traceStatistics } from './stats';
import { fixtureText } from './testFixtures';
import { type Trace } from './types';

// skew.json (Zipkin): servicea's client half of 74280ae0c10d8062 starts at +3.134 ms into the root and lasts 94.539 ms;
// serviceb's server half of it was stamped 65.922 ms early, its async child with it. Adjusting centres the server
// half in the client half: (94.539 − 93.577) / 2 = 0.481 ms after the client starts, at +3.615 ms.
function skewTrace(): Trace {
  const result = normaliseText(fixtureText('openzipkin-zipkin_skew.json'));
  if (!result.ok) {
    throw new Error(result.error);
  }
  return result.traces[0];
}

const rootStart = (c: TraceColumns) => c.start[0];
/** Critical path as "span: from–to" in ms after the root span's start, rounded to µs. */
function path(c: TraceColumns): string[] {
  const r = (ms: number) => (Math.round((ms - rootStart(c)) * 1000) / 1000).toString();
  const out: string[] = [];
  for (let k = 0; k < c.criticalSegments.length; k += 3) {
    const i = c.criticalSegments[k];
    out.push(`${c.services[c.service[i]]}/${c.operations[c.operation[i]]}: ${r(c.criticalSegments[k + 1])}–${r(c.criticalSegments[k + 2])}`);
  }
  return out.sort();
}

describe('clock-skew adjusted model (skew.json)', () => {
  const recorded = skewTrace();
  const adjusted = adjustClockSkew(recorded);
  const raw = toColumns(recorded);
  const adj = toColumns(adjusted);

  it('moves the skewed server half and its async child by 65.922 ms, and nothing else', () => {
    const moved = adjusted.spans.map((s, i) => Math.round((s.startMs - recorded.spans[i].startMs) * 1000) / 1000);
    expect(adjusted.spans.map((s) => `${s.service}/${s.operation}`)).toEqual(recorded.spans.map((s) => `${s.service}/${s.operation}`));
    expect(moved).toEqual([0, 0, 65.922, 65.922]);
    expect(adjusted.spans.map((s) => s.durationMs)).toEqual(recorded.spans.map((s) => s.durationMs));
    expect(adj.skewAdjusted).toBe(true);
    expect(raw.skewAdjusted).toBe(false);
  });

  it('never mutates the recorded trace, and adjusting twice changes nothing more', () => {
    const before = JSON.stringify(recorded);
    const again = adjustClockSkew(adjustClockSkew(recorded));
    expect(JSON.stringify(recorded)).toBe(before);
    expect(again.spans.map((s) => s.startMs)).toEqual(adjusted.spans.map((s) => s.startMs));
  });

  it('header duration: the recorded trace spans the early server half (161.718 ms), the adjusted one only the root (99.411 ms)', () => {
    expect(raw.summary.durationMs).toBeCloseTo(161.718, 3);
    expect(adj.summary.durationMs).toBeCloseTo(99.411, 3);
    expect(adj.summary.startMs).toBe(adj.start[0]);
  });

  it('critical path: recorded, the early server half is clipped at its caller (its async child falls outside); adjusted, inside the caller', () => {
    expect(path(raw)).toEqual([
      'servicea/get: 0–3.134',
      'servicea/get: 97.673–99.411',
      'servicea/post: 31.27–97.673',
      'serviceb/post: 3.134–31.27',
    ]);
    expect(path(adj)).toEqual([
      'servicea/get: 0–3.134',
      'servicea/get: 97.673–99.411',
      'servicea/post: 3.134–3.615',
      'servicea/post: 97.192–97.673',
      'serviceb/async: 3.616–68.616',
      'serviceb/post: 3.615–3.616',
      'serviceb/post: 68.616–97.192',
    ]);
    // Exactly the path of the adjusted times: start + shift.
    const shifted = raw.start.map((s, i) => s + raw.shift[i]);
    expect(Array.from(adj.criticalSegments)).toEqual(Array.from(criticalPath(shifted, raw.duration, raw.parent, raw.subtreeEnd)));
  });

  it('statistics: the client half covers only 28.136 ms of its 94.539 ms recorded, all but 0.962 ms adjusted', () => {
    const self = (c: TraceColumns) => Array.from(selfTimes(c), (v) => Math.round(v * 1000) / 1000);
    expect(self(raw)).toEqual([4.872, 66.403, 28.577, 65]);
    expect(self(adj)).toEqual([4.872, 0.962, 28.577, 65]);
    const a = (c: TraceColumns) => traceStatistics(c, 'service').find((r) => r.service === 'servicea')!;
    expect(a(raw).selfTotalMs).toBeCloseTo(71.275, 3);
    expect(a(adj).selfTotalMs).toBeCloseTo(5.834, 3);
    // Durations, counts and the other service do not move.
    expect(a(adj).totalMs).toBe(a(raw).totalMs);
    const b = (c: TraceColumns) => traceStatistics(c, 'service').find((r) => r.service === 'serviceb')!;
    expect(b(adj)).toEqual(b(raw));
  });
});

describe('engine: every answer follows the adjustSkew it was asked with', () => {
  const engine = new TraceEngine();
  const frames = [{ fields: [{ name: 'trace', values: [fixtureText('openzipkin-zipkin_skew.json')] }] }];

  it('loads adjusted when asked, and select switches model without changing span order', () => {
    const load = engine.handle({ type: 'load', frames, adjustSkew: true });
    expect(load.columns?.skewAdjusted).toBe(true);
    expect(load.columns?.summary.durationMs).toBeCloseTo(99.411, 3);
    const raw = engine.handle({ type: 'select', trace: 0, adjustSkew: false });
    expect(raw.skewAdjusted).toBe(false);
    expect(raw.spanIds).toEqual(load.columns?.spanIds);
  });

  it('stats and detail answer for the model the request names, whichever was selected last', () => {
    engine.handle({ type: 'select', trace: 0, adjustSkew: false });
    const selfA = (adjustSkew: boolean) => engine.handle({ type: 'stats', groupBy: 'service', adjustSkew }).find((r) => r.service === 'servicea')!.selfTotalMs;
    expect(selfA(true)).toBeCloseTo(5.834, 3);
    expect(selfA(false)).toBeCloseTo(71.275, 3);
    const server = (adjustSkew: boolean) => engine.handle({ type: 'detail', span: 2, adjustSkew });
    expect(server(true).span.startMs - server(false).span.startMs).toBeCloseTo(65.922, 3);
  });
});
