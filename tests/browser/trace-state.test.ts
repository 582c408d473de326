import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { type Page } from 'playwright-core';
import { artifactsDir, openHarness, type RenderMetrics, type RenderOptions } from '../harness/browser';

/**
 * Issue 12 in Chromium from dist/: view state that survives a refresh and lives in the URL (per panel), find's
 * first Enter, OTLP JSON lines, and a 5 MB attribute value. The harness renders the trace panel with id 1.
 */

const ROOT = resolve(__dirname, '../..');
const ARTIFACTS = artifactsDir();
const fixturePath = (name: string) => join(ROOT, 'tests/fixtures/traces', name);
const fixture = (name: string) => readFileSync(fixturePath(name), 'utf8');

/** Writes a derived input (JSON lines, a huge attribute) under artifacts/ and returns its path. */
function derived(name: string, text: string): string {
  const dir = join(ROOT, 'artifacts');
  mkdirSync(dir, { recursive: true });
  const file = join(dir, name);
  writeFileSync(file, text);
  return file;
}

async function withTrace(name: string, file: string, opts: Partial<RenderOptions>, act: (page: Page, metrics: RenderMetrics) => Promise<void>) {
  const harness = await openHarness(file);
  try {
    const { page, metrics } = await harness.render({ kind: 'trace', input: file, width: 1400, height: 800, ...opts });
    await act(page, metrics);
    mkdirSync(ARTIFACTS, { recursive: true });
    writeFileSync(join(ARTIFACTS, `${name}.png`), await page.screenshot());
    return metrics;
  } finally {
    await harness.close();
  }
}

const rows = (page: Page) => page.locator('[data-testid="meshlens-span-row"]');
const findBox = (page: Page) => page.getByRole('textbox', { name: 'Find in trace' });
const detail = (page: Page) => page.getByRole('complementary', { name: 'Span detail' });

/** The page URL's meshlens* parameters, sorted (the harness's own parameters left out). */
async function viewParams(page: Page): Promise<string[]> {
  const search = await page.evaluate(() => window.location.search);
  return [...new URLSearchParams(search).entries()].filter(([k]) => k.startsWith('meshlens')).map(([k, v]) => `${k}=${v}`).sort();
}

async function waitForParams(page: Page, expected: string[]) {
  const deadline = Date.now() + 10_000;
  let got = await viewParams(page);
  while (JSON.stringify(got) !== JSON.stringify(expected) && Date.now() < deadline) {
    await page.waitForTimeout(50);
    got = await viewParams(page);
  }
  assert.deepEqual(got, expected);
}

/** What the timeline shows: each row's label, expanded, find cursor and selection. */
async function snapshot(page: Page) {
  return {
    rows: await rows(page).evaluateAll((els) =>
      els.map((e) => [e.getAttribute('aria-label'), e.getAttribute('aria-expanded'), e.getAttribute('aria-current'), e.getAttribute('aria-selected')].join(' / '))
    ),
    hidden: await page.locator('[data-testid="meshlens-hidden-row"]').allInnerTexts(),
    find: await findBox(page).inputValue(),
    counter: await page.getByRole('toolbar', { name: 'Trace tools' }).innerText(),
    minMs: await page.getByRole('textbox', { name: 'Minimum duration in ms' }).inputValue(),
    detail: await detail(page).locator('strong').first().innerText(),
    params: await viewParams(page),
  };
}

/** A dashboard refresh: the harness hands the panel a new data array read from `text` (default: the same input). */
async function refresh(page: Page, text?: string) {
  await page.evaluate((t) => (window as unknown as { __meshlensRefresh: (t?: string) => void }).__meshlensRefresh(t ?? undefined), text ?? null);
  // The worker reads the new frames in a few ms; give it ample time before asserting nothing changed.
  await page.waitForTimeout(1500);
}

const REVIEWS_CLIENT = 'productpage.bookinfo reviews.bookinfo.svc.cluster.local:9080/*';
const REVIEWS_SERVER = 'reviews.bookinfo reviews.bookinfo.svc.cluster.local:9080/*';
const DETAILS_CLIENT = 'productpage.bookinfo details.bookinfo.svc.cluster.local:9080/*';

describe('trace view state in Chromium from dist/', () => {
  test('a refresh with the same trace keeps view, find, filters, collapsed rows and the selected span', async () => {
    const metrics = await withTrace('trace-state-refresh', fixturePath('kiali-kiali_responseTrace.json'), {}, async (page) => {
      assert.equal(await rows(page).count(), 8);
      await findBox(page).fill('reviews');
      await page.getByText('3 matches', { exact: true }).waitFor();
      await findBox(page).press('Enter');
      await page.getByText('1 of 3 matches', { exact: true }).waitFor();
      await page.getByRole('button', { name: 'Span filters' }).click();
      // ≥ 1 ms keeps 5 of the 8 spans: the details server span (0.91 ms) and both ratings spans (0.85, 0.43 ms) go.
      await page.getByRole('textbox', { name: 'Minimum duration in ms' }).fill('1');
      await page.waitForFunction(() => document.querySelectorAll('[data-testid="meshlens-span-row"]').length === 5);
      await page.getByRole('button', { name: `Collapse ${DETAILS_CLIENT}` }).click();
      await page.locator(`[data-testid="meshlens-span-row"][aria-label="${REVIEWS_SERVER}"]`).click();
      await detail(page).waitFor();
      await waitForParams(page, ['meshlensFilters-1={"minMs":"1"}', 'meshlensFind-1=reviews', 'meshlensSpan-1=77191048cb7dadc4']);
      const before = await snapshot(page);
      assert.deepEqual(before.rows, [
        'istio-ingressgateway.istio-system productpage.bookinfo.svc.cluster.local:9080/productpage / true /  / false',
        'productpage.bookinfo productpage.bookinfo.svc.cluster.local:9080/productpage / true /  / false',
        `${DETAILS_CLIENT} / false /  / false`,
        `${REVIEWS_CLIENT} / true / true / false`,
        `${REVIEWS_SERVER} / true /  / true`,
      ]);
      assert.equal(before.detail, 'reviews.bookinfo: reviews.bookinfo.svc.cluster.local:9080/*');

      await refresh(page);
      assert.deepEqual(await snapshot(page), before);

      // The view too: statistics stays statistics through a refresh, and the timeline behind it kept its state.
      await page.getByRole('radio', { name: 'Statistics' }).click();
      await page.getByRole('table', { name: 'Trace statistics' }).waitFor();
      await refresh(page);
      assert.equal(await page.getByRole('table', { name: 'Trace statistics' }).count(), 1);
      assert.equal(await page.getByRole('radio', { name: 'Statistics' }).isChecked(), true);
      await waitForParams(page, [...before.params, 'meshlensView-1=statistics'].sort());
      await page.getByRole('radio', { name: 'Timeline' }).click();
      await detail(page).waitFor();
      assert.deepEqual(await snapshot(page), before);

      // Control: a refresh with another trace does reach the panel (it opens that trace afresh).
      await refresh(page, fixture('openzipkin-zipkin_skew.json'));
      await page.locator('header').filter({ hasText: /Spans\s*4/ }).waitFor();
      assert.equal(await findBox(page).inputValue(), 'reviews');
    });
    assert.deepEqual(metrics.pageErrors, []);
  });

  test('state in the URL: a link with meshlensView/meshlensFind/meshlensSpan opens that view; changes go to the panel’s own parameters', async () => {
    const metrics = await withTrace('trace-state-url', fixturePath('openzipkin-zipkin_skew.json'), {}, async (page) => {
      const url = new URL(page.url());
      url.searchParams.set('meshlensView', 'statistics');
      url.searchParams.set('meshlensFind', 'serviceb');
      url.searchParams.set('meshlensSpan', '43210ae0c10d1234');
      await page.goto(url.href);
      await page.waitForFunction(() => (window as unknown as { __meshlens?: { phase: string } }).__meshlens?.phase === 'ready', undefined, { timeout: 30_000 });
      await page.getByRole('table', { name: 'Trace statistics' }).waitFor();
      assert.equal(await page.getByRole('radio', { name: 'Statistics' }).isChecked(), true);
      assert.equal(await findBox(page).inputValue(), 'serviceb');
      await page.getByText('2 matches', { exact: true }).waitFor();
      // The panel (id 1) now writes its own parameters and drops the shared ones it read.
      await waitForParams(page, ['meshlensFind-1=serviceb', 'meshlensSpan-1=43210ae0c10d1234', 'meshlensView-1=statistics']);
      await page.getByRole('radio', { name: 'Timeline' }).click();
      assert.equal(await detail(page).locator('strong').first().innerText(), 'serviceb: async');
      await waitForParams(page, ['meshlensFind-1=serviceb', 'meshlensSpan-1=43210ae0c10d1234']);
      await page.getByRole('radio', { name: 'Call graph' }).click();
      await findBox(page).fill('servicea');
      await waitForParams(page, ['meshlensFind-1=servicea', 'meshlensSpan-1=43210ae0c10d1234', 'meshlensView-1=callgraph']);
    });
    assert.deepEqual(metrics.pageErrors, []);
  });

  test('find: the first Enter goes to match 1 of the 225 "oauth" matches in the 1,041-span Zipkin trace', async () => {
    const metrics = await withTrace('trace-state-find', fixturePath('openzipkin-zipkin_smartthings-mobile-web-install.json'), {}, async (page) => {
      await findBox(page).fill('oauth');
      await page.getByText('225 matches', { exact: true }).waitFor();
      assert.equal(await page.locator('[data-testid="meshlens-span-row"][aria-current="true"]').count(), 0);
      await findBox(page).press('Enter');
      await page.getByText('1 of 225 matches', { exact: true }).waitFor();
      // Match 1 is the trace's second span (the root's first child), the first span whose text holds "oauth".
      const current = page.locator('[data-testid="meshlens-span-row"][aria-current="true"]');
      assert.deepEqual(await current.evaluateAll((els) => els.map((e) => e.getAttribute('aria-label'))), ['coreSrv post /oauth/check_token']);
      assert.equal(await rows(page).nth(1).getAttribute('aria-current'), 'true');
      await findBox(page).press('Enter');
      await page.getByText('2 of 225 matches', { exact: true }).waitFor();
      assert.deepEqual(await current.evaluateAll((els) => els.map((e) => e.getAttribute('aria-label'))), ['auth post /oauth/check_token']);
    });
    assert.deepEqual(metrics.pageErrors, []);
  });

  test('OTLP JSON lines (one document per line, as the collector’s file exporter writes): all 8 spans', async () => {
    const otlp = JSON.parse(fixture('kiali-kiali_responseTrace.json')) as { batches: unknown[] };
    // Kiali's Bookinfo trace: 6 resources, each written as its own OTLP document line.
    const lines = otlp.batches.map((b) => JSON.stringify({ resourceSpans: [b] }));
    assert.equal(lines.length, 6);
    const file = derived('bookinfo-trace.otlp.jsonl', `${lines.join('\n')}\n`);
    const metrics = await withTrace('trace-state-otlp-lines', file, {}, async (page) => {
      assert.match(await page.locator('header').innerText(), /Spans\s*8\b/);
      assert.equal(await rows(page).count(), 8);
      assert.equal(await page.getByRole('list', { name: 'Notes about the data' }).count(), 0);
    });
    assert.deepEqual(metrics.pageErrors, []);
    assert.equal(metrics.ok, true);
  });

  test('a 5 MB attribute value: the panel renders, the value is cut at 4,096 characters, counted, "Show all" opens it', async () => {
    const spans = JSON.parse(fixture('openzipkin-zipkin_skew.json')) as Array<{ id: string; tags?: Record<string, string> }>;
    const big = 'x'.repeat(5_000_000);
    const target = spans.find((s) => s.id === '43210ae0c10d1234')!;
    target.tags = { ...target.tags, payload: big };
    const file = derived('skew-5mb-attribute.json', JSON.stringify(spans));
    const metrics = await withTrace('trace-state-5mb', file, {}, async (page, m) => {
      assert.equal(m.ok, true);
      assert.match(await page.locator('header').innerText(), /Spans\s*4\b/);
      await page.locator('[data-testid="meshlens-span-row"][aria-label="serviceb async"]').click();
      const d = detail(page);
      await d.getByText('1 value longer than 4,096 characters is cut; "Show all" opens it whole.', { exact: true }).waitFor();
      await d.getByText('… cut at 4,096 of 5,000,000 characters', { exact: false }).waitFor();
      const row = d.getByRole('row').filter({ has: page.getByRole('rowheader', { name: 'payload', exact: true }) });
      assert.equal((await row.getByRole('cell').first().innerText()).startsWith('x'.repeat(4096) + '\n'), true);
      await row.getByRole('button', { name: 'Show all' }).click();
      const whole = d.getByRole('textbox', { name: 'Whole value of payload' });
      await whole.waitFor();
      assert.equal((await whole.inputValue()).length, 5_000_000);
    });
    assert.deepEqual(metrics.pageErrors, []);
    // It rendered (the time it took is the bench's figure, not a test's).
    assert.notEqual(metrics.firstRenderMs, null);
  });
});
