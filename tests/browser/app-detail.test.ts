import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { artifactsDir, openHarness, type Harness } from '../harness/browser';
import { startIstioFixture, type MetricsSource } from '../harness/istioFixture';
import { scrapeConfig, startPrometheus, type RunningPrometheus } from '../lib/prometheus';

// artifacts/browser, or artifacts/browser-host13 on the Grafana 13 host (HARNESS_HOST=13).
const ARTIFACTS = artifactsDir();
const BASE = '/a/meshlens-istio-app/overview';

let source: MetricsSource;
let prom: RunningPrometheus;
let harness: Harness;

before(async () => {
  // One line to swap for the mesh simulator once it lands.
  source = await startIstioFixture();
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

const cells = (page: import('playwright-core').Page, testId: string) =>
  page.locator(`[data-testid="${testId}"] tbody tr`).evaluateAll((rows) => rows.map((r) => Array.from(r.querySelectorAll('td'), (td) => (td.textContent ?? '').trim())));

describe('service and workload pages in Chromium from dist/ against a real Prometheus', () => {
  test('service page: RED metrics, inbound and outbound by peer and code, links to the dashboard with variables filled', async () => {
    const { page, metrics } = await harness.render({ kind: 'app', path: `${BASE}/service/shop/cart?from=now-12s&to=now-2s`, width: 1300, height: 900 });
    try {
      assert.deepEqual(metrics.pageErrors, []);
      assert.equal(metrics.ok, true, `message: ${metrics.panelMessage}`);
      const text = await page.getByTestId('meshlens-detail').innerText();
      // About 9 req/s (frontend → cart); a 10 s window over 1 s scrapes moves it by a few tenths under load.
      const rate = /Request rate\s+([\d.]+) req\/s/.exec(text);
      assert.ok(rate && Math.abs(parseFloat(rate[1]) - 9) < 1.5, `request rate: ${rate?.[0]}`);
      assert.match(text, /Errors \(inbound\)\s+0%/);
      // Kiali's rules, inbound and outbound: cart's own calls to payment fail 25 %, so cart is failing, and says why.
      assert.match(text, /Health\s+Failure\s+5xx 2\d\.\d % of outbound HTTP ≥ 10 % failure/);
      // The word is in the error colour, as on the overview (the stat labels' grey `span` style covered it here).
      const health = page.getByTestId('meshlens-detail').locator('[data-health="failure"]');
      const word = await health.locator('> span').first().evaluate((el) => getComputedStyle(el).color);
      const label = await health.locator('xpath=preceding-sibling::span').evaluate((el) => getComputedStyle(el).color);
      const [r, g, b] = (word.match(/\d+/g) ?? []).map(Number);
      assert.notEqual(word, label);
      assert.ok(r > 200 && g < 120 && b < 160, `health word colour ${word}`);
      assert.deepEqual(await cells(page, 'meshlens-detail-inbound'), [['frontend-v1.shop', '200', expect9(await cells(page, 'meshlens-detail-inbound'))]]);
      const outbound = await cells(page, 'meshlens-detail-outbound');
      assert.deepEqual(outbound.map((r) => r.slice(0, 2)), [['payment.payments', '200'], ['payment.payments', '503']]);
      const href = await page.getByRole('link', { name: 'Istio service dashboard' }).getAttribute('href');
      const url = new URL(href!, 'http://x');
      assert.equal(url.pathname, '/d/meshlens-istio-service');
      assert.equal(url.searchParams.get('var-service'), 'cart.shop.svc.cluster.local');
      assert.equal(url.searchParams.get('var-namespace'), 'shop');
      assert.equal(url.searchParams.get('var-cluster'), 'Kubernetes');
      // Service → its traces on the traces page.
      assert.equal(await page.getByRole('link', { name: 'Recent traces' }).getAttribute('href'), '/a/meshlens-istio-app/traces?service=cart.shop');
      // 10 for the metrics, breakdowns and TCP bytes (errors and health come from the breakdowns by code), 13 for the
      // node's own graph: the mesh graph's grouped queries of its namespace, the same the Graph page sends; 1 for the
      // `raw` switch's probe, which the own graph shares (no recording rules here: the page reads the raw series; 9
      // of the page's queries and the graph's 10 rates a recorded family keeps carry the switch).
      assert.equal(metrics.queries?.count, 24, JSON.stringify(metrics.queries?.exprs));
      assert.equal(metrics.queries?.exprs.filter((e) => e.includes('meshlens_raw=~".*"')).length, 9 + 10);
      await page.waitForSelector('[aria-label^="Node: "]');
      const nodes = await page.locator('[aria-label^="Node: "]').evaluateAll((els) => els.map((e) => e.getAttribute('aria-label')).sort());
      // Kiali's service node graph: the service, its caller and the versioned app behind it (payment is called by
      // cart v1, not by the service node, so the focus leaves it out).
      assert.deepEqual(nodes, ['Node: cart', 'Node: cart v1', 'Node: frontend v1']);
      mkdirSync(ARTIFACTS, { recursive: true });
      writeFileSync(join(ARTIFACTS, 'app-service.png'), await page.screenshot());
      // A callee opens its own page.
      await page.getByRole('link', { name: 'payment.payments' }).first().click();
      await page.waitForURL((u) => u.pathname === `${BASE}/service/payments/payment`);
      await page.getByTestId('meshlens-detail').waitFor();
      assert.match(await page.getByTestId('meshlens-detail').innerText(), /Health\s+Failure\s+5xx 2\d\.\d % of inbound HTTP ≥ 10 % failure/);
    } finally {
      await page.close();
    }
  });

  test('workload page links to the workload dashboard; an unknown workload gets a clear message', async () => {
    const { page, metrics } = await harness.render({ kind: 'app', path: `${BASE}/workload/bookinfo/reviews-v2?from=now-12s&to=now-2s` });
    try {
      assert.equal(metrics.ok, true, `message: ${metrics.panelMessage}`);
      const href = await page.getByRole('link', { name: 'Istio workload dashboard' }).getAttribute('href');
      assert.match(href ?? '', /^\/d\/meshlens-istio-workload\?.*var-workload=reviews-v2/);
      assert.deepEqual((await cells(page, 'meshlens-detail-outbound')).map((r) => r[0]), ['ratings.bookinfo']);
    } finally {
      await page.close();
    }
    const missing = await harness.render({ kind: 'app', path: `${BASE}/workload/bookinfo/no-such-workload?from=now-10s&to=now` });
    try {
      // The page's own graph panel may paint before the message (it marks itself ready too), so wait for the message
      // rather than read the harness's first-ready snapshot; the detail view must not be there.
      const message = missing.page.getByTestId('meshlens-panel-message');
      await message.first().waitFor({ timeout: 30_000 });
      assert.match(await message.first().innerText(), /No Istio traffic for workload "no-such-workload" in namespace "bookinfo"/);
      assert.equal(await missing.page.getByTestId('meshlens-detail').count(), 0);
    } finally {
      await missing.page.close();
    }
  });
});

/** The inbound rate cell must read about 9 req/s (frontend → cart); returns the actual cell for the deep-equal above. */
function expect9(rows: string[][]): string {
  const cell = rows[0]?.[2] ?? '';
  assert.ok(Math.abs(parseFloat(cell) - 9) < 1.5, `frontend → cart rate: ${cell}`);
  return cell;
}
