import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { createServer, type Server } from 'node:http';
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { artifactsDir, openHarness, type Harness, type RenderOptions } from '../harness/browser';
import { startSimulator, type RunningSimulator } from '../integration/simulator.lib';
import { waitUntil } from '../lib/poll';
import { freePort, scrapeConfig, startPrometheus, type RunningPrometheus } from '../lib/prometheus';
import { idleDeploymentsQuery } from '../../src/shared/istio/graphQueries';

// The mesh graph panel from dist/ in Chromium, in "Istio preset" mode: it runs Kiali's queries itself through
// the harness's Prometheus data source against a real Prometheus scraping the mesh simulator's Bookinfo (Istio's
// full label set, which Kiali's queries group by) and a kube-state-metrics stand-in (kube_deployment_labels, the
// idle-node contract).
// artifacts/browser, or artifacts/browser-host13 on the Grafana 13 host (HARNESS_HOST=13).
const ARTIFACTS = artifactsDir();
const NODE = '[aria-label^="Node: "]';

/** kube_deployment_labels: two bookinfo deployments with traffic in the simulator, one without (idle), one elsewhere. */
const KUBE_STATE_METRICS = [
  '# TYPE kube_deployment_labels gauge',
  'kube_deployment_labels{namespace="bookinfo",deployment="productpage-v1",label_app="productpage",label_version="v1"} 1',
  'kube_deployment_labels{namespace="bookinfo",deployment="reviews-v2",label_app="reviews",label_version="v2"} 1',
  'kube_deployment_labels{namespace="bookinfo",deployment="archive-v1",label_app="archive",label_version="v1"} 1',
  'kube_deployment_labels{namespace="shop",deployment="cart-v1",label_app="cart",label_version="v1"} 1',
  '',
].join('\n');

let sim: RunningSimulator;
let ksm: Server;
let prom: RunningPrometheus;
let harness: Harness;

before(async () => {
  sim = await startSimulator(['--topology', 'bookinfo']);
  const port = await freePort();
  ksm = createServer((_req, res) => res.writeHead(200, { 'Content-Type': 'text/plain; version=0.0.4' }).end(KUBE_STATE_METRICS));
  await new Promise<void>((ok) => ksm.listen(port, '127.0.0.1', ok));
  prom = await startPrometheus(scrapeConfig('istio-mesh', [sim.target, `127.0.0.1:${port}`]));
  await waitUntil(async () => (await prom.query('sum(rate(istio_requests_total[4s]))')).length > 0, 'Istio traffic in Prometheus');
  await waitUntil(async () => (await prom.query('kube_deployment_labels{namespace="bookinfo",deployment="archive-v1"}')).length > 0, 'kube_deployment_labels in Prometheus');
  harness = await openHarness(undefined, { prometheusUrl: prom.url });
});

after(async () => {
  await harness?.close();
  await prom?.stop();
  await new Promise<void>((ok) => (ksm ? ksm.close(() => ok()) : ok()));
  await sim?.stop();
});

async function render(name: string, options: Record<string, unknown>, extra: Partial<RenderOptions> = {}) {
  const { page, metrics } = await harness.render({ kind: 'meshgraph', width: 1200, height: 640, options: { dataMode: 'preset', namespaces: 'bookinfo', ...options }, ...extra });
  mkdirSync(ARTIFACTS, { recursive: true });
  writeFileSync(join(ARTIFACTS, `${name}.png`), await page.screenshot());
  const titles = await page.locator(NODE).evaluateAll((els) => els.map((e) => (e.getAttribute('aria-label') ?? '').slice('Node: '.length)).sort());
  return { page, metrics, titles };
}

describe('mesh graph panel, Istio preset mode, real Prometheus', () => {
  test('runs Kiali’s queries itself and draws the namespace, with idle deployments', async () => {
    const { page, metrics, titles } = await render('meshgraph-preset', { graphType: 'workload', injectServiceNodes: false, showIdleNodes: true, edgeLabels: ['trafficRate', 'responseTime'] }, { waitFor: NODE });
    try {
      assert.deepEqual(metrics.pageErrors, []);
      // The simulator's Bookinfo workloads (and its egress, unknown and external nodes), plus the idle deployment.
      for (const title of ['details-v1', 'istio-ingressgateway', 'productpage-v1', 'ratings-v1', 'reviews-v1', 'reviews-v2', 'reviews-v3', 'archive-v1']) {
        assert.ok(titles.includes(title), `${title} is drawn: ${titles.join(', ')}`);
      }
      assert.ok(!titles.includes('cart-v1'), 'a deployment outside the selected namespaces is not drawn');
      // 12 preset queries (traffic, response time, throughput, security) + kube_deployment_labels, with $__range replaced,
      // + the recorded-series probe. No rules here, so the 10 rates a recorded family keeps read the raw side (`.*`).
      assert.equal(metrics.queries?.count, 14, JSON.stringify(metrics.queries?.exprs));
      const exprs = metrics.queries?.exprs ?? [];
      assert.equal(exprs.filter((e) => e.includes('meshlens_raw=~".*"')).length, 10, exprs.join('\n'));
      assert.ok(exprs.includes(idleDeploymentsQuery(['bookinfo'])), exprs.join('\n'));
      assert.ok(exprs.some((e) => /reporter=~"waypoint\|destination",destination_workload_namespace="bookinfo",meshlens_raw=~"\.\*"\} ?\[\d+s\]\)\)/.test(e)), 'inbound query with the range filled in');
      assert.ok(exprs.every((e) => !e.includes('$__range')));
      const footer = await page.getByTestId('meshlens-meshgraph-footer').innerText();
      assert.match(footer, new RegExp(`^${titles.length} nodes`));
      // archive-v1 at least (the simulator may add idle deployments of its own); productpage-v1 has traffic, so it is not idle.
      const idle = Number(/(\d+) idle nodes?/.exec(footer)?.[1]);
      assert.ok(idle >= 1, footer);
      // Kiali's `idle` term selects them: hiding idle nodes leaves the nodes with traffic.
      await page.getByLabel('Hide expression').fill('idle');
      await page.waitForFunction(([sel, n]) => document.querySelectorAll(sel as string).length === n, [NODE, titles.length - idle] as const);
      assert.equal(await page.locator('[aria-label="Node: archive-v1"]').count(), 0);
      assert.equal(await page.locator('[aria-label="Node: productpage-v1"]').count(), 1);
      console.log(`preset: ${metrics.queries?.count} queries, ${Math.round(metrics.queries?.totalMs ?? 0)} ms in total; first render ${metrics.firstRenderMs} ms`);
    } finally {
      await page.close();
    }
  });

  test('focus shows the node with its callers and callees; Show all brings the rest back', async () => {
    const { page, metrics, titles } = await render('meshgraph-preset-focus', { graphType: 'workload', injectServiceNodes: false, focus: 'workload:bookinfo/reviews-v2' }, { waitFor: NODE });
    try {
      assert.deepEqual(metrics.pageErrors, []);
      // Once one of reviews-v2's rare calls that found no ratings endpoint (UH: no destination workload) falls in the
      // range, Kiali's rule draws it to the ratings service node too.
      assert.deepEqual(
        titles.filter((t) => t !== 'ratings'),
        ['productpage-v1', 'ratings-v1', 'reviews-v2']
      );
      const banner = page.getByTestId('meshlens-meshgraph-focus');
      const text = await banner.innerText();
      const counts = /Focused on workload:bookinfo\/reviews-v2\s*·\s*(\d+) of (\d+) nodes hidden\s*·\s*Show all/.exec(text);
      assert.ok(counts, text);
      const [hidden, total] = [Number(counts[1]), Number(counts[2])];
      assert.equal(total - hidden, titles.length, text);
      await page.getByRole('button', { name: 'Show the whole graph' }).click();
      await page.waitForFunction(([sel, n]) => document.querySelectorAll(sel as string).length === n, [NODE, total] as const);
      assert.equal(await banner.count(), 0);
    } finally {
      await page.close();
    }
  });

  test('a data source that does not exist and a missing namespace are messages, not a blank panel', async () => {
    const missing = await render('meshgraph-preset-no-datasource', { prometheusUid: 'nope' });
    try {
      assert.equal(missing.metrics.panelMessage, 'No Prometheus data source to run the Istio preset on: Datasource nope was not found');
      assert.equal(missing.metrics.queries?.count, 0);
    } finally {
      await missing.page.close();
    }
    const empty = await render('meshgraph-preset-no-namespace', { namespaces: '' });
    try {
      assert.match(empty.metrics.panelMessage ?? '', /The Istio preset needs namespaces/);
    } finally {
      await empty.page.close();
    }
  });
});
