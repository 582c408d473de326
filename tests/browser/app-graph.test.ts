import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { artifactsDir, openHarness, type Harness } from '../harness/browser';
import { startIstioFixture, type MetricsSource } from '../harness/istioFixture';
import { waitUntil } from '../lib/poll';
import { scrapeConfig, startPrometheus, type RunningPrometheus } from '../lib/prometheus';

// artifacts/browser, or artifacts/browser-host13 on the Grafana 13 host (HARNESS_HOST=13).
const ARTIFACTS = artifactsDir();
const GRAPH = '/a/meshlens-istio-app/graph';
const NODE = '[aria-label^="Node: "]';

let source: MetricsSource;
let prom: RunningPrometheus;
let harness: Harness;

before(async () => {
  // One line to swap for the mesh simulator once it lands.
  source = await startIstioFixture();
  prom = await startPrometheus(scrapeConfig('istio-mesh', [source.target]));
  await waitUntil(async () => (await prom.query('sum(rate(istio_requests_total[4s]))')).length > 0, 'Prometheus data');
  harness = await openHarness(undefined, { prometheusUrl: prom.url });
});

after(async () => {
  await harness?.close();
  await prom?.stop();
  await source?.close();
});

const nodeTitles = (page: import('playwright-core').Page) =>
  page
    .locator(NODE)
    .evaluateAll((els) => els.map((e) => (e.getAttribute('aria-label') ?? '').slice('Node: '.length)).sort());

describe('graph page in Chromium from dist/ against a real Prometheus', () => {
  test('the mesh graph panel draws the namespace from the URL, with its callers', async () => {
    const { page, metrics } = await harness.render({
      kind: 'app',
      path: `${GRAPH}?var-namespace=bookinfo&from=now-5m&to=now`,
      width: 1400,
      height: 900,
      waitFor: NODE,
    });
    try {
      assert.deepEqual(metrics.pageErrors, []);
      assert.deepEqual(await nodeTitles(page), [
        'details v1',
        'istio-ingressgateway',
        'productpage v1',
        'ratings v1',
        'reviews v2',
      ]);
      // Variables (2 label_values) + 3 graph queries (edges, 5xx, deployments), whatever the number of namespaces.
      assert.equal(metrics.queries?.count, 5, JSON.stringify(metrics.queries?.exprs));
      mkdirSync(ARTIFACTS, { recursive: true });
      writeFileSync(join(ARTIFACTS, 'app-graph.png'), await page.screenshot());
      // Graph → service page: the nodes' pages are linked under the graph (drill-downs of the graph page).
      await page.getByRole('link', { name: 'reviews.bookinfo' }).click();
      await page.waitForURL((u) => u.pathname === '/a/meshlens-istio-app/graph/service/bookinfo/reviews');
      await page.getByTestId('meshlens-detail').waitFor();
      console.log(`graph: ${metrics.queries?.count} queries, ${metrics.queries?.totalMs} ms total`);
    } finally {
      await page.close();
    }
  });

  test('graph type and namespaces live in the URL: a link reproduces the view', async () => {
    const path = `${GRAPH}?var-namespace=shop&var-namespace=payments&graphType=workload&edgeLabels=errors&from=now-5m&to=now`;
    const { page } = await harness.render({ kind: 'app', path, waitFor: NODE });
    try {
      assert.deepEqual(await nodeTitles(page), ['cart-v1', 'frontend-v1', 'istio-ingressgateway', 'payment-v1']);
      await page.getByRole('radio', { name: 'App', exact: true }).check({ force: true });
      await page.waitForFunction(() => new URL(location.href).searchParams.get('graphType') === 'app');
      const url = new URL(page.url());
      assert.deepEqual(url.searchParams.getAll('var-namespace'), ['shop', 'payments']);
      assert.equal(url.searchParams.get('edgeLabels'), 'errors');
      // The graph re-queries and re-lays out for the new graph type: wait for the new nodes, then compare.
      const expected = ['cart', 'frontend', 'istio-ingressgateway', 'payment'];
      let titles: string[] = [];
      await waitUntil(
        async () => {
          titles = await nodeTitles(page);
          return titles.join() === expected.join();
        },
        'the app graph',
        15_000
      ).catch(() => undefined);
      assert.deepEqual(titles, expected);
    } finally {
      await page.close();
    }
  });
});
