import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { artifactsDir, openHarness, type Harness } from '../harness/browser';
import { startIstioFixture, type MetricsSource } from '../harness/istioFixture';
import { waitUntil } from '../lib/poll';
import { freePort, scrapeConfig, startPrometheus, type RunningPrometheus } from '../lib/prometheus';

// artifacts/browser, or artifacts/browser-host13 on the Grafana 13 host (HARNESS_HOST=13).
const ARTIFACTS = artifactsDir();
// The stats are averages over the picked range (rate over $__range), so the range must not reach back
// before Prometheus started: a 10 s range, once Prometheus holds more than that.
// Ending 2 s back: the last scrape has landed, so a 10 s rate window is not extrapolated short.
const OVERVIEW = '/a/meshlens-istio-app/overview?from=now-12s&to=now-2s';

let source: MetricsSource;
let prom: RunningPrometheus;
let harness: Harness;

before(async () => {
  // One line to swap for the mesh simulator once it lands.
  source = await startIstioFixture();
  prom = await startPrometheus(scrapeConfig('istio-mesh', [source.target]));
  await waitUntil(
    async () => (await prom.query('min(count_over_time(istio_requests_total[15s])) >= 12')).length > 0,
    'Prometheus data'
  );
  harness = await openHarness(undefined, { prometheusUrl: prom.url });
});

after(async () => {
  await harness?.close();
  await prom?.stop();
  await source?.close();
});

async function shoot(page: import('playwright-core').Page, name: string) {
  mkdirSync(ARTIFACTS, { recursive: true });
  writeFileSync(join(ARTIFACTS, `${name}.png`), await page.screenshot());
}

describe('overview page in Chromium from dist/ against a real Prometheus', () => {
  test("one row per namespace with rate, errors, latency, mTLS and health by Kiali's rules with reasons, from 9 grouped queries", async () => {
    // Rows come from 7 queries; p95 and sparklines from 2 more in a runner the rows do not wait for.
    const { page, metrics } = await harness.render({
      kind: 'app',
      path: OVERVIEW,
      width: 1400,
      height: 800,
      waitFor: '[data-meshlens-details="Done"]',
    });
    try {
      assert.deepEqual(metrics.pageErrors, []);
      assert.equal(metrics.ok, true, `message: ${metrics.panelMessage}`);
      await shoot(page, 'app-overview-list');
      const rows = await page
        .locator('[data-testid="meshlens-namespace-row"]')
        .evaluateAll((els) =>
          els.map((el) => Array.from(el.querySelectorAll('[role="cell"]'), (c) => (c.textContent ?? '').trim()))
        );
      const byNs = Object.fromEntries(rows.map((cells) => [cells[0], cells]));
      assert.deepEqual(Object.keys(byNs).sort(), ['bookinfo', 'istio-system', 'legacy', 'payments', 'shop']);
      // Columns: namespace, health, workloads, services, rate, errors, p95, mTLS, trend.
      // Health by Kiali's default rules, the word then its reasons, each naming the workload graded (Kiali grades
      // workloads; a namespace is its worst). payments: 25 % of payment-v1's requests fail.
      assert.match(byNs.payments[1], /^Failurepayment-v1: 5xx 2\d\.\d % of inbound HTTP ≥ 10 % failure$/);
      // shop: 3 % of the gateway's requests to frontend fail (any 5xx degrades), and cart-v1's calls to payments fail 25 %.
      // Worst reason first; frontend-v1's share is its own 3 %, no longer diluted by the namespace's other workloads.
      assert.match(
        byNs.shop[1],
        /^Failurecart-v1: 5xx 2\d\.\d % of outbound HTTP ≥ 10 % failure; frontend-v1: 5xx [23]\.\d % of inbound HTTP > 0 % degraded$/
      );
      // bookinfo: details answers 0.5 % with 503 (was "Healthy" under the old 1 % rule).
      assert.match(
        byNs.bookinfo[1],
        /^Degradeddetails-v1: 5xx 0\.\d % of inbound HTTP > 0 % degraded; productpage-v1: 5xx 0\.\d % of outbound HTTP > 0 % degraded$/
      );
      // istio-system only sends: graded by what its gateway sends (3 % of its shop traffic fails).
      assert.match(
        byNs['istio-system'][1],
        /^Degradedistio-ingressgateway: 5xx 1\.\d % of outbound HTTP > 0 % degraded$/
      );
      assert.equal(byNs.legacy[1], 'Healthy');
      assert.equal(byNs.bookinfo[2], '4');
      assert.equal(byNs.bookinfo[3], '4');
      assert.equal(byNs['istio-system'][2], '1');
      assertNear(parseFloat(byNs.bookinfo[4]), 52, 0.2, 'bookinfo req/s');
      assertNear(parseFloat(byNs.payments[5]), 25, 0.2, 'payments error %');
      assert.equal(byNs.bookinfo[7], '100%');
      assert.equal(byNs.legacy[7], '0%');
      // p95 from the histogram buckets: payments (exponential, mean 300 ms: p95 ≈ 900 ms, interpolated in the
      // 500–1000 or 1000–2500 bucket) is slow; bookinfo (means ≤ 40 ms) is fast.
      const payP95 = toMs(byNs.payments[6]);
      assert.ok(payP95 > 500 && payP95 <= 2500, `payments p95 ${byNs.payments[6]}`);
      assert.ok(toMs(byNs.bookinfo[6]) < 250, `bookinfo p95 ${byNs.bookinfo[6]}`);
      // Sorted by health: failing first.
      assert.equal(rows[0][0], 'payments');
      // No per-namespace queries: the same 9 for 5 namespaces as for 500, and the `raw` switch's probe (no recording
      // rules here: the rates read the raw series).
      assert.equal(metrics.queries?.count, 10, JSON.stringify(metrics.queries?.exprs));
      assert.equal(metrics.queries?.exprs.filter((e) => e.includes('meshlens_raw=~".*"')).length, 4);
      console.log(
        `overview: ${metrics.queries?.count} queries, ${metrics.queries?.totalMs} ms total, first render ${metrics.firstRenderMs} ms`
      );
    } finally {
      await page.close();
    }
  });

  test('filter, sort and card view are kept in the URL', async () => {
    const { page, metrics } = await harness.render({ kind: 'app', path: OVERVIEW, width: 1200, height: 700 });
    try {
      assert.equal(metrics.ok, true, `message: ${metrics.panelMessage}`);
      await page.getByLabel('Filter namespaces').fill('o');
      await page.getByRole('radio', { name: 'Cards' }).check({ force: true });
      await page.waitForSelector('[data-testid="meshlens-namespace-card"]');
      const names = await page.locator('[data-testid="meshlens-namespace-card"] a').allInnerTexts();
      assert.deepEqual(names.sort(), ['bookinfo', 'istio-system', 'shop']);
      const url = new URL(page.url());
      assert.equal(url.searchParams.get('filter'), 'o');
      assert.equal(url.searchParams.get('view'), 'cards');
      assert.match(await page.getByTestId('meshlens-overview-count').innerText(), /3 of 5 namespaces shown/);
      await shoot(page, 'app-overview-cards');
    } finally {
      await page.close();
    }
  });

  test('a namespace opens the graph page scoped to it', async () => {
    const { page, metrics } = await harness.render({ kind: 'app', path: OVERVIEW });
    try {
      assert.equal(metrics.ok, true);
      await page.getByRole('link', { name: 'Open the graph of shop' }).click();
      await page.waitForURL((u) => u.pathname === '/a/meshlens-istio-app/graph');
      assert.equal(new URL(page.url()).searchParams.getAll('var-namespace').join(','), 'shop');
    } finally {
      await page.close();
    }
  });
});

describe('app root', () => {
  test('the bare app URL opens the overview', async () => {
    const { page, metrics } = await harness.render({ kind: 'app', path: '/a/meshlens-istio-app' });
    try {
      assert.equal(metrics.ok, true, `message: ${metrics.panelMessage}`);
      assert.equal(new URL(page.url()).pathname, '/a/meshlens-istio-app/overview');
    } finally {
      await page.close();
    }
  });
});

describe('overview page with bad input', () => {
  test('an unreachable Prometheus gets a clear message, not a blank page', async () => {
    const closed = await openHarness(undefined, { prometheusUrl: `http://127.0.0.1:${await freePort()}` });
    try {
      const { page, metrics } = await closed.render({ kind: 'app', path: OVERVIEW });
      assert.equal(metrics.ok, false);
      assert.match(
        metrics.panelMessage ?? '',
        /Prometheus data source "meshlens-prometheus" could not answer: .*ECONNREFUSED/
      );
      await shoot(page, 'app-overview-unreachable');
    } finally {
      await closed.close();
    }
  });

  test('a data source uid that does not exist is named in the message', async () => {
    const { page, metrics } = await harness.render({
      kind: 'app',
      path: OVERVIEW,
      jsonData: { prometheusUid: 'no-such-uid' },
    });
    try {
      assert.equal(metrics.ok, false);
      assert.match(metrics.panelMessage ?? '', /"no-such-uid" could not answer: .*not found/);
    } finally {
      await page.close();
    }
  });

  test('no Istio metrics in range: says what is missing', async () => {
    const { page, metrics } = await harness.render({
      kind: 'app',
      path: OVERVIEW,
      jsonData: { defaultNamespaces: ['no-such-namespace'] },
    });
    try {
      // The configured namespace is still listed (flagged "no traffic"), under the explanation.
      assert.deepEqual(metrics.pageErrors, []);
      assert.match(
        await page.getByTestId('meshlens-panel-message').innerText(),
        /No Istio request metrics \(istio_requests_total\)/
      );
      const row = page.getByTestId('meshlens-namespace-row');
      assert.equal(await row.count(), 1);
      assert.match(await row.innerText(), /no-such-namespace\s+no traffic/);
      assert.match(
        await page.getByTestId('meshlens-overview-count').innerText(),
        /1 of 1 namespace shown · 1 without traffic/
      );
    } finally {
      await page.close();
    }
  });
});

function toMs(cell: string): number {
  const m = /^([\d.]+)(ms|s)$/.exec(cell);
  assert.ok(m, `not a duration: ${cell}`);
  return Number(m[1]) * (m[2] === 's' ? 1000 : 1);
}

function assertNear(actual: number, expected: number, tolerance: number, what: string) {
  assert.ok(
    Math.abs(actual - expected) <= expected * tolerance,
    `${what}: ${actual} is not within ${tolerance * 100}% of ${expected}`
  );
}
