import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { mkdirSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import type { Page } from 'playwright-core';
import { openHarness, type Harness } from '../harness/browser';
import { startFixtureMesh, waitForFullWindow, type FixtureMesh } from '../integration/realdata.lib';
import { APP, graphShows, open, overviewShows, RANGE, startSwitch } from './app-realdata.lib';

// Real Istio scrapes (tests/fixtures/scrapes) replayed into real Prometheus servers, one per mesh, and the app
// from dist/ in Chromium reading them through one switchable data source.
const ARTIFACTS = join(resolve(__dirname, '../..'), 'artifacts/browser');

let sidecar: FixtureMesh;
let istiod: FixtureMesh;
let harness: Harness;
let sw: Awaited<ReturnType<typeof startSwitch>>;

before(async () => {
  [sidecar, istiod, sw] = await Promise.all([
    startFixtureMesh([{ file: 'datadog-integrations-core_istio-1.5_istio-merged.sidecar-reviews-v1.txt', labels: { app: 'reviews', version: 'v1' } }]),
    startFixtureMesh([{ file: 'datadog-integrations-core_istio-1.5_istiod.pilot.txt', labels: { app: 'istiod' } }]),
    startSwitch(),
  ]);
  await Promise.all([waitForFullWindow(sidecar.prom, 'istio_requests_total', 1), waitForFullWindow(istiod.prom, 'pilot_xds', 1)]);
  harness = await openHarness(undefined, { prometheusUrl: sw.url });
});

after(async () => {
  await harness?.close();
  await sw?.close();
  await Promise.all([sidecar?.stop(), istiod?.stop()]);
});

async function shoot(page: Page, name: string) {
  mkdirSync(ARTIFACTS, { recursive: true });
  writeFileSync(join(ARTIFACTS, `${name}.png`), await page.screenshot());
}

describe('one sidecar only (reviews-v1: one request from productpage-v1 per minute, mTLS)', () => {
  before(() => sw.use(sidecar.prom.url));

  test('overview: one healthy row with the exact rate, p95 and mTLS', async () => {
    const { page, shown } = await open(harness, `${APP}/overview?${RANGE}`, '[data-testid="meshlens-namespace-row"]');
    try {
      assert.deepEqual(shown.pageErrors, []);
      const rows = await overviewShows(page);
      // namespace, health, workloads, services, rate (1/60 req/s), errors, p95 (2425 ms), mTLS.
      assert.deepEqual(Object.keys(rows), ['default']);
      assert.deepEqual(rows.default.slice(0, 8), ['default', 'Healthy', '1', '1', '0.0167 req/s', '0%', '2.42s', '100%']);
      await shoot(page, 'app-realdata-sidecar-overview');
    } finally {
      await page.close();
    }
  });

  test('graph: the two workloads and their edge, healthy', async () => {
    const { page, shown } = await open(harness, `${APP}/graph?var-namespace=default&graphType=workload&${RANGE}`, '[aria-label^="Edge: "]');
    try {
      assert.deepEqual(shown.pageErrors, []);
      assert.deepEqual(await graphShows(page), { nodes: ['productpage-v1', 'reviews-v1'], edges: ['productpage-v1 → reviews-v1'] });
      assert.match(shown.text, /0\.02 req\/s healthy/);
      await shoot(page, 'app-realdata-sidecar-graph');
    } finally {
      await page.close();
    }
  });

  test('workload page: healthy, the exact rate and p95, the one caller', async () => {
    const { page, shown } = await open(harness, `${APP}/graph/workload/default/reviews-v1?${RANGE}`, '[data-testid="meshlens-detail-inbound"]');
    try {
      assert.deepEqual(shown.pageErrors, []);
      assert.match(shown.text, /Health\nHealthy\nRequest rate\n0\.0167 req\/s\nErrors \(5xx\)\n0%/);
      assert.match(shown.text, /P95\n2\.42s/);
      assert.match(await page.getByTestId('meshlens-detail-inbound').innerText(), /productpage-v1\.default\t200\t0\.0167 req\/s/);
    } finally {
      await page.close();
    }
  });
});

describe('istiod only (pilot_* metrics, no Istio traffic series)', () => {
  before(() => sw.use(istiod.prom.url));

  test('overview: a clear "no Istio request metrics" message, no rows, no error', async () => {
    const { page, shown } = await open(harness, `${APP}/overview?${RANGE}`);
    try {
      await page.getByText('No Istio request metrics (istio_requests_total)', { exact: false }).waitFor({ timeout: 30_000 });
      assert.deepEqual(await overviewShows(page), {});
      assert.deepEqual(shown.pageErrors, []);
      await shoot(page, 'app-realdata-istiod-overview');
    } finally {
      await page.close();
    }
  });
});
