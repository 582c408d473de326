import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { mkdirSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { artifactsDir, openHarness, type Harness, type RenderOptions } from '../harness/browser';

const ROOT = resolve(__dirname, '../..');
// artifacts/browser, or artifacts/browser-host13 on the Grafana 13 host (HARNESS_HOST=13).
const ARTIFACTS = artifactsDir();
const fixture = (name: string) => join(ROOT, 'tests/fixtures', name);

/** Renders in a harness whose /input serves `input`, saves a screenshot, and returns the page and metrics. */
async function renderAndShoot(name: string, input: string | undefined, opts: RenderOptions) {
  const harness: Harness = await openHarness(input);
  try {
    const { page, metrics } = await harness.render({ ...opts, input });
    mkdirSync(ARTIFACTS, { recursive: true });
    writeFileSync(join(ARTIFACTS, `${name}.png`), await page.screenshot());
    const text = await page.locator('#root').innerText();
    const ariaLabels = await page.locator('[aria-label]').evaluateAll((els) => els.map((e) => e.getAttribute('aria-label') ?? ''));
    const spanRows = await page.locator('[data-testid="meshlens-span-row"]').count();
    return { metrics, text, ariaLabels, spanRows };
  } finally {
    await harness.close();
  }
}

describe('trace panel in Chromium from dist/', () => {
  test('lists the spans of Kiali’s Bookinfo trace frame (dark)', async () => {
    const r = await renderAndShoot('trace-bookinfo-dark', fixture('frames/bookinfo-trace.frames.json'), { kind: 'trace' });
    assert.deepEqual(r.metrics.pageErrors, []);
    assert.equal(r.metrics.ok, true);
    assert.equal(r.spanRows, 8);
    assert.match(r.text, /istio-ingressgateway\.istio-system/);
    assert.match(r.text, /ratings\.bookinfo/);
    assert.match(r.text, /Spans\s*8/);
  });

  test('renders in the light theme at a small size', async () => {
    const r = await renderAndShoot('trace-bookinfo-light-small', fixture('frames/bookinfo-trace.frames.json'), {
      kind: 'trace',
      theme: 'light',
      width: 480,
      height: 260,
    });
    assert.deepEqual(r.metrics.pageErrors, []);
    assert.equal(r.metrics.ok, true);
    assert.ok(r.spanRows > 0 && r.spanRows <= 8, `virtualised rows: ${r.spanRows}`);
  });

  test('explains a frame that is not a trace instead of crashing', async () => {
    const r = await renderAndShoot('trace-bad-input', fixture('frames/workload-graph.frames.json'), { kind: 'trace' });
    assert.deepEqual(r.metrics.pageErrors, []);
    assert.equal(r.metrics.ok, false);
    assert.ok(r.metrics.panelMessage && r.metrics.panelMessage.length > 10, `message: ${r.metrics.panelMessage}`);
  });
});

describe('mesh graph panel in Chromium from dist/', () => {
  test('draws the nodes and edges of Kiali’s workload graph', async () => {
    const r = await renderAndShoot('meshgraph-workload-dark', fixture('frames/workload-graph.frames.json'), { kind: 'meshgraph' });
    assert.deepEqual(r.metrics.pageErrors, []);
    assert.equal(r.metrics.ok, true);
    for (const node of ['productpage-v1', 'reviews-v3', 'ratings-v1', 'unknown']) {
      assert.ok(r.ariaLabels.includes(`Node: ${node}`), `node ${node} is drawn`);
    }
    assert.equal(r.ariaLabels.filter((l) => l.startsWith('Edge: ')).length, 18);
  });

  test('renders in the light theme', async () => {
    const r = await renderAndShoot('meshgraph-workload-light', fixture('frames/workload-graph.frames.json'), {
      kind: 'meshgraph',
      theme: 'light',
      width: 800,
      height: 500,
    });
    assert.deepEqual(r.metrics.pageErrors, []);
    assert.equal(r.metrics.ok, true);
  });
});

describe('app in Chromium from dist/', () => {
  test('the root page opens the overview, which says when no Prometheus answers', async () => {
    // No Prometheus behind the harness proxy here; tests/browser/app-overview.test.ts runs it against a real one.
    const r = await renderAndShoot('app-root-dark', undefined, { kind: 'app' });
    assert.equal(r.metrics.ok, false);
    assert.match(r.metrics.panelMessage ?? '', /Prometheus data source "meshlens-prometheus" could not answer/);
  });

  test('the config page offers the provisioned data sources', async () => {
    const r = await renderAndShoot('app-config-light', undefined, { kind: 'app-config', theme: 'light' });
    assert.deepEqual(r.metrics.pageErrors, []);
    assert.equal(r.metrics.ok, true);
    assert.match(r.text, /Prometheus/);
    assert.match(r.text, /Jaeger/);
    assert.match(r.text, /Save settings/);
  });
});
