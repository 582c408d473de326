import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { openHarness, type Harness } from '../harness/browser';
import { startJaegerFixture, type JaegerFixture } from '../harness/jaegerFixture';
import { startSimulator, type RunningSimulator } from '../integration/simulator.lib';
import { waitUntil } from '../lib/poll';
import { scrapeConfig, startPrometheus, type RunningPrometheus } from '../lib/prometheus';

// The navigation loop on one mesh: the simulator's bookinfo metrics (real Prometheus) and its traces
// (written as Jaeger JSON, served by the Jaeger fixture), so the traces page finds the service's traces.
const APP = '/a/meshlens-istio-app';
const NODE = '[aria-label^="Node: "]';

let sim: RunningSimulator;
let prom: RunningPrometheus;
let jaeger: JaegerFixture;
let harness: Harness;
let dir: string;

before(async () => {
  dir = mkdtempSync(join(tmpdir(), 'meshlens-nav-'));
  const traces = join(dir, 'traces');
  sim = await startSimulator(['--topology', 'bookinfo', '--warmup', '30', '--trace-sampling', '100', '--traces-dir', traces]);
  prom = await startPrometheus(scrapeConfig('mesh', [sim.target]));
  await waitUntil(async () => (await prom.query('min(count_over_time(istio_requests_total[20s])) >= 4')).length > 0, 'Prometheus data');
  await waitUntil(async () => readdirSync(traces).length >= 20, 'simulated traces');
  // The fixture takes one trace per file; the simulator writes Jaeger's query-API envelope ({ data: [trace] }).
  const files = readdirSync(traces)
    .slice(0, 40)
    .map((f) => {
      const out = join(dir, f);
      writeFileSync(out, JSON.stringify((JSON.parse(readFileSync(join(traces, f), 'utf8')) as { data: unknown[] }).data[0]));
      return out;
    });
  jaeger = await startJaegerFixture(files);
  harness = await openHarness(undefined, { prometheusUrl: prom.url, jaegerUrl: jaeger.url });
});

after(async () => {
  await harness?.close();
  await jaeger?.close();
  await prom?.stop();
  await sim?.stop();
  rmSync(dir, { recursive: true, force: true });
});

const crumbs = (page: import('playwright-core').Page) =>
  page
    .getByTestId('harness-breadcrumbs')
    .locator('a, [aria-current="page"]')
    .evaluateAll((els) => els.map((e) => ({ text: (e.textContent ?? '').trim(), href: e.getAttribute('href') })));

describe('navigation loop in Chromium from dist/: graph → service page → its traces, and back', () => {
  test('focus and display in the graph URL; the service page breadcrumbs lead back to that view; traces list', async () => {
    const graphPath = `${APP}/graph?var-namespace=bookinfo&focus=service:bookinfo/reviews&display=mtls&display=legend&from=now-5m&to=now`;
    const { page, metrics } = await harness.render({ kind: 'app', path: graphPath, width: 1400, height: 900, waitFor: NODE });
    try {
      assert.deepEqual(metrics.pageErrors, []);
      assert.equal(await page.getByTestId('meshlens-graph-focus').innerText(), 'service:bookinfo/reviews');
      const graphUrl = new URL(page.url());
      assert.equal(graphUrl.searchParams.get('focus'), 'service:bookinfo/reviews');
      assert.deepEqual(graphUrl.searchParams.getAll('display'), ['mtls', 'legend']);

      // Graph → service page: a drill-down of the graph page, carrying the graph's query.
      await page.getByRole('link', { name: 'reviews.bookinfo' }).click();
      await page.waitForURL((u) => u.pathname === `${APP}/graph/service/bookinfo/reviews`);
      await page.getByTestId('meshlens-detail').waitFor();
      const serviceUrl = new URL(page.url());
      assert.equal(serviceUrl.searchParams.get('var-namespace'), 'bookinfo');
      assert.equal(serviceUrl.searchParams.get('focus'), 'service:bookinfo/reviews');
      const trail = await crumbs(page);
      assert.deepEqual(
        trail.map((c) => c.text),
        ['Graph', 'reviews']
      );
      const back = new URL(trail[0].href ?? '', 'http://x');
      assert.equal(back.pathname, `${APP}/graph`);
      assert.equal(back.searchParams.get('var-namespace'), 'bookinfo');
      assert.equal(back.searchParams.get('focus'), 'service:bookinfo/reviews');
      assert.deepEqual(back.searchParams.getAll('display'), ['mtls', 'legend']);
      // The service page's own graph link comes back focused on it.
      const graphLink = new URL((await page.getByRole('link', { name: 'Graph of bookinfo, focused on reviews' }).getAttribute('href')) ?? '', 'http://x');
      assert.equal(graphLink.searchParams.get('focus'), 'service:bookinfo/reviews');

      // Service page → its recent traces: the traces page searches the service's Istio trace name.
      await page.getByRole('link', { name: 'Recent traces' }).click();
      await page.waitForURL((u) => u.pathname === `${APP}/traces`);
      assert.equal(new URL(page.url()).searchParams.get('service'), 'reviews.bookinfo');
      await page
        .getByTestId('meshlens-trace-hit')
        .first()
        .waitFor({ timeout: 20_000 })
        .catch(async (e) => {
          throw new Error(`no trace listed: ${await page.getByTestId('meshlens-traces').innerText().catch(() => '(no traces page)')}\n${e}`);
        });
      assert.ok((await page.getByTestId('meshlens-trace-hit').count()) > 0);

      // And back: history returns to the service page, then its breadcrumb to the graph with its view.
      await page.goBack();
      await page.waitForURL((u) => u.pathname === `${APP}/graph/service/bookinfo/reviews`);
      await page.getByTestId('harness-breadcrumbs').getByRole('link', { name: 'Graph' }).click();
      await page.waitForURL((u) => u.pathname === `${APP}/graph`);
      await page.locator(NODE).first().waitFor();
      const restored = new URL(page.url());
      assert.equal(restored.searchParams.get('focus'), 'service:bookinfo/reviews');
      assert.equal(restored.searchParams.get('var-namespace'), 'bookinfo');
      console.log(`navigation loop: graph ${metrics.queries?.count} queries, ${metrics.queries?.totalMs} ms`);
    } finally {
      await page.close();
    }
  });
});
