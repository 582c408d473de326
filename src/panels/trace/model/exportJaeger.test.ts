import { toJaegerJson } from './exportJaeger';
import { istioExtras } from './istioExtras';
import { normaliseFrames } from './normalise';
import { fixtureText } from './testFixtures';
import { type Trace } from './types';

function read(text: string): Trace {
  const r = normaliseFrames([{ name: 'f', length: 1, fields: [{ name: 'trace', values: [text] }] }]);
  if (!r.ok) {
    throw new Error(r.error);
  }
  return r.traces[0];
}

const shape = (t: Trace) =>
  t.spans.map((s) => [
    s.spanId,
    s.parent,
    s.service,
    s.operation,
    s.kind,
    s.status,
    Math.round(s.startMs * 1000),
    Math.round(s.durationMs * 1000),
  ]);

test.each(['kiali-kiali_responseTrace.json', 'jaegertracing-jaeger-ui_genaiTestTrace.json'])(
  'the exported Jaeger JSON of %s reads back as the same trace, every attribute kept',
  (file) => {
    const trace = read(fixtureText(file));
    const back = read(toJaegerJson(trace));
    expect(shape(back)).toEqual(shape(trace));
    const kv = (a: { key: string; value: unknown }) => ({ key: a.key, value: a.value });
    trace.spans.forEach((s, i) =>
      expect(back.spans[i].attributes.map(kv)).toEqual(expect.arrayContaining(s.attributes.map(kv)))
    );
  }
);

test("Zipkin's shared client/server halves keep their one span id: the spans and times round-trip, the tree cannot", () => {
  const trace = read(fixtureText('openzipkin-zipkin_yelp.json'));
  const back = read(toJaegerJson(trace));
  const noParent = (t: Trace) => shape(t).map(([id, , ...rest]) => [id, ...rest]);
  expect(noParent(back)).toEqual(noParent(trace));
  // The 6 children of a server half are re-parented to the id's first span, the client half (Jaeger JSON cannot say which half).
  expect(shape(back).filter((row, i) => row[1] !== shape(trace)[i][1])).toHaveLength(6);
});

test('the Kiali trace exports as Jaeger JSON: µs times, one process per service, typed tags', () => {
  const parsed = JSON.parse(toJaegerJson(read(fixtureText('kiali-kiali_responseTrace.json'))));
  const t = parsed.data[0];
  expect(t.spans).toHaveLength(8);
  expect(
    Object.values(t.processes)
      .map((p) => (p as { serviceName: string }).serviceName)
      .sort()
  ).toEqual([
    'details.bookinfo',
    'istio-ingressgateway.istio-system',
    'productpage.bookinfo',
    'ratings.bookinfo',
    'reviews.bookinfo',
  ]);
  expect(t.spans[0]).toMatchObject({
    operationName: 'productpage.bookinfo.svc.cluster.local:9080/productpage',
    references: [],
  });
  expect(t.spans[0].tags).toContainEqual({ key: 'span.kind', type: 'string', value: 'client' });
});

test('Istio extras per span index: overhead on the four client spans, no retries', () => {
  const trace = read(fixtureText('kiali-kiali_responseTrace.json'));
  const x = istioExtras(trace);
  const withOverhead = [...x.overheadMs.keys()].filter((i) => !Number.isNaN(x.overheadMs[i]));
  expect(withOverhead.map((i) => [trace.spans[i].kind, trace.spans[x.serverOf[i]].kind])).toEqual([
    ['client', 'server'],
    ['client', 'server'],
    ['client', 'server'],
    ['client', 'server'],
  ]);
  expect(x.hops).toHaveLength(4);
  expect(x.retries).toEqual([]);
  expect([...x.retryOf]).toEqual(Array(8).fill(-1));
});
