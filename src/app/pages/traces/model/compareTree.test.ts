import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { dataFrameFromJSON, type DataFrame, type DataFrameJSON } from '@grafana/data';
import { diffTraces } from './compareTree';

/** Kiali's real Bookinfo trace as Grafana's Tempo data source frames it (tests/fixtures/frames, derived). */
const bookinfo = (): DataFrame =>
  dataFrameFromJSON(
    (
      JSON.parse(
        readFileSync(join(__dirname, '../../../../../tests/fixtures/frames/bookinfo-trace.frames.json'), 'utf8')
      ) as DataFrameJSON[]
    )[0]
  );

/** The same frame with some rows dropped and some repeated (by row index). */
function reshaped(frame: DataFrame, rows: number[]): DataFrame {
  return {
    ...frame,
    length: rows.length,
    fields: frame.fields.map((f) => ({ ...f, values: rows.map((r) => f.values[r]) })),
  };
}

test('the Bookinfo trace against itself: every node in both, with equal counts', () => {
  const d = diffTraces(bookinfo(), bookinfo());
  expect(d.nodes.map((n) => `${'  '.repeat(n.depth)}${n.service} ${n.operation} ${n.countA}/${n.countB}`)).toEqual([
    'istio-ingressgateway.istio-system productpage.bookinfo.svc.cluster.local:9080/productpage 1/1',
    '  productpage.bookinfo productpage.bookinfo.svc.cluster.local:9080/productpage 1/1',
    '    productpage.bookinfo details.bookinfo.svc.cluster.local:9080/* 1/1',
    '      details.bookinfo details.bookinfo.svc.cluster.local:9080/* 1/1',
    '    productpage.bookinfo reviews.bookinfo.svc.cluster.local:9080/* 1/1',
    '      reviews.bookinfo reviews.bookinfo.svc.cluster.local:9080/* 1/1',
    '        reviews.bookinfo ratings.bookinfo.svc.cluster.local:9080/* 1/1',
    '          ratings.bookinfo ratings.bookinfo.svc.cluster.local:9080/* 1/1',
  ]);
  expect(d).toMatchObject({ onlyA: 0, onlyB: 0, changed: 0, unplacedA: 0, unplacedB: 0 });
  expect(d.nodes.map((n) => n.end)).toEqual([8, 8, 4, 4, 8, 8, 8, 8]);
});

test('B without the ratings call (reviews-v1) and with the details call twice: A only, changed counts', () => {
  // Rows: 0 ingress, 1 productpage server, 2 → reviews, 3 → details, 4 details server, 5 reviews server, 6 → ratings, 7 ratings server.
  const b = reshaped(bookinfo(), [0, 1, 2, 3, 3, 4, 5]);
  const d = diffTraces(bookinfo(), b);
  expect(d.nodes.map((n) => [n.operation, n.countA, n.countB, n.presence])).toEqual([
    ['productpage.bookinfo.svc.cluster.local:9080/productpage', 1, 1, 'both'],
    ['productpage.bookinfo.svc.cluster.local:9080/productpage', 1, 1, 'both'],
    ['details.bookinfo.svc.cluster.local:9080/*', 1, 2, 'both'],
    ['details.bookinfo.svc.cluster.local:9080/*', 1, 1, 'both'],
    ['reviews.bookinfo.svc.cluster.local:9080/*', 1, 1, 'both'],
    ['reviews.bookinfo.svc.cluster.local:9080/*', 1, 1, 'both'],
    ['ratings.bookinfo.svc.cluster.local:9080/*', 1, 0, 'a'],
    ['ratings.bookinfo.svc.cluster.local:9080/*', 1, 0, 'a'],
  ]);
  // The repeated row has the same span id: the details server span hangs under the first copy only.
  expect(d).toMatchObject({ onlyA: 2, onlyB: 0, changed: 1 });
});

test('a missing side compares as empty; spans in a parent cycle are counted, not placed', () => {
  expect(diffTraces(undefined, undefined)).toEqual({
    nodes: [],
    onlyA: 0,
    onlyB: 0,
    changed: 0,
    unplacedA: 0,
    unplacedB: 0,
  });
  const cyc = bookinfo();
  const parent = cyc.fields.find((f) => f.name === 'parentSpanID')!;
  // The ingress span's parent becomes the productpage server span: the two form a cycle with no root.
  const values = [...parent.values];
  values[0] = '84756b1dab0856fa';
  const b: DataFrame = { ...cyc, fields: cyc.fields.map((f) => (f === parent ? { ...f, values } : f)) };
  const d = diffTraces(bookinfo(), b);
  expect(d).toMatchObject({ unplacedA: 0, unplacedB: 8, onlyA: 8, onlyB: 0 });
});
