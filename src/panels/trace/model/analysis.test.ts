import { serviceCallGraph } from './callGraph';
import { FLAG_CRITICAL, indexOfSpanId, spanIdAt, toColumns } from './columns';
import { buildTrace } from './buildTrace';
import { filterSpans, findSpans, parseFind } from './find';
import { normaliseText } from './normalise';
import { buildRows, collapseAll, collapseOneLevel, expandOneLevel, keepWithAncestors, revealSpan } from './rows';
import { selfTimes, traceStatistics } from './stats';
import { fixtureText, makeSpan } from './testFixtures';

// root 0..100 (front) -> a 10..40 (back) -> a1 15..20 (db); root -> b 50..90 (back, error); root -> c 95..130 (back, outlives root)
const trace = buildTrace('t', [
  makeSpan({ spanId: 'root', service: 'front', startMs: 0, durationMs: 100, attributes: [{ key: 'http.url', value: '/home' }] }),
  makeSpan({ spanId: 'b', parentSpanId: 'root', service: 'back', startMs: 50, durationMs: 40, status: 'error', kind: 'server' }),
  makeSpan({ spanId: 'a', parentSpanId: 'root', service: 'back', startMs: 10, durationMs: 30, operation: 'GET /items' }),
  makeSpan({ spanId: 'a1', parentSpanId: 'a', service: 'db', startMs: 15, durationMs: 5, attributes: [{ key: 'db.statement', value: 'SELECT 1' }] }),
  makeSpan({ spanId: 'c', parentSpanId: 'root', service: 'back', startMs: 95, durationMs: 35 }),
]);
const cols = toColumns(trace);
const ids = (idx: ArrayLike<number>) => Array.from(idx, (i) => spanIdAt(cols.spanIds, i));

describe('tree order and rows', () => {
  it('orders depth-first with children by start', () => {
    expect(ids([0, 1, 2, 3, 4])).toEqual(['root', 'a', 'a1', 'b', 'c']);
    expect(Array.from(cols.subtreeEnd)).toEqual([5, 3, 3, 4, 5]);
  });

  it('collapses all, one level, and reveals a span', () => {
    const all = collapseAll(cols);
    expect(ids(buildRows(cols, all).items)).toEqual(['root']);
    const oneUp = expandOneLevel(cols, all);
    expect(ids(buildRows(cols, oneUp).items)).toEqual(['root', 'a', 'b', 'c']);
    const oneDown = collapseOneLevel(cols, new Uint8Array(cols.count));
    expect(Array.from(oneDown)).toEqual([0, 1, 0, 0, 0]);
    const revealed = revealSpan(cols, all, 2);
    expect(ids(buildRows(cols, revealed).items)).toEqual(['root', 'a', 'a1', 'b', 'c']);
  });

  it('prunes non-matching subtrees into "N spans hidden" placeholders and accounts for every span', () => {
    const match = new Uint8Array(cols.count);
    match[2] = 1; // a1
    const keep = keepWithAncestors(cols, match);
    const rows = buildRows(cols, new Uint8Array(cols.count), keep);
    expect(Array.from(rows.items)).toEqual([0, 1, 2, -1]);
    expect(rows.placeholderCount[0]).toBe(2); // b and c merged
    expect(rows.placeholderErrors[0]).toBe(1);
    expect(rows.visibleSpans + rows.prunedHidden + rows.collapsedHidden).toBe(cols.count);
  });
});

describe('critical path, self time, statistics, call graph', () => {
  it('follows the last-finishing children back from the end, clipping children to the parent', () => {
    const onPath = ids(Array.from({ length: cols.count }, (_, i) => i).filter((i) => cols.flags[i] & FLAG_CRITICAL));
    expect(onPath.sort()).toEqual(['a', 'a1', 'b', 'c', 'root']);
    const segs: string[] = [];
    for (let k = 0; k < cols.criticalSegments.length; k += 3) {
      segs.push(`${spanIdAt(cols.spanIds, cols.criticalSegments[k])}:${cols.criticalSegments[k + 1]}-${cols.criticalSegments[k + 2]}`);
    }
    expect(segs.sort()).toEqual(['a1:15-20', 'a:10-15', 'a:20-40', 'b:50-90', 'c:95-100', 'root:0-10', 'root:40-50', 'root:90-95']);
  });

  it('computes self time as duration minus the union of children inside the span', () => {
    expect(Array.from(selfTimes(cols))).toEqual([100 - 30 - 40 - 5, 25, 5, 40, 35]);
  });

  it('groups statistics by service and by operation', () => {
    const byService = traceStatistics(cols, 'service');
    const back = byService.find((r) => r.service === 'back')!;
    expect(back).toMatchObject({ count: 3, totalMs: 105, minMs: 30, maxMs: 40, errors: 1 });
    expect(traceStatistics(cols, 'operation').find((r) => r.operation === 'GET /items')).toMatchObject({ count: 1, selfTotalMs: 25 });
  });

  it('builds the service call graph with counts', () => {
    const g = serviceCallGraph(cols);
    expect(g.edges.map((e) => `${e.source}>${e.target}:${e.calls}`)).toEqual(['front>back:3', 'back>db:1']);
    expect(g.nodes.find((n) => n.service === 'back')).toEqual({ service: 'back', spans: 3, errors: 1 });
  });

  it('builds the call graph of the 1,041-span Zipkin trace (its critical path: criticalPath.test.ts)', () => {
    const result = normaliseText(fixtureText('openzipkin-zipkin_smartthings-mobile-web-install.json'));
    const big = result.ok ? toColumns(result.traces[0]) : undefined;
    expect(serviceCallGraph(big!).nodes.reduce((a, n) => a + n.spans, 0)).toBe(1041);
  });
});

describe('find (Jaeger semantics) and filters', () => {
  it('parses quoted phrases and -key exclusions', () => {
    expect(parseFind('GET "select 1" -HTTP.url')).toEqual({ terms: ['get', 'select 1'], excludeKeys: ['http.url'] });
  });

  it.each([
    ['items', ['a']],
    ['db', ['a1']],
    ['db.statement=select', ['a1']],
    ['"select 1"', ['a1']],
    ['home', ['root']],
    ['home -http.url', []],
    // Jaeger: `-key` skips every key that contains it, in any case.
    ['home -HTTP', []],
    ['home -url', []],
    ['home -http.urls', ['root']],
    ['a1', ['a1']],
    ['front db', ['root', 'a1']],
  ])('"%s" matches %j', (text, expected) => {
    expect(ids(findSpans(trace, text))).toEqual(expected);
  });

  it('applies structured filters together', () => {
    expect(ids(indexOf(filterSpans(trace, { services: ['back'], minDurationMs: 31 })))).toEqual(['b', 'c']);
    expect(ids(indexOf(filterSpans(trace, { errorsOnly: true })))).toEqual(['b']);
    expect(ids(indexOf(filterSpans(trace, { kinds: ['server'] })))).toEqual(['b']);
    expect(ids(indexOf(filterSpans(trace, { attributeKey: 'db.statement', attributeValue: 'select' })))).toEqual(['a1']);
  });
});

function indexOf(mask: Uint8Array): number[] {
  return Array.from(mask, (v, i) => (v ? i : -1)).filter((i) => i >= 0);
}

describe('span id table', () => {
  it('packs ids of any length and content, finds the first of duplicates, and -1 for a missing or partial id', () => {
    const t = toColumns(buildTrace('t', ['ab', 'c', 'ab', 'ĉ"<x>', 'abc'].map((id, k) => makeSpan({ spanId: id, startMs: k })))).spanIds;
    // All roots, so tree order is start order: the input order.
    expect(Array.from(t.ends, (_, i) => spanIdAt(t, i))).toEqual(['ab', 'c', 'ab', 'ĉ"<x>', 'abc']);
    expect(indexOfSpanId(t, 'ab')).toBe(0);
    expect(indexOfSpanId(t, 'ĉ"<x>')).toBe(3);
    expect(indexOfSpanId(t, 'abc')).toBe(4);
    expect(indexOfSpanId(t, 'b')).toBe(-1);
    expect(indexOfSpanId(t, 'abcd')).toBe(-1);
  });
});

describe('critical segments by span', () => {
  it('lists exactly each span’s own segments, for the rows to draw', () => {
    const { offsets, order } = cols.criticalBySpan;
    for (let i = 0; i < cols.count; i++) {
      const mine = Array.from(order.subarray(offsets[i], offsets[i + 1]), (k) => cols.criticalSegments[k]);
      const expected = Array.from({ length: cols.criticalSegments.length / 3 }, (_, j) => cols.criticalSegments[j * 3]).filter((s) => s === i);
      expect(mine).toEqual(expected);
    }
    expect(offsets[cols.count]).toBe(cols.criticalSegments.length / 3);
  });
});
