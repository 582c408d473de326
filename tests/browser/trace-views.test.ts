import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { mkdirSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { type Page } from 'playwright-core';
import { artifactsDir, openHarness, type RenderOptions } from '../harness/browser';

const ROOT = resolve(__dirname, '../..');
// artifacts/browser, or artifacts/browser-host13 on the Grafana 13 host (HARNESS_HOST=13).
const ARTIFACTS = artifactsDir();
const traceFixture = (name: string) => join(ROOT, 'tests/fixtures/traces', name);

/** Renders a raw trace file (it arrives as a string field), lets `act` interact, then saves a screenshot. */
async function withTrace(name: string, file: string, opts: Partial<RenderOptions>, act: (page: Page) => Promise<void>) {
  const harness = await openHarness(file);
  try {
    const { page, metrics } = await harness.render({ kind: 'trace', input: file, width: 1400, height: 800, ...opts });
    await act(page);
    mkdirSync(ARTIFACTS, { recursive: true });
    writeFileSync(join(ARTIFACTS, `${name}.png`), await page.screenshot());
    return metrics;
  } finally {
    await harness.close();
  }
}

const rows = (page: Page) => page.locator('[data-testid="meshlens-span-row"]');
/** Waits until the list shows exactly `n` rows (a key press re-renders on the next frame, not at once). */
const rowCount = (page: Page, n: number) =>
  page.waitForFunction((want) => document.querySelectorAll('[data-testid="meshlens-span-row"]').length === want, n, {
    timeout: 10_000,
  });

describe('trace panel views in Chromium from dist/', () => {
  test('1,041-span Zipkin trace: find, matches only with "N spans hidden" rows', async () => {
    const metrics = await withTrace('trace-zipkin-find-filter', traceFixture('openzipkin-zipkin_smartthings-mobile-web-install.json'), {}, async (page) => {
      assert.match(await page.locator('header').innerText(), /Spans\s*1,041/);
      assert.match(await page.locator('header').innerText(), /Services\s*16/);
      await page.getByRole('textbox', { name: 'Find in trace' }).fill('oauth');
      // Before the first Enter the counter names the matches only ("225 matches"); Enter then goes to match 1.
      await page.getByText(/^\d+ matches$/).waitFor();
      await page.getByRole('button', { name: 'Span filters' }).click();
      await page.getByText('Find matches only').click();
      await page.locator('[data-testid="meshlens-hidden-row"]').first().waitFor();
      const hidden = await page.locator('[data-testid="meshlens-hidden-row"]').allInnerTexts();
      assert.ok(hidden.every((h) => /\d+ spans? hidden/.test(h)), hidden.join('|'));
    });
    assert.deepEqual(metrics.pageErrors, []);
  });

  test('skew.json: span detail side panel shows the clock-skew warning; the adjust toggle works', async () => {
    // The README's picture is the detail with its warning; the shot at the end is the adjusted trace's statistics.
    const metrics = await withTrace('trace-skew-adjusted', traceFixture('openzipkin-zipkin_skew.json'), {}, async (page) => {
      // The header counts the one skewed span in the singular, from the panel's locale file in the shared i18next.
      assert.match(await page.locator('header').innerText(), /1 span with clock skew/);
      assert.ok((await page.evaluate(() => (window as unknown as { __meshlensI18nKeys: (ns: string) => string[] }).__meshlensI18nKeys('meshlens-trace-panel'))).includes('trace.header.skew_one'));
      await rows(page).filter({ hasText: 'serviceb' }).first().click();
      const detail = page.getByRole('complementary', { name: 'Span detail' });
      await detail.getByText(/Clock skew: starts outside its parent/).waitFor();
      assert.match(await page.locator('header').innerText(), /Duration\s*161\.7ms/);
      mkdirSync(ARTIFACTS, { recursive: true });
      writeFileSync(join(ARTIFACTS, 'trace-skew-detail.png'), await page.screenshot());
      await page.getByText('Adjust clock skew (1)').click();
      assert.equal(await page.getByText('Adjust clock skew (1)').locator('xpath=ancestor::button').getAttribute('aria-pressed'), 'true');
      // The adjusted model: the early server half moves into its caller, so the trace is only as long as its root.
      await page.locator('header').filter({ hasText: /Duration\s*99\.4ms/ }).waitFor();
      await page.getByRole('radio', { name: 'Statistics' }).click();
      await page.getByRole('row', { name: /servicea/ }).filter({ hasText: '5.83ms' }).waitFor();
    });
    assert.deepEqual(metrics.pageErrors, []);
  });

  test('ui_01.json: duplicate id and FOLLOWS_FROM reference in the detail, keyboard help overlay', async () => {
    const metrics = await withTrace('trace-jaeger-help', traceFixture('jaegertracing-jaeger_ui_01.json'), {}, async (page) => {
      // Singular through the plugin's locale resources: "1 duplicate span id", not "ids".
      assert.match(await page.locator('header').innerText(), /1 duplicate span id(?!s)/);
      await rows(page).filter({ hasText: 'reference-test' }).click();
      await page.getByRole('complementary', { name: 'Span detail' }).getByText(/FOLLOWS_FROM/).waitFor();
      await page.getByLabel('Trace view').press('?');
      await page.getByRole('table', { name: 'Keyboard shortcuts' }).waitFor();
    });
    assert.deepEqual(metrics.pageErrors, []);
  });

  test('Bookinfo OTLP trace: critical path only, collapse all from the keyboard', async () => {
    const metrics = await withTrace('trace-bookinfo-critical', traceFixture('kiali-kiali_responseTrace.json'), { theme: 'light' }, async (page) => {
      assert.equal(await rows(page).count(), 8);
      // Every one of the 8 spans is on this trace's critical path (tests/fixtures/traces/critical-paths.expected.json).
      await page.getByText('Critical path only').click();
      await page.getByLabel('Trace view').press(']');
      await rowCount(page, 1);
      await page.getByLabel('Trace view').press('[');
      await rowCount(page, 8);
      // Drag on the minimap zooms the timeline; the tick labels then start past 0.
      const box = (await page.getByRole('slider', { name: /Trace overview/ }).boundingBox())!;
      await page.mouse.move(box.x + box.width * 0.4, box.y + box.height / 2);
      await page.mouse.down();
      await page.mouse.move(box.x + box.width * 0.7, box.y + box.height / 2, { steps: 5 });
      await page.mouse.up();
      await page.getByRole('button', { name: 'Reset zoom' }).waitFor();
      await page.getByRole('button', { name: 'Reset zoom' }).click();
      assert.equal(await page.getByRole('button', { name: 'Reset zoom' }).count(), 0);
    });
    assert.deepEqual(metrics.pageErrors, []);
  });

  for (const view of ['statistics', 'flamegraph', 'callgraph'] as const) {
    test(`Yelp Zipkin trace: ${view} view`, async () => {
      const metrics = await withTrace(`trace-yelp-${view}`, traceFixture('openzipkin-zipkin_yelp.json'), { options: { defaultView: view } }, async (page) => {
        const label = { statistics: 'Trace statistics', flamegraph: /Flame graph of 16 spans/, callgraph: 'Service call graph' }[view];
        await page.getByRole(view === 'statistics' ? 'table' : 'img', { name: label }).first().waitFor();
      });
      assert.deepEqual(metrics.pageErrors, []);
      assert.equal(metrics.ok, true);
    });
  }

  test('malformed JSON gets a message, not a crash', async () => {
    const dir = join(ROOT, 'artifacts');
    mkdirSync(dir, { recursive: true });
    const bad = join(dir, 'bad-trace.json');
    writeFileSync(bad, '{"data": [ {"traceID": ');
    const metrics = await withTrace('trace-malformed', bad, {}, async () => {});
    assert.equal(metrics.ok, false);
    assert.match(metrics.panelMessage ?? '', /not valid JSON/);
  });
});
