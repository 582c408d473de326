import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { mkdirSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import type { Page } from 'playwright-core';
import { openHarness, type Harness } from '../harness/browser';
import { startFixtureMesh, waitForFullWindow, type FixtureMesh } from '../integration/realdata.lib';
import { startPrometheus, scrapeConfig, type RunningPrometheus } from '../lib/prometheus';
import { startSimulator, type RunningSimulator } from '../integration/simulator.lib';
import { APP, graphShows, listedHealth, open, openUntil, overviewShows, RANGE, startSwitch } from './app-realdata.lib';

// Real Istio scrapes (tests/fixtures/scrapes) replayed into real Prometheus servers, one per mesh, and the app
// from dist/ in Chromium reading them through one switchable data source.
const ARTIFACTS = join(resolve(__dirname, '../..'), 'artifacts/browser');

let sidecar: FixtureMesh;
let istiod: FixtureMesh;
let ambient: FixtureMesh;
let sim: RunningSimulator;
let simProm: RunningPrometheus;
let harness: Harness;
let sw: Awaited<ReturnType<typeof startSwitch>>;

before(async () => {
  const bookinfo = (async () => {
    sim = await startSimulator(['--topology', 'bookinfo', '--fault', 'reviews-v3:ratings:0.9:503']);
    simProm = await startPrometheus(scrapeConfig('simulator', [sim.target]));
  })();
  [sidecar, istiod, ambient, sw] = await Promise.all([
    startFixtureMesh([{ file: 'datadog-integrations-core_istio-1.5_istio-merged.sidecar-reviews-v1.txt', labels: { app: 'reviews', version: 'v1' } }]),
    startFixtureMesh([{ file: 'datadog-integrations-core_istio-1.5_istiod.pilot.txt', labels: { app: 'istiod' } }]),
    startFixtureMesh([{ file: 'datadog-integrations-core_istio-1.24_ztunnel.txt', labels: { app: 'ztunnel', pod: 'ztunnel-replay' } }]),
    startSwitch(),
  ]);
  await bookinfo;
  await Promise.all([
    waitForFullWindow(sidecar.prom, 'istio_requests_total', 1),
    waitForFullWindow(istiod.prom, 'pilot_xds', 1),
    waitForFullWindow(ambient.prom, 'istio_tcp_received_bytes_total', 14),
    waitForFullWindow(simProm, 'istio_requests_total{source_workload="reviews-v3",destination_service_name="ratings"}', 4),
  ]);
  harness = await openHarness(undefined, { prometheusUrl: sw.url });
});

after(async () => {
  await harness?.close();
  await sw?.close();
  await Promise.all([sidecar?.stop(), istiod?.stop(), ambient?.stop(), simProm?.stop()]);
  await sim?.stop();
});

async function shoot(page: Page, name: string) {
  mkdirSync(ARTIFACTS, { recursive: true });
  writeFileSync(join(ARTIFACTS, `${name}.png`), await page.screenshot());
}

describe('one sidecar only (reviews-v1: one request from productpage-v1 per minute, mTLS)', () => {
  before(() => sw.use(sidecar.prom.url));

  test('overview: one healthy row with the exact rate, p95 and mTLS', async () => {
    // namespace, health, workloads, services, rate (1/60 req/s), errors, p95 (2425 ms), mTLS.
    const expected = { default: ['default', 'Healthy', '1', '1', '0.0167 req/s', '0%', '2.42s', '100%'] };
    const read = async (p: Page) => Object.fromEntries(Object.entries(await overviewShows(p)).map(([ns, cells]) => [ns, cells.slice(0, 8)]));
    const { page, shown, got } = await openUntil(harness, `${APP}/overview?${RANGE}`, '[data-testid="meshlens-namespace-row"]', read, expected);
    try {
      assert.deepEqual(shown.pageErrors, []);
      assert.deepEqual(got, expected);
      await shoot(page, 'app-realdata-sidecar-overview');
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

describe('TCP-only ambient (ztunnel: Bookinfo in default, L4 only)', () => {
  before(() => sw.use(ambient.prom.url));

  test('graph: the seven workloads and the seven TCP edges at their recorded bytes / 60 s', async () => {
    const edge = (p: Page) => p.locator('[aria-label="Edge: traffic-gen → productpage-v1"]').innerText();
    const { page, shown, got } = await openUntil(harness, `${APP}/graph?var-namespace=default&graphType=workload&display=mtls&${RANGE}`, '[aria-label^="Edge: "]', edge, 'tcp · 1260bps · healthy');
    try {
      assert.deepEqual(shown.pageErrors, []);
      assert.deepEqual(await graphShows(page), {
        nodes: ['details-v1', 'productpage-v1', 'ratings-v1', 'reviews-v1', 'reviews-v2', 'reviews-v3', 'traffic-gen'],
        edges: [
          'productpage-v1 → details-v1',
          'productpage-v1 → reviews-v1',
          'productpage-v1 → reviews-v2',
          'productpage-v1 → reviews-v3',
          'reviews-v2 → ratings-v1',
          'reviews-v3 → ratings-v1',
          'traffic-gen → productpage-v1',
        ],
      });
      // traffic-gen → productpage-v1: 75621 B recorded, 75621 / 60 = 1260.35 B/s.
      assert.equal(got, 'tcp · 1260bps · healthy');
      assert.match(shown.text, /7 nodes, 7 edges · 7 series reported by both proxies counted once/);
      await shoot(page, 'app-realdata-ambient-graph');
    } finally {
      await page.close();
    }
  });

  test('overview: default with its 7 workloads, "No traffic" for lack of HTTP/gRPC, no error', async () => {
    const { page, shown } = await open(harness, `${APP}/overview?${RANGE}`, '[data-testid="meshlens-namespace-row"]');
    try {
      assert.deepEqual(shown.pageErrors, []);
      const rows = await overviewShows(page);
      assert.deepEqual(Object.keys(rows), ['default']);
      assert.equal(rows.default[2], '7');
      assert.equal(rows.default[1], 'No trafficno HTTP or gRPC requests in this time range');
    } finally {
      await page.close();
    }
  });
});

describe('Bookinfo with reviews-v3 → ratings failing 90 % (simulator)', () => {
  before(() => sw.use(simProm.url));

  test('graph: the failing edge and both its ends are "failure"; the overview row and both detail pages say Failure', async () => {
    const graph = await open(harness, `${APP}/graph?var-namespace=bookinfo&graphType=workload&display=mtls&${RANGE}`, '[aria-label="Edge: reviews-v3 → ratings-v1"]');
    try {
      assert.deepEqual(graph.shown.pageErrors, []);
      assert.equal(await listedHealth(graph.page, 'Edge: reviews-v3 → ratings-v1'), 'failure');
      assert.equal(await listedHealth(graph.page, 'Node: reviews-v3'), 'failure');
      assert.equal(await listedHealth(graph.page, 'Node: ratings-v1'), 'failure');
      assert.equal(await listedHealth(graph.page, 'Edge: reviews-v2 → ratings-v1'), 'healthy');
      await shoot(graph.page, 'app-realdata-bookinfo-failure-graph');
    } finally {
      await graph.page.close();
    }
    const overview = await open(harness, `${APP}/overview?${RANGE}`, '[data-testid="meshlens-namespace-row"]');
    try {
      assert.match((await overviewShows(overview.page)).bookinfo[1], /^Failure/);
    } finally {
      await overview.page.close();
    }
    for (const [path, reason] of [
      ['workload/bookinfo/reviews-v3', /5xx \d+\.\d % of outbound HTTP ≥ 10 % failure/],
      ['service/bookinfo/ratings', /5xx \d+\.\d % of inbound HTTP ≥ 10 % failure/],
    ] as const) {
      const detail = await open(harness, `${APP}/graph/${path}?${RANGE}`, '[data-testid="meshlens-detail-inbound"]');
      try {
        assert.deepEqual(detail.shown.pageErrors, [], path);
        assert.match(detail.shown.text, /Health\nFailure/, path);
        assert.match(detail.shown.text, reason, path);
      } finally {
        await detail.page.close();
      }
    }
  });
});
