import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import { openHarness, type Harness } from '../harness/browser';
import { startIstioFixture, type MetricsSource } from '../harness/istioFixture';
import { scrapeConfig, startPrometheus, type RunningPrometheus } from '../lib/prometheus';

// The scale target: an overview of 500 namespaces. Figures are printed, not asserted (wall clock).
const GENERATED = 500;

let source: MetricsSource;
let prom: RunningPrometheus;
let harness: Harness;

before(async () => {
  source = await startIstioFixture({ generatedNamespaces: GENERATED });
  prom = await startPrometheus(scrapeConfig('istio-mesh', [source.target]));
  const until = Date.now() + 60_000;
  while ((await prom.query('min(count_over_time(istio_requests_total[15s])) >= 12')).length === 0) {
    assert.ok(Date.now() < until, 'Prometheus did not collect 12 s of samples within 60 s');
    await new Promise((r) => setTimeout(r, 500));
  }
  harness = await openHarness(undefined, { prometheusUrl: prom.url });
});

after(async () => {
  await harness?.close();
  await prom?.stop();
  await source?.close();
});

test('500 namespaces: the same 10 grouped queries (9 and the recorded-series probe), a virtualised list, all namespaces counted', async () => {
  const { page, metrics } = await harness.render({ kind: 'app', path: '/a/meshlens-istio-app/overview?from=now-10s&to=now', width: 1400, height: 800, waitFor: '[data-meshlens-details="Done"]', });
  try {
    assert.deepEqual(metrics.pageErrors, []);
    assert.equal(metrics.ok, true);
    assert.equal(metrics.queries?.count, 10, JSON.stringify(metrics.queries?.exprs));
    assert.match(await page.getByTestId('meshlens-overview-count').innerText(), new RegExp(`^${GENERATED + 5} of ${GENERATED + 5} namespaces shown`));
    const rendered = await page.locator('[data-testid="meshlens-namespace-row"]').count();
    assert.ok(rendered > 0 && rendered < 60, `only the visible rows are in the DOM: ${rendered}`);
    await page.getByLabel('Filter namespaces').fill('gen-49');
    await page.waitForFunction(() => document.querySelectorAll('[data-testid="meshlens-namespace-row"]').length === 10);
    console.log(
      `overview, ${GENERATED + 5} namespaces: ${metrics.queries?.count} queries, ${metrics.queries?.totalMs} ms query time, ` +
        `first render ${metrics.firstRenderMs} ms after mount (queries included), longest task ${metrics.longestTaskMs} ms, heap ${metrics.jsHeapMB} MB, ${rendered} rows in the DOM`
    );
  } finally {
    await page.close();
  }
});
