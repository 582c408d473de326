import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { createServer, type Server } from 'node:http';
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { artifactsDir, openHarness, type Harness } from '../harness/browser';
import { startSimulator, type RunningSimulator } from '../integration/simulator.lib';
import { waitUntil } from '../lib/poll';
import { freePort, scrapeConfig, startPrometheus, type RunningPrometheus } from '../lib/prometheus';

// The Graph page from dist/ in Chromium against a real Prometheus scraping the simulator's Bookinfo (sidecars, gRPC,
// TCP, egress, an egress gateway) and its ambient Bookinfo (ztunnel L4 only, and a waypoint reporting L7), without
// kube-state-metrics (Istio's metrics only), with a 90 % 503 fault on productpage → reviews set before the first
// scrape. A second Prometheus holds only istiod's
// metrics. Every graph is the mesh graph panel's Kiali model over the page's grouped queries.
// artifacts/browser, or artifacts/browser-host13 on the Grafana 13 host (HARNESS_HOST=13).
const ARTIFACTS = artifactsDir();
const GRAPH = '/a/meshlens-istio-app/graph';
const NODE = '[aria-label^="Node: "]';

/** What istiod alone exposes: control-plane metrics, no istio_requests_total and no istio_tcp_* series. */
const ISTIOD_ONLY = [
  '# TYPE pilot_xds gauge',
  'pilot_xds{version="1.24.0"} 3',
  '# TYPE pilot_xds_pushes counter',
  'pilot_xds_pushes{type="cds"} 12',
  '# TYPE istio_build gauge',
  'istio_build{component="pilot",tag="1.24.0"} 1',
  '',
].join('\n');

let sim: RunningSimulator;
let prom: RunningPrometheus;
let istiod: Server;
let istiodProm: RunningPrometheus;
let harness: Harness;
let istiodHarness: Harness;

before(async () => {
  // No kube-state-metrics: the ambient waypoint is drawn from Istio's own series (ztunnel's hops around it).
  sim = await startSimulator(['--topology', 'bookinfo+ambient', '--kube-state', 'off']);
  // The fault is on before Prometheus scrapes anything: every sample of the edge has 90 % 503s.
  const fault = await fetch(`${sim.url}/api/faults`, { method: 'POST', headers: { 'Content-Type': 'application/json' }, body: JSON.stringify({ from: 'bookinfo/productpage-v1', to: 'bookinfo/reviews', errorRate: 0.9, errorCode: '503' }) });
  assert.equal(fault.status, 200, await fault.text());
  prom = await startPrometheus(scrapeConfig('istio-mesh', [sim.target]));
  const port = await freePort();
  istiod = createServer((_req, res) => res.writeHead(200, { 'Content-Type': 'text/plain; version=0.0.4' }).end(ISTIOD_ONLY));
  await new Promise<void>((ok) => istiod.listen(port, '127.0.0.1', ok));
  istiodProm = await startPrometheus(scrapeConfig('istiod', [`127.0.0.1:${port}`]));
  await waitUntil(async () => (await prom.query('sum(rate(istio_requests_total[10s]))')).length > 0, 'Istio traffic in Prometheus');
  await waitUntil(async () => (await prom.query('sum(rate(istio_tcp_received_bytes_total{app="ztunnel"}[10s]))')).length > 0, 'ztunnel L4 in Prometheus');
  await waitUntil(async () => (await istiodProm.query('pilot_xds')).length > 0, 'istiod metrics in Prometheus');
  harness = await openHarness(undefined, { prometheusUrl: prom.url });
  istiodHarness = await openHarness(undefined, { prometheusUrl: istiodProm.url });
});

after(async () => {
  await harness?.close();
  await istiodHarness?.close();
  await prom?.stop();
  await istiodProm?.stop();
  await new Promise<void>((ok) => (istiod ? istiod.close(() => ok()) : ok()));
  await sim?.stop();
});

type Page = import('playwright-core').Page;

/** The accessible twin of each canvas node: `title · type (shape) · health[ · badges: …]`. */
const nodeTexts = (page: Page) =>
  page.locator(NODE).evaluateAll((els) => els.map((e) => (e.textContent ?? '').trim()).sort());
async function nodeText(page: Page, title: string): Promise<string> {
  const found = page.getByRole('button', { name: `Node: ${title}`, exact: true });
  if ((await found.count()) === 0) {
    throw new Error(`no node ${title} in:\n${(await nodeTexts(page)).join('\n')}`);
  }
  return ((await found.first().textContent()) ?? '').trim();
}
async function edgeText(page: Page, name: string): Promise<string> {
  const found = page.getByRole('button', { name: `Edge: ${name}`, exact: true });
  if ((await found.count()) === 0) {
    const edges = await page.locator('[aria-label^="Edge: "]').evaluateAll((els) => els.map((e) => `${e.getAttribute('aria-label')}: ${e.textContent}`));
    throw new Error(`no edge ${name} in:\n${edges.join('\n')}`);
  }
  return ((await found.first().textContent()) ?? '').trim();
}

/** Waits until the panel has drawn a graph with this node. */
async function rendered(path: string, waitForNode: string, extra: { width?: number; height?: number; theme?: 'dark' | 'light' } = {}) {
  const out = await harness.render({ kind: 'app', path, width: extra.width ?? 1400, height: extra.height ?? 900, theme: extra.theme, waitFor: NODE });
  await out.page.waitForSelector('[data-testid="meshlens-meshgraph-panel"][data-meshlens-ready="true"]', { timeout: 30_000 });
  await out.page
    .getByRole('button', { name: `Node: ${waitForNode}`, exact: true })
    .first()
    .waitFor({ timeout: 30_000 })
    .catch(async (e) => {
      throw new Error(`no node ${waitForNode} in:\n${(await nodeTexts(out.page)).join('\n')}\n${e}`);
    });
  return out;
}

describe('graph page in Chromium from dist/: the panel’s Kiali model over grouped queries, real Prometheus', () => {
  test('Bookinfo: shapes, badges, service nodes, gRPC, TCP, egress; the 90 % 503 edge is a failure (red)', async () => {
    const { page, metrics } = await rendered(`${GRAPH}?var-namespace=bookinfo&from=now-5m&to=now`, 'reviews');
    try {
      assert.deepEqual(metrics.pageErrors, []);
      // Kiali's shapes: app nodes squares, services triangles, workload-less callers circles.
      assert.match(await nodeText(page, 'productpage v1'), /^productpage v1 · app \(square\) · /);
      assert.match(await nodeText(page, 'reviews'), /^reviews · service \(triangle\) · failure/);
      assert.match(await nodeText(page, 'unknown'), /^unknown · unknown \(circle\) · \w+ · badges: traffic source/);
      // Egress: Istio's PassthroughCluster and BlackHoleCluster, badged.
      assert.match(await nodeText(page, 'PassthroughCluster'), /badges: .*egress cluster/);
      assert.match(await nodeText(page, 'BlackHoleCluster'), /badges: .*egress cluster/);
      // The gateway outside the selected namespace: a traffic source, outside.
      assert.match(await nodeText(page, 'istio-ingressgateway latest'), /badges: traffic source, outside the selected namespaces/);
      // The faulty hop is red (failure: 5xx ≥ 10 %), by protocol; a TCP edge and a gRPC edge are there too.
      assert.match(await edgeText(page, 'productpage v1 → reviews'), /^http · .* · failure$/);
      assert.match(await edgeText(page, 'ratings v1 → mongodb'), /^tcp · /);
      assert.match(await edgeText(page, 'productpage v1 → recommendations'), /^grpc · /);
      // 2 namespace/cluster variables + the hidden `raw` switch's probe + 13 grouped graph queries (12 Kiali +
      // kube-state-metrics deployments); no recording rules here: the 10 rates a recorded family keeps read the raw
      // side of their switch, the 2 p95 and the deployments are raw as written.
      assert.equal(metrics.queries?.count, 16, JSON.stringify(metrics.queries?.exprs));
      assert.equal(metrics.queries?.exprs.filter((e) => e.includes('meshlens_raw=~".*"')).length, 10);
      console.log(`graph: ${metrics.queries?.count} queries, ${Math.round(metrics.queries?.totalMs ?? 0)} ms total`);
      // The time picker is the window: rates over the whole range, as Kiali's duration.
      assert.ok(metrics.queries?.exprs.some((e) => /\[300s\]/.test(e)), (metrics.queries?.exprs ?? []).join('\n'));
      // Graph → service page: the nodes' pages are linked under the graph (drill-downs of the graph page).
      await page.getByRole('link', { name: 'reviews.bookinfo' }).first().click();
      await page.waitForURL((u) => u.pathname === `${GRAPH}/service/bookinfo/reviews`);
      await page.getByTestId('meshlens-detail').waitFor();
    } finally {
      await page.close();
    }
  });

  test('ambient: the waypoint node, and ztunnel-only TCP edges (no sidecar, no waypoint) are drawn', async () => {
    const { page, metrics } = await rendered(`${GRAPH}?var-namespace=bookinfo-ambient&graphType=workload&from=now-5m&to=now`, 'waypoint');
    try {
      assert.deepEqual(metrics.pageErrors, []);
      assert.match(await nodeText(page, 'waypoint'), /^waypoint · workload \(circle\) · .*badges: .*waypoint/);
      // productpage → details has no waypoint: only ztunnel's L4 bytes.
      assert.match(await edgeText(page, 'productpage-v1 → details'), /^tcp · /);
      // Without kube-state-metrics, ztunnel's hops into and out of the waypoint name it, as in Kiali's graph.
      assert.match(await edgeText(page, 'productpage-v1 → waypoint'), /^tcp · /);
      assert.match(await edgeText(page, 'waypoint → reviews-v1'), /^tcp · /);
    } finally {
      await page.close();
    }
  });

  test('the Display toggles change the graph: without service nodes, no injected service nodes; the URL keeps the view', async () => {
    const path = `${GRAPH}?var-namespace=bookinfo&var-namespace=bookinfo-ambient&graphType=app&edgeLabels=responseTime&display=mtls&from=now-5m&to=now`;
    const { page, metrics } = await rendered(path, 'productpage');
    try {
      assert.deepEqual(metrics.pageErrors, []);
      const texts = await nodeTexts(page);
      // No injected service nodes; Kiali still draws destinations without a workload as service nodes: the egress
      // clusters, the external host, and, once one of the simulator's rare calls that found no endpoint falls in the
      // range, productpage (the gateway's NR) and ratings (reviews-v2's UH).
      assert.deepEqual(
        texts
          .filter((t) => / · service \(triangle\)/.test(t))
          .map((t) => t.split(' · ')[0])
          .filter((n) => n !== 'productpage' && n !== 'ratings'),
        ['BlackHoleCluster', 'PassthroughCluster', 'www.googleapis.com']
      );
      assert.ok(texts.some((t) => t.startsWith('reviews · app (square)')), texts.join('\n'));
      // Two namespaces: still 16 queries.
      assert.equal(metrics.queries?.count, 16);
      const url = new URL(page.url());
      assert.deepEqual(url.searchParams.getAll('var-namespace'), ['bookinfo', 'bookinfo-ambient']);
      assert.equal(url.searchParams.get('edgeLabels'), 'responseTime');
    } finally {
      await page.close();
    }
  });

  test('the detail page’s “Graph of …” link lands on the graph focused on it, not “nothing matches”', async () => {
    const { page, metrics } = await harness.render({
      kind: 'app',
      path: `${GRAPH}/service/bookinfo/reviews?var-namespace=bookinfo&from=now-5m&to=now`,
      width: 1400,
      height: 900,
      waitFor: '[data-testid="meshlens-detail"]',
    });
    try {
      assert.deepEqual(metrics.pageErrors, []);
      // Its own graph: the panel's model focused on the service.
      await page.getByRole('button', { name: 'Node: reviews', exact: true }).first().waitFor({ timeout: 30_000 });
      assert.match((await page.getByTestId('meshlens-meshgraph-focus').first().innerText()).replace(/\s+/g, ' '), /^Focused on service:bookinfo\/reviews/);
      await page.getByRole('link', { name: 'Graph of bookinfo, focused on reviews' }).click();
      await page.waitForURL((u) => u.pathname === GRAPH);
      const banner = page.getByTestId('meshlens-meshgraph-focus');
      await banner.waitFor({ timeout: 30_000 });
      assert.match((await banner.innerText()).replace(/\s+/g, ' '), /^Focused on service:bookinfo\/reviews · \d+ of \d+ nodes hidden/);
    } finally {
      await page.close();
    }
  });

  test('an ambient workload with only ztunnel TCP has a page with its TCP traffic and its own graph', async () => {
    const { page, metrics } = await harness.render({
      kind: 'app',
      path: `${GRAPH}/workload/bookinfo-ambient/details-v1?from=now-5m&to=now`,
      width: 1400,
      height: 900,
      waitFor: '[data-testid="meshlens-detail"]',
    });
    try {
      assert.deepEqual(metrics.pageErrors, []);
      const red = await page.getByRole('group', { name: 'Rate, errors, duration' }).innerText();
      assert.match(red, /TCP in\s+\d+(\.\d)? (B|kB|MB)\/s/);
      await page.getByRole('button', { name: 'Node: details-v1', exact: true }).waitFor({ timeout: 30_000 });
    } finally {
      await page.close();
    }
  });

  test('README screenshot: Bookinfo and ambient Bookinfo, dark and light', async () => {
    for (const theme of ['dark', 'light'] as const) {
      const { page, metrics } = await rendered(`${GRAPH}?var-namespace=bookinfo&var-namespace=bookinfo-ambient&display=mtls&display=serviceNodes&display=boxes&display=legend&from=now-5m&to=now`, 'reviews', {
        width: 1600,
        height: 1000,
        theme,
      });
      try {
        assert.deepEqual(metrics.pageErrors, []);
        // The versioned-app graph keeps the ambient waypoint (a workload node), named only by ztunnel's hops.
        assert.match(await nodeText(page, 'waypoint'), /^waypoint · workload \(circle\) · .*badges: .*waypoint/);
        // A service and its workload with one name are told apart by their list.
        const pages = page.getByRole('navigation', { name: 'Pages of the nodes in this graph' });
        for (const [list, kind] of [['Service pages:', 'service'], ['Workload pages:', 'workload']] as const) {
          const links = pages.locator('div').filter({ hasText: list }).getByRole('link', { name: 'istio-egressgateway.istio-system', exact: true });
          assert.equal(await links.count(), 1, list);
          assert.match((await links.getAttribute('href')) ?? '', new RegExp(`/graph/${kind}/istio-system/istio-egressgateway(\\?|$)`));
        }
        mkdirSync(ARTIFACTS, { recursive: true });
        writeFileSync(join(ARTIFACTS, theme === 'dark' ? 'app-graph.png' : 'app-graph-light.png'), await page.screenshot());
      } finally {
        await page.close();
      }
    }
  });
});

describe('pages without a graph', () => {
  test('a Prometheus with only istiod metrics: a clear “no traffic metrics yet” message, no crash', async () => {
    const { page, metrics } = await istiodHarness.render({
      kind: 'app',
      path: `${GRAPH}?from=now-5m&to=now`,
      width: 1400,
      height: 900,
      waitFor: '[data-testid="meshlens-graph-no-traffic"]',
    });
    try {
      assert.deepEqual(metrics.pageErrors, []);
      assert.match(await page.getByTestId('meshlens-graph-no-traffic').innerText(), /^No traffic metrics yet: this Prometheus has no istio_requests_total or istio_tcp_received_bytes_total series/);
    } finally {
      await page.close();
    }
  });

  test('an unknown app route is a not-found page with a link to the overview, not a blank page', async () => {
    const { page, metrics } = await harness.render({ kind: 'app', path: '/a/meshlens-istio-app/nope', width: 1000, height: 600, waitFor: '[data-testid="meshlens-not-found"]' });
    try {
      assert.deepEqual(metrics.pageErrors, []);
      assert.match(await page.getByTestId('meshlens-not-found').innerText(), /Page not found[\s\S]*MeshLens has no page at \/a\/meshlens-istio-app\/nope/);
      assert.equal(await page.getByRole('link', { name: 'Go to the overview' }).getAttribute('href'), '/a/meshlens-istio-app/overview');
    } finally {
      await page.close();
    }
  });
});
