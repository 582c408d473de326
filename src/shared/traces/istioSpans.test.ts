import { normaliseFrames } from '../../panels/trace/model/normalise';
import { fixtureText } from '../../panels/trace/model/testFixtures';
import { type Span } from '../../panels/trace/model/types';
import { decodeResponseFlags } from './envoyFlags';
import { hopStatistics, retryGroups, sidecarOverheads, type HopSpanInput } from './istioSpans';

/** Kiali's real Istio Bookinfo trace (Tempo OTLP JSON), read by the trace panel's model: spans in tree order. */
function bookinfo(): Span[] {
  const text = fixtureText('kiali-kiali_responseTrace.json');
  const r = normaliseFrames([{ name: 'kiali', length: 1, fields: [{ name: 'trace', values: [text] }] }]);
  if (!r.ok) {
    throw new Error(r.error);
  }
  return [...r.traces[0].spans];
}

const round = (ms: number) => Math.round(ms * 1000) / 1000;

test("sidecar overhead per hop of the real Bookinfo trace: client span minus the next hop's server span", () => {
  const spans = bookinfo();
  const o = sidecarOverheads(spans);
  expect(
    o.map((h) => [spans[h.client].service, spans[h.server].service, spans[h.client].operation, round(h.overheadMs)])
  ).toEqual([
    [
      'istio-ingressgateway.istio-system',
      'productpage.bookinfo',
      'productpage.bookinfo.svc.cluster.local:9080/productpage',
      0.493,
    ],
    ['productpage.bookinfo', 'details.bookinfo', 'details.bookinfo.svc.cluster.local:9080/*', 0.429],
    ['productpage.bookinfo', 'reviews.bookinfo', 'reviews.bookinfo.svc.cluster.local:9080/*', 0.482],
    ['reviews.bookinfo', 'ratings.bookinfo', 'ratings.bookinfo.svc.cluster.local:9080/*', 0.416],
  ]);
  expect(
    hopStatistics(spans, o).map((s) => [
      s.from,
      s.to,
      s.calls,
      round(s.totalMs),
      round(s.meanMs),
      round(s.maxMs),
      round(s.shareOfClient),
    ])
  ).toEqual([
    ['istio-ingressgateway.istio-system', 'productpage.bookinfo', 1, 0.493, 0.493, 0.493, 0.041],
    ['productpage.bookinfo', 'reviews.bookinfo', 1, 0.482, 0.482, 0.482, 0.177],
    ['productpage.bookinfo', 'details.bookinfo', 1, 0.429, 0.429, 0.429, 0.322],
    ['reviews.bookinfo', 'ratings.bookinfo', 1, 0.416, 0.416, 0.416, 0.49],
  ]);
  // Nothing in it was retried.
  expect(retryGroups(spans)).toEqual([]);
});

test('a failed attempt (UF, 503) before the successful call to details is grouped as a retry', () => {
  const spans: HopSpanInput[] = bookinfo();
  const call = spans.findIndex((s) => s.operation.startsWith('details.') && s.kind === 'client');
  const failedAttempt: HopSpanInput = {
    ...spans[call],
    startMs: spans[call].startMs - 2,
    durationMs: 1.5,
    status: 'error',
    attributes: spans[call].attributes.map((a) =>
      a.key === 'response_flags'
        ? { key: a.key, value: 'UF,URX' }
        : a.key === 'http.status_code'
          ? { key: a.key, value: '503' }
          : a
    ),
  };
  const withRetry = [...spans, failedAttempt];
  expect(retryGroups(withRetry)).toEqual([
    {
      parent: spans[call].parent,
      operation: 'details.bookinfo.svc.cluster.local:9080/*',
      peer: 'outbound|9080||details.bookinfo.svc.cluster.local',
      attempts: [spans.length, call],
      succeeded: true,
    },
  ]);
  // Two successful overlapping calls to the same peer are fan-out, not retries.
  const fanOut = [...spans, { ...spans[call], startMs: spans[call].startMs + 0.1 }];
  expect(retryGroups(fanOut)).toEqual([]);
  // An explicit attempt marker groups them whatever their outcome.
  const marked = [
    ...spans,
    { ...spans[call], attributes: [...spans[call].attributes, { key: 'http.request.resend_count', value: 1 }] },
  ];
  expect(retryGroups(marked).map((g) => g.attempts.length)).toEqual([2]);
});

test("Envoy's response flags decoded, unknown codes kept and marked", () => {
  expect(decodeResponseFlags('-')).toEqual([]);
  expect(decodeResponseFlags(undefined)).toEqual([]);
  expect(decodeResponseFlags('UH')).toEqual([
    { code: 'UH', meaning: 'No healthy upstream hosts in the upstream cluster (503).', known: true },
  ]);
  expect(decodeResponseFlags('UF, URX,ZZ').map((f) => [f.code, f.known])).toEqual([
    ['UF', true],
    ['URX', true],
    ['ZZ', false],
  ]);
  expect(
    ['UF', 'UH', 'URX', 'NR', 'DC', 'UO', 'UT', 'LR', 'RL', 'UAEX'].map(
      (c) => decodeResponseFlags(c)[0].meaning.length > 0
    )
  ).toEqual(Array(10).fill(true));
});

test("the simulator's Bookinfo traces: every proxied hop costs the simulator's 0.6 ms (300 µs each way)", async () => {
  const { Mesh } = await import('../../../simulator/engine/mesh');
  const { seededRandom } = await import('../../../simulator/model/random');
  const { bookinfo: topology } = await import('../../../simulator/topology/bookinfo');
  const { buildTrace } = await import('../../../simulator/traces/build');
  const mesh = new Mesh(topology());
  const ingress = mesh.findWorkload('istio-ingressgateway')!;
  const random = seededRandom(7);
  const all: number[] = [];
  let calls = 0;
  for (let i = 0; i < 40; i++) {
    const sim = buildTrace(mesh, ingress, 1_700_000_000_000 + i * 1000, random).spans;
    const index = new Map(sim.map((s, k) => [s.spanId, k]));
    const spans: HopSpanInput[] = sim.map((s) => ({
      parent: s.parentSpanId ? (index.get(s.parentSpanId) ?? -1) : -1,
      kind: s.kind,
      service: s.service,
      operation: s.operation,
      startMs: s.startUs / 1000,
      durationMs: s.durationUs / 1000,
      status: s.error ? 'error' : 'unset',
      attributes: Object.entries(s.tags).map(([key, value]) => ({ key, value })),
    }));
    calls += spans.filter((s) => s.kind === 'server').length;
    all.push(...sidecarOverheads(spans).map((o) => round(o.overheadMs)));
  }
  // Every server span (a call that reached a sidecar) pairs with its caller's client span: 177 hops in 40 traces.
  expect(calls).toBe(177);
  expect(all).toHaveLength(177);
  expect(new Set(all)).toEqual(new Set([0.6]));
});
