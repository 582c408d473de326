import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import { addRequestSeries, directionErrorPct, emptyRequestCounts } from '../../src/shared/health';
import { startPrometheus, scrapeConfig, type RunningPrometheus } from '../lib/prometheus';
import {
  close,
  edgeBetween,
  graphInWords,
  overviewDashboardGraph,
  overviewRows,
  pageGraph,
  pageNamespaceStatus,
  PERIOD,
  queryAt,
  startFixtureMesh,
  waitForFullWindow,
  WINDOW,
  type FixtureMesh,
} from './realdata.lib';
import { startSimulator, type RunningSimulator } from './simulator.lib';
import { newestInstantWhere, steadyCheck } from '../lib/instants';
import { DEFAULT_DISPLAY } from '../../src/app/pages/graph/model/displayOptions';
import type { PipelineResult } from '../../src/panels/meshgraph/model/pipeline';

/*
 * Real Istio scrapes (tests/fixtures/scrapes) replayed into real Prometheus servers, one per mesh, read by the app's
 * queries and models:
 * - ambient: a ztunnel of Bookinfo in `default` (L4 only, both reporters);
 * - sidecar: the reviews-v1 sidecar (one request from productpage-v1, destination-reported, mTLS);
 * - istiod: pilot_* metrics only;
 * plus the simulated Bookinfo mesh with reviews-v3 → ratings failing 90 % (503). Its traffic is noisy, so each
 * expected figure there is Prometheus's own answer at the same instant. All start at once: one wait for all.
 */
let ambient: FixtureMesh;
let sidecar: FixtureMesh;
let istiod: FixtureMesh;
let sim: RunningSimulator;
let prom: RunningPrometheus;
/** Evaluation time shared by every query of the Bookinfo tests. */
let at: number;
/** Evaluation times of the replayed meshes' tests: instants whose rate windows hold every scrape. */
let ambientAt: number;
let sidecarAt: number;

const V3_TO_RATINGS = 'reporter="destination",source_workload="reviews-v3",destination_service_name="ratings"';

before(async () => {
  const bookinfo = (async () => {
    sim = await startSimulator(['--topology', 'bookinfo', '--fault', 'reviews-v3:ratings:0.9:503']);
    prom = await startPrometheus(scrapeConfig('simulator', [sim.target]));
  })();
  [ambient, sidecar, istiod] = await Promise.all([
    startFixtureMesh([{ file: 'datadog-integrations-core_istio-1.24_ztunnel.txt', labels: { app: 'ztunnel', pod: 'ztunnel-replay' } }]),
    startFixtureMesh([{ file: 'datadog-integrations-core_istio-1.5_istio-merged.sidecar-reviews-v1.txt', labels: { app: 'reviews', version: 'v1' } }]),
    startFixtureMesh([{ file: 'datadog-integrations-core_istio-1.5_istiod.pilot.txt', labels: { app: 'istiod' } }]),
  ]);
  await bookinfo;
  await Promise.all([
    waitForFullWindow(ambient.prom, 'istio_tcp_received_bytes_total', 14),
    waitForFullWindow(sidecar.prom, 'istio_requests_total', 1),
    waitForFullWindow(istiod.prom, 'pilot_xds', 1),
    waitForFullWindow(prom, `istio_requests_total{${V3_TO_RATINGS}}`, 2),
  ]);
  const ready = Math.floor(Date.now() / 1000);
  const BOOKINFO_SOURCE = 'reporter="source",source_workload_namespace="bookinfo"';
  [ambientAt, sidecarAt, at] = await Promise.all([
    newestInstantWhere([steadyCheck(ambient.prom.url, `rate(istio_tcp_received_bytes_total[${WINDOW}])`, WINDOW)], ready),
    newestInstantWhere([steadyCheck(sidecar.prom.url, `rate(istio_requests_total[${WINDOW}])`, WINDOW)], ready),
    // The simulator's rare outcomes fall at fixed intervals: the health reasons asserted below are those of a window
    // with productpage-v1's gRPC errors (2 % of its calls to recommendations, one every 4-5 s) and none of the calls
    // that got no response (response_code 0: UF, URX and UH, each one every 10-40 s), which would add reasons of their own.
    newestInstantWhere(
      [
        { url: prom.url, expr: `sum(increase(istio_requests_total{${BOOKINFO_SOURCE},source_workload="productpage-v1",grpc_response_status="14"}[${WINDOW}])) > 0`, holds: 'some' },
        { url: prom.url, expr: `sum(increase(istio_requests_total{reporter="destination",destination_workload="recommendations-v1",grpc_response_status="14"}[${WINDOW}])) > 0`, holds: 'some' },
        { url: prom.url, expr: `sum(increase(istio_requests_total{${BOOKINFO_SOURCE},response_code="0"}[${WINDOW}])) > 0`, holds: 'none' },
      ],
      ready
    ),
  ]);
});

after(async () => {
  await Promise.all([ambient?.stop(), sidecar?.stop(), istiod?.stop(), prom?.stop()]);
  await sim?.stop();
});

// Recorded istio_tcp_received_bytes_total per edge (the same on both reporters): Kiali's "TCP sent" reads this metric.
const RECEIVED = {
  'traffic-gen → productpage-v1': 75621,
  'productpage-v1 → details-v1': 117171,
  'productpage-v1 → reviews-v1': 38070,
  'productpage-v1 → reviews-v2': 41454,
  'productpage-v1 → reviews-v3': 37647,
  'reviews-v2 → ratings-v1': 48510,
  'reviews-v3 → ratings-v1': 44055,
};

/** 100 × the 5xx share of the requests matched by `selector`, as Prometheus computes it at `at`. */
async function serverErrorPct(selector: string): Promise<number> {
  const [errors] = await queryAt(prom, `sum(rate(istio_requests_total{${selector},response_code=~"5.."}[${WINDOW}]))`, at);
  const [all] = await queryAt(prom, `sum(rate(istio_requests_total{${selector}}[${WINDOW}]))`, at);
  return (100 * Number(errors.value[1])) / Number(all.value[1]);
}

test('TCP-only ambient: the graph has the seven Bookinfo workloads and seven TCP edges, each at its recorded bytes / period', async () => {
  // TCP counts as traffic for the Graph page's namespace picker.
  assert.deepEqual(await pageNamespaceStatus(ambient.prom), { namespaces: ['default'], status: { kind: 'ready' } });
  const graph = await pageGraph(ambient.prom, ['default'], {}, ambientAt);
  assert.deepEqual(graphInWords(graph), {
    nodes: ['details-v1', 'productpage-v1', 'ratings-v1', 'reviews-v1', 'reviews-v2', 'reviews-v3', 'traffic-gen'],
    edges: Object.keys(RECEIVED)
      .map((e) => `${e} tcp`)
      .sort(),
  });
  for (const [edge, bytes] of Object.entries(RECEIVED)) {
    const [from, to] = edge.split(' → ');
    const e = edgeBetween(graph, from, to);
    // Both reporters carry the same edge: counted once, as Kiali does.
    close(e.rate, bytes / PERIOD, `${edge} bytes/s`);
    assert.equal(e.health, 'healthy', `${edge}: TCP has no error codes`);
    assert.equal(e.mtlsPct, undefined, `${edge}: the security query reads istio_requests_total only`);
  }
  assert.ok(graph.ok);
  assert.equal(graph.counts.duplicate, 7, 'the source report of each edge was counted once, not twice');
  assert.deepEqual(
    graph.graph.nodes.filter((n) => n.flags.has('root')).map((n) => n.title),
    ['traffic-gen'],
    'traffic-gen only sends: the root'
  );
});

test('TCP-only ambient: the overview lists `default` with its 7 workloads, no request figures, idle for lack of HTTP/gRPC', async () => {
  const overview = await overviewRows(ambient.prom, ambientAt);
  assert.deepEqual(overview.rows, [
    {
      namespace: 'default',
      workloads: 7,
      services: null,
      requestRate: null,
      errorPct: null,
      p95Ms: null,
      mtlsPct: null,
      health: 'idle',
      healthReasons: ['no HTTP or gRPC requests in this time range'],
      trend: null,
      noTraffic: false,
      noSidecars: false,
      proxies: null,
    },
  ]);
  assert.deepEqual(overview.hidden, { unknownNamespace: 0, unlabelled: 0 });
});

test('one sidecar only: productpage-v1 → reviews-v1 over HTTP at 1 request / period, healthy, all mTLS, p95 2425 ms', async () => {
  const graph = await pageGraph(sidecar.prom, ['default'], {}, sidecarAt);
  assert.deepEqual(graphInWords(graph), { nodes: ['productpage-v1', 'reviews-v1'], edges: ['productpage-v1 → reviews-v1 http'] });
  const edge = edgeBetween(graph, 'productpage-v1', 'reviews-v1');
  close(edge.rate, 1 / PERIOD, 'request rate');
  assert.equal(edge.errorPct, 0);
  assert.equal(edge.health, 'healthy');
  assert.equal(edge.mtlsPct, 100);
  // One recorded request in the (1000, 2500] ms bucket: histogram_quantile interpolates 1000 + 0.95 × 1500.
  close(edge.responseTime ?? NaN, 2425, 'p95 response time');
  assert.ok(graph.ok);
  assert.deepEqual(
    graph.graph.nodes.map((n) => [n.title, n.health]).sort(),
    [
      ['productpage-v1', 'healthy'],
      ['reviews-v1', 'healthy'],
    ]
  );
});

test('one sidecar only: the overview lists `default` with 1 workload, 1 service, the rate, no errors, all mTLS', async () => {
  const overview = await overviewRows(sidecar.prom, sidecarAt);
  assert.equal(overview.rows.length, 1);
  const [row] = overview.rows;
  close(row.requestRate ?? NaN, 1 / PERIOD, 'namespace request rate');
  assert.deepEqual(
    { ...row, requestRate: 'checked' },
    {
      namespace: 'default',
      workloads: 1,
      services: 1,
      requestRate: 'checked',
      errorPct: 0,
      p95Ms: null,
      mtlsPct: 100,
      health: 'healthy',
      healthReasons: [],
      trend: null,
      noTraffic: false,
      noSidecars: false,
      proxies: null,
    }
  );
});

test('istiod only: no traffic series, so the graph is empty (no error, no crash) and the overview has no rows', async () => {
  const graph = await pageGraph(istiod.prom, ['default']);
  assert.ok(graph.ok);
  assert.equal(graph.source, 'empty');
  assert.deepEqual(graphInWords(graph), { nodes: [], edges: [] });
  const overview = await overviewRows(istiod.prom);
  assert.deepEqual(overview.rows, []);
  // The Graph page's namespace picker finds no namespace with traffic: the page says "No traffic metrics yet".
  assert.deepEqual(await pageNamespaceStatus(istiod.prom), { namespaces: [], status: { kind: 'none' } });
});

test('the 90 % failing edge is Failure, and so are both its ends, each for the same 5xx share', async () => {
  const graph = await pageGraph(prom, ['bookinfo'], {}, at);
  assert.ok(graph.ok);
  const edgePct = await serverErrorPct(V3_TO_RATINGS);
  const edge = edgeBetween(graph, 'reviews-v3', 'ratings-v1');
  close(edge.errorPct, edgePct, 'reviews-v3 → ratings-v1 5xx %');
  assert.equal(edge.health, 'failure');
  assert.deepEqual(edge.reasons, [`5xx ${edgePct.toFixed(1)} % of HTTP ≥ 10 % failure`]);

  const node = (title: string) => graph.graph.nodes.find((n) => n.title === title)!;
  // reviews-v3 calls only ratings: its outbound share is the edge's.
  assert.equal(node('reviews-v3').health, 'failure');
  assert.deepEqual(node('reviews-v3').reasons, [`5xx ${edgePct.toFixed(1)} % of outbound HTTP ≥ 10 % failure`]);
  // ratings-v1 also serves reviews-v2 without errors: its inbound share is lower, still above 10 %.
  const ratingsPct = await serverErrorPct('reporter="destination",destination_workload="ratings-v1"');
  assert.equal(node('ratings-v1').health, 'failure');
  assert.deepEqual(node('ratings-v1').reasons, [`5xx ${ratingsPct.toFixed(1)} % of inbound HTTP ≥ 10 % failure`]);

  // Everything red in the graph: the fault, plus the simulator's built-in BlackHoleCluster (502 on every call).
  const title = new Map(graph.graph.nodes.map((n) => [n.id, n.title]));
  assert.deepEqual(
    graph.graph.edges.filter((e) => e.health === 'failure').map((e) => `${title.get(e.source)} → ${title.get(e.target)}`).sort(),
    ['details-v1 → BlackHoleCluster', 'reviews-v3 → ratings-v1']
  );
  assert.deepEqual(
    graph.graph.nodes.filter((n) => n.health === 'failure').map((n) => n.title).sort(),
    ['BlackHoleCluster', 'details-v1', 'ratings-v1', 'reviews-v3']
  );
});

test('the overview shows bookinfo failing, graded per workload (its worst), each reason naming the workload at its own share', async () => {
  const overview = await overviewRows(prom, at);
  const row = overview.rows.find((r) => r.namespace === 'bookinfo');
  assert.ok(row, `bookinfo is a row: ${overview.rows.map((r) => r.namespace).join(', ')}`);
  // Kiali's error share of the namespace's inbound requests (5xx, 4xx, gRPC status, no response), read here with one
  // direct query of its own: the overview's grouped queries must give the same figure.
  const series = await queryAt(
    prom,
    `sum by (request_protocol, response_code, grpc_response_status) (rate(istio_requests_total{reporter=~"destination|waypoint",destination_workload_namespace="bookinfo"}[${WINDOW}]))`,
    at
  );
  const counts = emptyRequestCounts();
  series.forEach((x) => addRequestSeries(counts.inbound, x.metric, Number(x.value[1])));
  close(row.errorPct ?? NaN, directionErrorPct(counts.inbound) ?? NaN, 'bookinfo error %');
  // Its 5xx part alone is what Prometheus computes from the response codes.
  assert.ok((row.errorPct ?? 0) >= (await serverErrorPct('reporter="destination",destination_workload_namespace="bookinfo"')) - 1e-9);
  assert.equal(row.health, 'failure');
  // Graded per workload (Kiali's rule: a namespace is its worst workload), each reason naming its workload: the
  // failing edge's callee at its own inbound 5xx share, not at the namespace's diluted one.
  const pct = async (selector: string) => (await serverErrorPct(selector)).toFixed(1);
  const grpcPct = async (selector: string) => {
    const [errors] = await queryAt(prom, `sum(rate(istio_requests_total{${selector},request_protocol="grpc",grpc_response_status!="0"}[${WINDOW}]))`, at);
    const [all] = await queryAt(prom, `sum(rate(istio_requests_total{${selector},request_protocol="grpc"}[${WINDOW}]))`, at);
    return ((100 * Number(errors.value[1])) / Number(all.value[1])).toFixed(1);
  };
  assert.deepEqual(row.healthReasons, [
    `details-v1: 5xx ${await pct('reporter="source",source_workload="details-v1"')} % of outbound HTTP ≥ 10 % failure`,
    `productpage-v1: gRPC errors ${await grpcPct('reporter="source",source_workload="productpage-v1"')} % of outbound gRPC > 0 % degraded`,
    `ratings-v1: 5xx ${await pct('reporter="destination",destination_workload="ratings-v1"')} % of inbound HTTP ≥ 10 % failure`,
    `recommendations-v1: gRPC errors ${await grpcPct('reporter="destination",destination_workload="recommendations-v1"')} % of inbound gRPC > 0 % degraded`,
    `reviews-v3: 5xx ${await pct('reporter="source",source_workload="reviews-v3"')} % of outbound HTTP ≥ 10 % failure`,
  ]);
});

/** Every node and edge with its health, in words: what two graphs must share to be the same graph. */
function graphWithHealth(result: PipelineResult) {
  if (!result.ok) {
    throw new Error(`the graph failed: ${result.error}`);
  }
  const title = new Map(result.graph.nodes.map((n) => [n.id, `${n.title} (${n.mesh?.nodeType ?? 'node'})`]));
  return {
    nodes: result.graph.nodes.map((n) => `${title.get(n.id)} ${n.health}`).sort(),
    edges: result.graph.edges.map((e) => `${title.get(e.source)} → ${title.get(e.target)} ${e.protocol} ${e.health}`).sort(),
  };
}

// The Graph page with the choices the overview's panel saves: workload graph, service nodes, boxes (its defaults).
const AS_OVERVIEW = { graphType: 'workload' as const, display: DEFAULT_DISPLAY };

test("the Overview dashboard's mesh graph (Istio preset, 12 queries) is the Graph page's graph for bookinfo: same nodes, edges and health", async () => {
  const dashboard = await overviewDashboardGraph(prom, ['bookinfo'], at);
  assert.equal(dashboard.queries, 12);
  const page = await pageGraph(prom, ['bookinfo'], AS_OVERVIEW, at);
  assert.deepEqual(graphWithHealth(dashboard.result), graphWithHealth(page));
  // Not two empty graphs: the failing edge is there, red on both.
  assert.ok(graphWithHealth(dashboard.result).edges.includes('reviews-v3 (workload) → ratings (service) http failure'), graphWithHealth(dashboard.result).edges.join('\n'));
});

test("the Overview dashboard's default (All namespaces) is the Graph page with every namespace its picker offers", async () => {
  const { namespaces } = await pageNamespaceStatus(prom);
  const dashboard = await overviewDashboardGraph(prom, ['$__all'], at);
  assert.deepEqual(dashboard.namespaces, namespaces);
  assert.equal(dashboard.queries, 12);
  assert.deepEqual(graphWithHealth(dashboard.result), graphWithHealth(await pageGraph(prom, namespaces, AS_OVERVIEW, at)));
  // TCP-only ambient: the same seven TCP edges on both.
  const ambientDashboard = await overviewDashboardGraph(ambient.prom, ['$__all'], ambientAt);
  assert.deepEqual(ambientDashboard.namespaces, ['default']);
  assert.deepEqual(graphInWords(ambientDashboard.result), graphInWords(await pageGraph(ambient.prom, ['default'], AS_OVERVIEW, ambientAt)));
});
