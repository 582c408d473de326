/**
 * The app pages' queries (overview, service page, workload page) wrapped by preferRecorded
 * (src/shared/istio/recordedSeries.ts) against two Prometheus servers scraping the same synthetic mesh
 * (tests/lib/istioFixture.ts, counters growing exactly linearly): one without MeshLens' recording rules, one with
 * them (the shipped rules with a 10 s window). Either way the wrapped queries give the raw queries' series and
 * values: with the rules from the recorded series (switch `off`, the raw side reads nothing), without them from the
 * raw series (switch `.*`). The switch value comes from RAW_SWITCH_PROBE, as the dashboards' `raw` variable's.
 */
// graphOptions (the Graph page's builder) loads @grafana/data, which needs a window.
import '../../bench/lib/meshgraph-globals';
import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { interpolate } from '../../dashboards-src/lib/interpolate';
import { graphTargets } from '../../src/app/pages/graph/model/graphOptions';
import { overviewDetailQueries, overviewQueries } from '../../src/app/pages/overview/model/overviewQueries';
import {
  detailErrorRate,
  detailInboundByPeer,
  detailLatencyQuantile,
  detailOutboundByPeer,
  detailRequestRate,
  detailTcpRate,
  type DetailTarget,
} from '../../src/shared/istio/appQueries';
import { preferRecorded, RAW_SWITCH_PROBE, RAW_SWITCH_VALUES } from '../../src/shared/istio/recordedSeries';
import { type RunningPrometheus } from '../lib/prometheus';
import { compare, instant, steadyInstant, type Sample } from './backendRun.lib';
import { startRecordedPair, type RecordedPair } from './recordedPair.lib';

const WINDOW = '10s';
const BUILTINS = { __rate_interval: WINDOW, __interval: '1s', __range: '20s' };
/** Rates of linear counters are exact; the recorded side averages 10 s rates, the raw side rates over the range. */
const TOLERANCE = 0.01;

let pair: RecordedPair;
let raw: RunningPrometheus;
let recorded: RunningPrometheus;
let at: number;

const service: DetailTarget = { kind: 'service', namespace: 'bookinfo', name: 'reviews' };
const workload: DetailTarget = { kind: 'workload', namespace: 'bookinfo', name: 'reviews-v2' };
const detail = (t: DetailTarget) => [
  detailRequestRate(t),
  detailErrorRate(t),
  detailLatencyQuantile(t, 0.5),
  detailLatencyQuantile(t, 0.95),
  detailInboundByPeer(t),
  detailOutboundByPeer(t),
  detailTcpRate(t, 'in'),
  detailTcpRate(t, 'out'),
];
const settings = { defaultNamespaces: [] };
/** The Graph page's (and the detail pages' own graph's) grouped queries, as its runner builds them before `$raw`. */
const GRAPH = graphTargets(['bookinfo', 'ambient-demo'], []).map((q) => ({ name: `graph ${q.refId}`, expr: interpolate(q.expr, {}, BUILTINS) }));
const QUERIES: Array<{ name: string; expr: string }> = [
  ...[...overviewQueries(settings), ...overviewDetailQueries(settings)]
    .filter((q) => q.instant)
    .map((q) => ({ name: `overview ${q.refId}`, expr: q.expr })),
  ...detail(service).map((expr, i) => ({ name: `service ${i}`, expr })),
  ...detail(workload).map((expr, i) => ({ name: `workload ${i}`, expr })),
].map((q) => ({ ...q, expr: interpolate(q.expr, {}, BUILTINS) })).concat(GRAPH);

/**
 * Kiali's labels, which the shared fixture leaves out, added to Istio's series here so the graph's label sets have
 * values to keep: canonical service and revision of both ends, principals, and Envoy's response flags (`UF` for
 * 5xx); one value per workload (or per code), as in a real mesh.
 */
function withKialiLabels(line: string): string {
  if (!/^istio_(requests|request_|response_|tcp_)/.test(line)) {
    return line;
  }
  const label = (name: string) => new RegExp(`[{,]${name}="([^"]*)"`).exec(line)?.[1] ?? '';
  const canonical = (w: string) => /^(.*)-(v\d+)$/.exec(w) ?? [w, w, 'latest'];
  const [, srcService, srcRevision] = canonical(label('source_workload'));
  const [, dstService, dstRevision] = canonical(label('destination_workload'));
  const principal = (w: string, ns: string) => `spiffe://cluster.local/ns/${ns}/sa/${w}`;
  const extra = [
    `source_canonical_service="${srcService}"`,
    `source_canonical_revision="${srcRevision}"`,
    `destination_canonical_service="${dstService}"`,
    `destination_canonical_revision="${dstRevision}"`,
    `source_principal="${principal(label('source_workload'), label('source_workload_namespace'))}"`,
    `destination_principal="${principal(label('destination_workload'), label('destination_workload_namespace'))}"`,
    `response_flags="${label('response_code').startsWith('5') ? 'UF' : '-'}"`,
  ];
  return line.replace('{', `{${extra.join(',')},`);
}
const WRAPPED = QUERIES.filter((q) => preferRecorded(q.expr, 'off') !== q.expr);

before(async () => {
  pair = await startRecordedPair(WINDOW, withKialiLabels);
  ({ raw, recorded } = pair);
  // Full windows: 20 s of recorded 10 s rates after the first full 10 s window.
  await new Promise((r) => setTimeout(r, 32_000));
  // The detail and graph queries read averages over the 20 s range.
  at = await steadyInstant(recorded.url, raw.url, WINDOW, Math.floor(Date.now() / 1000) - 2, BUILTINS.__range);
});

after(async () => {
  await pair?.stop();
});

async function result(base: string, expr: string): Promise<Sample[]> {
  const r = await instant(base, expr, at);
  assert.equal(r.status, 'success', `${expr}: ${r.error}`);
  return r.data!.result as Sample[];
}

async function switchValue(base: string): Promise<string> {
  const series = await result(base, RAW_SWITCH_PROBE);
  assert.equal(series.length, 1, 'the probe answers one series');
  return series[0].metric.raw;
}

/** Differences between the raw queries on the raw Prometheus and the wrapped ones on `base`, as readable lines. */
async function differences(base: string, value: string) {
  const problems: string[] = [];
  let series = 0;
  for (const q of QUERIES) {
    const c = compare(await result(raw.url, q.expr), await result(base, preferRecorded(q.expr, value)));
    series += c.series;
    if (c.onlyLeft.length + c.onlyRight.length > 0) {
      problems.push(`${q.name}: label sets differ: ${c.onlyLeft.slice(0, 2)} | ${c.onlyRight.slice(0, 2)}`);
    } else if (c.worst && c.worst.diff > TOLERANCE) {
      problems.push(`${q.name}: ${c.worst.left} vs ${c.worst.right} for ${c.worst.key}`);
    }
  }
  return { problems, series };
}

describe('app pages on the recorded series', () => {
  test('the probe picks the recorded series where the rules run and the raw ones where they do not', async () => {
    assert.equal(await switchValue(recorded.url), RAW_SWITCH_VALUES.recorded);
    assert.equal(await switchValue(raw.url), RAW_SWITCH_VALUES.raw);
  });

  test('every rate of the pages has a recorded family (labels kept: gRPC status, service name, canonical service)', () => {
    // Not wrapped: the overview's workload, service and inventory counts (group/count, no rate).
    assert.deepEqual(
      QUERIES.filter((q) => !WRAPPED.includes(q)).map((q) => q.name),
      [
        'overview workloads',
        'overview services',
        'overview inventory',
        'overview proxies',
        'overview deployments',
        // The graph's deployments (kube-state-metrics) and p95s (bucket increases: no recorded form).
        'graph kube_deployment_labels idle',
        'graph responseTime inbound 0',
        'graph responseTime outbound 2',
      ]
    );
    // Every other graph query reads a recorded family: requests and TCP with Kiali's labels, throughput, security.
    assert.equal(GRAPH.filter((q) => WRAPPED.includes(q)).length, 10);
    for (const q of WRAPPED) {
      // Every raw selector left carries the switch.
      assert.doesNotMatch(preferRecorded(q.expr, 'off'), /\(rate\([a-z_]+\{(?![^}]*meshlens_raw)/, `${q.name} reads raw only`);
    }
  });

  test('with the rules, the wrapped queries give the raw queries’ series and values from the recorded series', async () => {
    const { problems, series } = await differences(recorded.url, await switchValue(recorded.url));
    assert.deepEqual(problems, []);
    assert.ok(series > 0);
  });

  test('without the rules, the wrapped queries give the raw queries’ series and values', async () => {
    const { problems, series } = await differences(raw.url, await switchValue(raw.url));
    assert.deepEqual(problems, []);
    assert.ok(series > 0);
  });

  test('the fixture’s known rates, either way: reviews 18 rps, 1.08 rps of 5xx, TCP 20,000 B/s in and 8,000 B/s out', async () => {
    // productpage-v1 → reviews-v2: 18 rps, 6 % 500; TCP 5,000 B/s received + 15,000 B/s sent; reviews-v2 → mongodb
    // 2,000 + 6,000 B/s (tests/lib/istioFixture.ts).
    const expected: Array<[string, number]> = [
      [detailRequestRate(service), 18],
      [detailErrorRate(service), 1.08],
      [detailRequestRate(workload), 18],
      [detailTcpRate(workload, 'in'), 20_000],
      [detailTcpRate(workload, 'out'), 8_000],
    ];
    for (const base of [recorded.url, raw.url]) {
      const value = await switchValue(base);
      const got = [];
      for (const [expr] of expected) {
        const series = await result(base, preferRecorded(interpolate(expr, {}, BUILTINS), value));
        assert.equal(series.length, 1, expr);
        got.push(Math.round(Number(series[0].value[1]) * 1e6) / 1e6);
      }
      assert.deepEqual(got, expected.map(([, v]) => v), `${base} (switch ${value})`);
    }
  });

  test('the graph page’s queries, either way: the same edges with Kiali’s labels and the fixture’s known rates', async () => {
    const expr = (refId: string) => GRAPH.find((q) => q.name.startsWith(`graph ${refId}`))!.expr;
    const round = (v: string) => Math.round(Number(v) * 1e3) / 1e3;
    const edges = async (base: string, value: string, refId: string, keep: (m: Record<string, string>) => boolean, key: (m: Record<string, string>) => string) =>
      Object.fromEntries(
        (await result(base, preferRecorded(expr(refId), value)))
          .filter((s) => keep(s.metric))
          .map((s) => [key(s.metric), round(s.value[1])])
          .sort(([a], [b]) => String(a).localeCompare(String(b)))
      );
    const intoReviews = (m: Record<string, string>) => m.destination_workload === 'reviews-v2';
    for (const base of [recorded.url, raw.url]) {
      const value = await switchValue(base);
      const at = `${base} (switch ${value})`;
      // productpage-v1 → reviews-v2, 18 rps: 90 % 200, 4 % 404, 6 % 500 (flag UF), versions and canonical names kept.
      assert.deepEqual(
        await edges(base, value, 'istio_requests_total inbound', intoReviews, (m) =>
          [m.source_canonical_service, m.source_canonical_revision, m.destination_canonical_service, m.destination_canonical_revision, m.response_code, m.response_flags].join(' ')
        ),
        { 'productpage v1 reviews v2 200 -': 16.2, 'productpage v1 reviews v2 404 -': 0.72, 'productpage v1 reviews v2 500 UF': 1.08 },
        at
      );
      // TCP ("sent" reads the received-bytes metric): 5,000 B/s into reviews-v2, 2,000 B/s into mongodb-v1; the
      // ambient edge from ztunnel's series (app="ztunnel"), 3,000 B/s.
      assert.deepEqual(
        await edges(base, value, 'istio_tcp_received_bytes_total inbound', () => true, (m) => `${m.source_workload} → ${m.destination_workload} ${m.app ?? ''}`),
        { 'productpage-v1 → reviews-v2 ': 5000, 'reviews-v2 → mongodb-v1 ': 2000, 'sleep → httpbin ztunnel': 3000 },
        at
      );
      // Response throughput: 18 rps of 2,000-byte responses; security: the caller's principal and mTLS, 18 rps.
      assert.deepEqual(await edges(base, value, 'throughput inbound', intoReviews, (m) => m.source_workload), { 'productpage-v1': 36000 }, at);
      assert.deepEqual(
        await edges(base, value, 'security inbound', intoReviews, (m) => `${m.source_principal} ${m.connection_security_policy}`),
        { 'spiffe://cluster.local/ns/bookinfo/sa/productpage-v1 mutual_tls': 18 },
        at
      );
    }
  });

  test('with the switch off, the raw side reads nothing (so the recorded side alone answers)', async () => {
    const leftovers: string[] = [];
    for (const q of WRAPPED) {
      const values = (await result(raw.url, preferRecorded(q.expr, 'off'))).map((s) => Number(s.value[1]));
      // `or vector(0)` (TCP) may still give 0; nothing else may remain.
      if (values.some((v) => v !== 0)) {
        leftovers.push(`${q.name}: ${values}`);
      }
    }
    assert.deepEqual(leftovers, []);
  });
});
