import fc from 'fast-check';
import { buildTrace } from './buildTrace';
import { toColumns } from './columns';
import { normaliseFrames, normaliseText } from './normalise';
import { buildRows, keepWithAncestors } from './rows';
import { adjustClockSkew } from './skew';
import { selfTimes } from './stats';
import { makeSpan } from './testFixtures';

// Small id pools make duplicates, self-parents, cycles and orphans likely.
const id = fc.constantFrom('1', '2', '3', '4', '5', '6', 'x');
const time = fc.oneof(fc.double({ min: -1e3, max: 1e6 }), fc.constant(NaN), fc.constant(Infinity));
const rawSpan = fc.record({
  spanId: id,
  parentSpanId: fc.option(id, { nil: undefined }),
  service: fc.constantFrom('a', 'b', 'c'),
  startMs: time,
  durationMs: time,
  kind: fc.constantFrom('client', 'server', 'internal', 'unspecified') as fc.Arbitrary<'client' | 'server' | 'internal' | 'unspecified'>,
  shared: fc.boolean(),
});

describe('properties', () => {
  it('the tree builder never throws, keeps every span once, and its subtree ranges are consistent', () => {
    fc.assert(
      fc.property(fc.array(rawSpan, { maxLength: 40 }), (specs) => {
        const trace = buildTrace('t', specs.map((s) => makeSpan(s)));
        expect(trace.spans).toHaveLength(specs.length);
        trace.spans.forEach((s, i) => {
          expect(s.index).toBe(i);
          expect(s.subtreeEnd).toBeGreaterThan(i);
          expect(Number.isFinite(s.startMs) && Number.isFinite(s.durationMs) && s.durationMs >= 0).toBe(true);
          if (s.parent >= 0) {
            expect(s.parent).toBeLessThan(i);
            expect(trace.spans[s.parent].subtreeEnd).toBeGreaterThanOrEqual(s.subtreeEnd);
            expect(s.depth).toBe(trace.spans[s.parent].depth + 1);
          }
        });
      })
    );
  });

  it('visible + hidden spans = total, for any collapse state and filter', () => {
    fc.assert(
      fc.property(fc.array(rawSpan, { minLength: 1, maxLength: 40 }), fc.array(fc.boolean()), fc.array(fc.boolean()), (specs, coll, match) => {
        const cols = toColumns(buildTrace('t', specs.map((s) => makeSpan(s))));
        const collapsed = Uint8Array.from({ length: cols.count }, (_, i) => (coll[i] ? 1 : 0));
        const mask = Uint8Array.from({ length: cols.count }, (_, i) => (match[i] ? 1 : 0));
        for (const keep of [undefined, keepWithAncestors(cols, mask)]) {
          const rows = buildRows(cols, collapsed, keep);
          expect(rows.visibleSpans + rows.prunedHidden + rows.collapsedHidden).toBe(cols.count);
          const spanRows = Array.from(rows.items).filter((i) => i >= 0).length;
          expect(spanRows).toBe(rows.visibleSpans);
          expect(Array.from(rows.placeholderCount).reduce((a, b) => a + b, 0)).toBe(rows.prunedHidden);
        }
      })
    );
  });

  it('clock-skew adjustment keeps span count and tree shape, moves each span by its shift, never mutates its input', () => {
    fc.assert(
      fc.property(fc.array(rawSpan, { maxLength: 40 }), (specs) => {
        const recorded = buildTrace('t', specs.map((s) => makeSpan({ ...s, events: [{ timeMs: 1, name: 'e', attributes: [] }] })));
        const before = JSON.stringify(recorded);
        const adjusted = adjustClockSkew(recorded);
        expect(JSON.stringify(recorded)).toBe(before);
        expect(adjusted.spans).toHaveLength(recorded.spans.length);
        const shape = (t: typeof recorded) => t.spans.map((s) => [s.spanId, s.index, s.parent, s.depth, s.subtreeEnd, s.childCount, s.durationMs]);
        expect(shape(adjusted)).toEqual(shape(recorded));
        adjusted.spans.forEach((s, i) => {
          const r = recorded.spans[i];
          // === so that -0 and 0 (a recorded -0 start plus no shift) count as the same time.
          expect(s.startMs === r.startMs + r.skewShiftMs).toBe(true);
          expect(s.events[0].timeMs === 1 + r.skewShiftMs).toBe(true);
        });
        const cols = toColumns(adjusted);
        expect(cols.count).toBe(recorded.spans.length);
        expect(buildRows(cols, new Uint8Array(cols.count)).visibleSpans).toBe(cols.count);
      })
    );
  });

  it('self time is the duration minus the union of the children inside it, in whatever order adjusting left them', () => {
    fc.assert(
      fc.property(fc.array(rawSpan, { maxLength: 30 }), (specs) => {
        const cols = toColumns(adjustClockSkew(buildTrace('t', specs.map((s) => makeSpan(s)))));
        const self = selfTimes(cols);
        for (let p = 0; p < cols.count; p++) {
          // Brute force: clip, sort, merge.
          const ps = cols.start[p];
          const pe = ps + cols.duration[p];
          const parts: Array<[number, number]> = [];
          for (let k = p + 1; k < cols.subtreeEnd[p]; k = cols.subtreeEnd[k]) {
            parts.push([Math.max(cols.start[k], ps), Math.min(cols.start[k] + cols.duration[k], pe)]);
          }
          parts.sort((a, b) => a[0] - b[0]);
          let covered = 0;
          let end = -Infinity;
          for (const [a, b] of parts) {
            const from = Math.max(a, end);
            covered += b > from ? b - from : 0;
            end = Math.max(end, b);
          }
          expect(self[p]).toBeCloseTo(Math.max(0, cols.duration[p] - covered), 6);
        }
      })
    );
  });

  it('the text converters never throw on any JSON', () => {
    fc.assert(
      fc.property(fc.json(), (text) => {
        const result = normaliseText(text);
        expect(typeof result.ok).toBe('boolean');
      }),
      { numRuns: 300 }
    );
  });

  it('never throws on span-shaped records with wrong types (Jaeger, Zipkin, OTLP, frames)', () => {
    const anyValue = fc.oneof(fc.string(), fc.integer(), fc.double(), fc.boolean(), fc.constant(null), fc.array(fc.string(), { maxLength: 2 }));
    const jaegerish = fc.record({ traceID: anyValue, spanID: anyValue, startTime: anyValue, duration: anyValue, references: anyValue, tags: anyValue, logs: anyValue, processID: anyValue });
    const zipkinish = fc.record({ traceId: fc.oneof(fc.string(), anyValue), id: fc.oneof(fc.string(), anyValue), parentId: anyValue, timestamp: anyValue, duration: anyValue, tags: anyValue, shared: anyValue, kind: anyValue });
    const otlpish = fc.record({ traceId: anyValue, spanId: anyValue, parentSpanId: anyValue, startTimeUnixNano: anyValue, endTimeUnixNano: anyValue, kind: anyValue, attributes: anyValue, events: anyValue, links: anyValue, status: anyValue });
    fc.assert(
      fc.property(fc.array(jaegerish, { maxLength: 5 }), fc.array(zipkinish, { minLength: 1, maxLength: 5 }), fc.array(otlpish, { maxLength: 5 }), (j, z, o) => {
        const results = [
          normaliseText(JSON.stringify({ data: [{ traceID: 't', spans: j, processes: {} }] })),
          normaliseText(JSON.stringify(z)),
          normaliseText(JSON.stringify({ resourceSpans: [{ resource: {}, scopeSpans: [{ spans: o }] }] })),
          normaliseFrames([{ fields: [{ name: 'spanID', values: j.map((s) => s.spanID) }, { name: 'startTime', values: j.map((s) => s.startTime) }, { name: 'tags', values: j.map((s) => s.tags) }] }]),
        ];
        for (const r of results) {
          expect(r.ok || (typeof r.error === 'string' && r.error.length > 0)).toBe(true);
        }
      }),
      { numRuns: 200 }
    );
  });
});
