import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import { close, edgeBetween, graphInWords, overviewRows, pageGraph, PERIOD, startFixtureMesh, waitForFullWindow, type FixtureMesh } from './realdata.lib';

// Two real scrapes, each alone in its own Prometheus: the reviews-v1 sidecar of a Bookinfo mesh (one request
// from productpage-v1, destination-reported, mTLS), and an istiod that exports only pilot_* metrics.
let sidecar: FixtureMesh;
let istiod: FixtureMesh;

before(async () => {
  [sidecar, istiod] = await Promise.all([
    startFixtureMesh([{ file: 'datadog-integrations-core_istio-1.5_istio-merged.sidecar-reviews-v1.txt', labels: { app: 'reviews', version: 'v1' } }]),
    startFixtureMesh([{ file: 'datadog-integrations-core_istio-1.5_istiod.pilot.txt', labels: { app: 'istiod' } }]),
  ]);
  await Promise.all([waitForFullWindow(sidecar.prom, 'istio_requests_total', 1), waitForFullWindow(istiod.prom, 'pilot_xds', 1)]);
});

after(async () => {
  await Promise.all([sidecar?.stop(), istiod?.stop()]);
});

test('one sidecar only: productpage-v1 → reviews-v1 over HTTP at 1 request / period, healthy, all mTLS, p95 2425 ms', async () => {
  const graph = await pageGraph(sidecar.prom, ['default']);
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
  const overview = await overviewRows(sidecar.prom);
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
  // The pages' namespace pickers read these label values: none at all (the input that crashed the Graph page's Select).
  const res = await fetch(`${istiod.prom.url}/api/v1/label/destination_workload_namespace/values?match[]=istio_requests_total`);
  assert.deepEqual(await res.json(), { status: 'success', data: [] });
});
