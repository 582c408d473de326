import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { artifactsDir, openHarness, type RenderOptions } from '../harness/browser';

// The mesh graph panel from dist/ in Chromium, fed Istio Prometheus frames (the preset's shape).
const ROOT = resolve(__dirname, '../..');
// artifacts/browser, or artifacts/browser-host13 on the Grafana 13 host (HARNESS_HOST=13).
const ARTIFACTS = artifactsDir();

async function render(name: string, input: string, opts: Omit<RenderOptions, 'kind'> = {}) {
  const harness = await openHarness(input);
  try {
    const { page, metrics } = await harness.render({ kind: 'meshgraph', input, ...opts });
    mkdirSync(ARTIFACTS, { recursive: true });
    writeFileSync(join(ARTIFACTS, `${name}.png`), await page.screenshot());
    const labels = await page.locator('[aria-label]').evaluateAll((els) => els.map((e) => e.getAttribute('aria-label') ?? ''));
    const footer = metrics.ok ? await page.locator('[data-testid="meshlens-meshgraph-footer"]').innerText() : '';
    const injectedImages = await page.locator('img[src="x"]').count();
    return { metrics, labels, footer, injectedImages };
  } finally {
    await harness.close();
  }
}

/** Prometheus instant-query table frames as DataFrameJSON. */
function framesFile(rows: Array<{ labels: Record<string, string>; value: number | null }>): { file: string; cleanup: () => void } {
  const dir = mkdtempSync(join(tmpdir(), 'meshlens-mesh-'));
  const names = [...new Set(rows.flatMap((r) => Object.keys(r.labels)))];
  const frame = {
    schema: {
      refId: 'istio_requests_total inbound',
      fields: [...names.map((name) => ({ name, type: 'string', config: {} })), { name: 'Value', type: 'number', config: {} }],
    },
    data: { values: [...names.map((n) => rows.map((r) => r.labels[n] ?? null)), rows.map((r) => r.value)] },
  };
  const file = join(dir, 'frames.json');
  writeFileSync(file, JSON.stringify([frame]));
  return { file, cleanup: () => rmSync(dir, { recursive: true, force: true }) };
}

const call = (source: string, dest: string, code = '200') => ({
  source_cluster: 'east',
  source_workload_namespace: 'shop',
  source_workload: source,
  source_canonical_service: source.replace(/-v\d+$/, ''),
  source_canonical_revision: 'v1',
  destination_cluster: 'east',
  destination_service_namespace: 'shop',
  destination_service: `${dest.replace(/-v\d+$/, '')}.shop.svc.cluster.local`,
  destination_service_name: dest.replace(/-v\d+$/, ''),
  destination_workload_namespace: 'shop',
  destination_workload: dest,
  destination_canonical_service: dest.replace(/-v\d+$/, ''),
  destination_canonical_revision: 'v1',
  request_protocol: 'http',
  response_code: code,
  grpc_response_status: '',
  response_flags: '-',
});

describe('mesh graph panel with Istio Prometheus frames', () => {
  test('draws Kiali’s Bookinfo test graph from the preset-shaped frames', async () => {
    const r = await render('meshgraph-istio-bookinfo', join(ROOT, 'tests/fixtures/frames/mesh-bookinfo.istio.frames.json'), { width: 1200, height: 640 });
    assert.deepEqual(r.metrics.pageErrors, []);
    assert.equal(r.metrics.ok, true);
    for (const title of ['productpage v1', 'reviews v3', 'details v1', 'unknown']) {
      assert.ok(r.labels.includes(`Node: ${title}`), `node ${title}: ${r.labels.filter((l) => l.startsWith('Node:')).join(', ')}`);
    }
    assert.match(r.footer, /20 nodes, 25 edges/);
    assert.match(r.footer, /counted once/);
  });

  test('bad rows are counted, HTML stays text, the rest is drawn', async () => {
    const { file, cleanup } = framesFile([
      { labels: call('web-v1', 'cart-v1'), value: 10 },
      { labels: call('web-v1', '<img src=x onerror=alert(1)>'), value: 5 },
      { labels: call('cart-v1', 'db-v1'), value: NaN },
      { labels: call('cart-v1', 'db-v1', '503'), value: -1 },
      { labels: { ...call('cart-v1', 'pay-v1'), destination_workload: undefined as unknown as string }, value: 2 },
    ]);
    try {
      const r = await render('meshgraph-bad-input', file, { width: 800, height: 500, options: { graphType: 'workload', injectServiceNodes: false } });
      assert.deepEqual(r.metrics.pageErrors, []);
      assert.equal(r.metrics.ok, true);
      assert.ok(r.labels.includes('Node: <img src=x onerror=alert(1)>'), 'the hostile label is a plain node title');
      assert.equal(r.injectedImages, 0, 'no HTML was injected');
      assert.match(r.footer, /dropped: 1 series with missing labels, 2 NaN, negative or empty values/);
    } finally {
      cleanup();
    }
  });
});
