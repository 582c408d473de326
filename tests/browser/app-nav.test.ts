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
// The idle topology adds deployments without traffic (namespaces standby and legacy), no edges and no traces.
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
  sim = await startSimulator(['--topology', 'bookinfo+idle', '--warmup', '30', '--trace-sampling', '100', '--traces-dir', traces]);
  prom = await startPrometheus(scrapeConfig('mesh', [sim.target]));
  await waitUntil(async () => (await prom.query('min(count_over_time(istio_requests_total[20s])) >= 4')).length > 0, 'Prometheus data');
  // Finished traces only: the simulator writes each to `<id>.json.part`, then renames it.
  const written = () => readdirSync(traces).filter((f) => f.endsWith('.json'));
  await waitUntil(async () => written().length >= 20, 'simulated traces');
  // The fixture takes one trace per file; the simulator writes Jaeger's query-API envelope ({ data: [trace] }).
  const files = written()
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
    // Service nodes on: the reviews service is a node of its own (Kiali's triangle), whose page is the service page.
    const graphPath = `${APP}/graph?var-namespace=bookinfo&focus=service:bookinfo/reviews&display=mtls&display=legend&display=serviceNodes&from=now-5m&to=now`;
    const { page, metrics } = await harness.render({ kind: 'app', path: graphPath, width: 1400, height: 900, waitFor: NODE });
    try {
      assert.deepEqual(metrics.pageErrors, []);
      assert.equal(await page.getByTestId('meshlens-graph-focus').innerText(), 'service:bookinfo/reviews');
      const graphUrl = new URL(page.url());
      assert.equal(graphUrl.searchParams.get('focus'), 'service:bookinfo/reviews');
      assert.deepEqual(graphUrl.searchParams.getAll('display'), ['mtls', 'legend', 'serviceNodes']);

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
      assert.deepEqual(back.searchParams.getAll('display'), ['mtls', 'legend', 'serviceNodes']);
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

  test('graph node → side panel "Service page" → recent traces → a trace → a span → its workload dashboard link, and back', async () => {
    const display = ['mtls', 'legend', 'serviceNodes'];
    const graphPath = `${APP}/graph?var-namespace=bookinfo&focus=service:bookinfo/reviews&${display.map((d) => `display=${d}`).join('&')}&from=now-5m&to=now`;
    const { page, metrics } = await harness.render({ kind: 'app', path: graphPath, width: 1400, height: 900, waitFor: NODE });
    try {
      assert.deepEqual(metrics.pageErrors, []);
      const graphUrl = new URL(page.url());
      assert.equal(graphUrl.pathname, `${APP}/graph`);
      assert.deepEqual((await crumbs(page)).map((c) => c.text), ['Graph']);

      // Select the reviews service node (Kiali's triangle; an app node's page is its workload's) through the panel's
      // accessible node list; its details offer the reviews service page. The list is visually hidden (for keyboard and
      // screen-reader users): activate the button as they do.
      await page.getByRole('button', { name: 'Node: reviews', exact: true }).focus();
      await page.keyboard.press('Enter');
      const details = page.getByTestId('meshlens-meshgraph-details');
      await details.waitFor();
      const servicePage = details.getByRole('link', { name: 'Service page' });
      const href = new URL((await servicePage.getAttribute('href')) ?? '', 'http://x');
      assert.equal(href.pathname, `${APP}/graph/service/bookinfo/reviews`);
      // On the graph page the link carries the graph's own query, so the breadcrumb back restores this view.
      assert.equal(href.search, new URL(page.url()).search);
      await servicePage.click();
      await page.waitForURL((u) => u.pathname === `${APP}/graph/service/bookinfo/reviews`);
      await page.getByTestId('meshlens-detail').waitFor();
      const serviceUrl = new URL(page.url());
      assert.equal(serviceUrl.searchParams.get('focus'), 'service:bookinfo/reviews');
      assert.deepEqual(serviceUrl.searchParams.getAll('display'), display);
      const trail = await crumbs(page);
      assert.deepEqual(trail.map((c) => c.text), ['Graph', 'reviews']);
      const back = new URL(trail[0].href ?? '', 'http://x');
      assert.equal(back.pathname, `${APP}/graph`);
      assert.deepEqual(back.searchParams.getAll('display'), display);

      // Service page → recent traces → open the first trace.
      await page.getByRole('link', { name: 'Recent traces' }).click();
      await page.waitForURL((u) => u.pathname === `${APP}/traces`);
      assert.equal(new URL(page.url()).searchParams.get('service'), 'reviews.bookinfo');
      assert.deepEqual((await crumbs(page)).map((c) => c.text), ['Traces']);
      const hit = page.getByTestId('meshlens-trace-hit').first();
      await hit.waitFor({ timeout: 20_000 });
      await hit.getByRole('button', { name: /^Open trace / }).click();
      // A span the reviews sidecar reported (rows are labelled "<service> <operation>").
      const row = page.locator('[data-testid="meshlens-span-row"][aria-label^="reviews.bookinfo "]').first();
      await row.waitFor({ timeout: 20_000 });
      // The open trace is in the URL (shareable), next to the search that found it.
      const traceUrl = new URL(page.url());
      assert.equal(traceUrl.pathname, `${APP}/traces`);
      assert.match(traceUrl.searchParams.get('traceId') ?? '', /^[0-9a-f]{16,32}$/);
      assert.equal(traceUrl.searchParams.get('service'), 'reviews.bookinfo');
      assert.deepEqual((await crumbs(page)).map((c) => c.text), ['Traces']);

      // A span → its detail → the Istio workload dashboard, with the workload and namespace filled from the span's tags.
      await row.click();
      const detail = page.getByRole('complementary', { name: 'Span detail' });
      await detail.waitFor();
      const dashboard = new URL((await detail.getByRole('link', { name: 'Istio workload dashboard' }).getAttribute('href')) ?? '', 'http://x');
      assert.equal(dashboard.pathname, '/d/meshlens-istio-workload');
      assert.match(dashboard.searchParams.get('var-workload') ?? '', /^reviews-v\d$/);
      assert.equal(dashboard.searchParams.get('var-namespace'), 'bookinfo');

      // And back: history to the service page, its breadcrumb to the graph with its view, the node still listed.
      while (new URL(page.url()).pathname !== `${APP}/graph/service/bookinfo/reviews`) {
        await page.goBack();
      }
      await page.getByTestId('meshlens-detail').waitFor();
      await page.getByTestId('harness-breadcrumbs').getByRole('link', { name: 'Graph' }).click();
      await page.waitForURL((u) => u.pathname === `${APP}/graph`);
      await page.getByRole('button', { name: 'Node: reviews v2', exact: true }).waitFor();
      const restored = new URL(page.url());
      assert.equal(restored.searchParams.get('focus'), 'service:bookinfo/reviews');
      assert.equal(restored.searchParams.get('var-namespace'), 'bookinfo');
      assert.deepEqual(restored.searchParams.getAll('display'), display);
      assert.deepEqual((await crumbs(page)).map((c) => c.text), ['Graph']);
      assert.deepEqual(metrics.pageErrors, []);
    } finally {
      await page.close();
    }
  });

  test('the graph page counts the idle nodes its display choices hide, and "Idle nodes" draws them', async () => {
    const graph = (display: string[]) =>
      `${APP}/graph?var-namespace=bookinfo&var-namespace=standby&var-namespace=legacy&${display.map((d) => `display=${d}`).join('&')}&from=now-5m&to=now`;
    const hidden = await harness.render({ kind: 'app', path: graph(['mtls']), width: 1400, height: 900, waitFor: NODE });
    try {
      assert.deepEqual(hidden.metrics.pageErrors, []);
      const note = hidden.page.getByTestId('meshlens-graph-hidden');
      await note.waitFor({ timeout: 20_000 });
      // standby-v1, legacy-api-v1 and legacy-batch: deployments kube-state-metrics knows, without any request or TCP bytes.
      assert.equal(await note.innerText(), '3 idle nodes hidden (Display: Idle nodes shows them)');
      assert.equal(await hidden.page.getByRole('button', { name: /^Node: standby/ }).count(), 0);
    } finally {
      await hidden.page.close();
    }
    const shown = await harness.render({ kind: 'app', path: graph(['mtls', 'idleNodes']), width: 1400, height: 900, waitFor: NODE });
    try {
      await shown.page.getByRole('button', { name: /^Node: standby/ }).first().waitFor({ timeout: 20_000 });
      assert.equal(await shown.page.getByTestId('meshlens-graph-hidden').count(), 0);
      // The three idle deployments drawn; mongodb v1 is drawn in both views, its TCP traffic (ratings → mongodb) counts.
      const names = await shown.page.locator('[aria-label^="Node: "]').evaluateAll((els) => els.map((e) => e.getAttribute('aria-label')));
      assert.deepEqual(names.filter((n) => /standby|legacy/.test(n ?? '')).sort(), ['Node: legacy-api v1', 'Node: legacy-batch unknown', 'Node: standby v1']);
      assert.ok(names.includes('Node: mongodb v1'));
      assert.deepEqual(shown.metrics.pageErrors, []);
    } finally {
      await shown.page.close();
    }
  });
});
