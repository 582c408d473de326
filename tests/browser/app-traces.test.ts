import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { mkdirSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { openHarness, type Harness } from '../harness/browser';
import { startJaegerFixture, type JaegerFixture } from '../harness/jaegerFixture';

const ROOT = resolve(__dirname, '../..');
const ARTIFACTS = join(ROOT, 'artifacts/browser');
const TRACES = '/a/meshlens-istio-app/traces';

let harness: Harness;
let jaeger: JaegerFixture;
let withJaeger: Harness;

before(async () => {
  harness = await openHarness();
  jaeger = await startJaegerFixture([
    join(ROOT, 'tests/fixtures/traces/jaegertracing-jaeger-ui_genaiTestTrace.json'),
    join(ROOT, 'tests/fixtures/traces/jaegertracing-jaeger_ui_01.json'),
  ]);
  withJaeger = await openHarness(undefined, { jaegerUrl: jaeger.url });
});

after(async () => {
  await harness?.close();
  await withJaeger?.close();
  await jaeger?.close();
});

describe('traces page in Chromium from dist/', () => {
  test('search validates its input, then explains a trace data source that cannot answer', async () => {
    const { page, metrics } = await harness.render({ kind: 'app', path: TRACES, width: 1300, height: 900 });
    try {
      assert.deepEqual(metrics.pageErrors, []);
      assert.equal(metrics.ok, true);
      await page.getByLabel('Min duration').fill('10 seconds');
      await page.getByRole('button', { name: 'Find traces' }).click();
      const text = await page.getByTestId('meshlens-traces').innerText();
      assert.match(text, /Name a service to search its traces\./);
      assert.match(text, /A duration like 120ms, 1\.5s or 300us\./);
      await page.getByLabel('Service').fill('reviews.bookinfo');
      await page.getByLabel('Min duration').fill('10ms');
      await page.getByRole('button', { name: 'Find traces' }).click();
      const message = page.getByTestId('meshlens-traces').getByTestId('meshlens-panel-message');
      await message.waitFor();
      // No Jaeger behind the harness here: the page must say which data source failed and why.
      assert.match(await message.innerText(), /The trace data source "meshlens-jaeger" could not answer: No Jaeger is configured behind the harness data source proxy/);
      const url = new URL(page.url());
      assert.equal(url.searchParams.get('service'), 'reviews.bookinfo');
      assert.equal(url.searchParams.get('minDuration'), '10ms');
      mkdirSync(ARTIFACTS, { recursive: true });
      writeFileSync(join(ARTIFACTS, 'app-traces-search.png'), await page.screenshot());
    } finally {
      await page.close();
    }
  });

  test('search lists and plots the matching traces; opening one shows it in the trace panel', async () => {
    const { page, metrics } = await withJaeger.render({ kind: 'app', path: `${TRACES}?service=api-edge&limit=10`, width: 1300, height: 1000 });
    try {
      assert.deepEqual(metrics.pageErrors, []);
      await page.getByTestId('meshlens-trace-hit').first().waitFor();
      const hits = await page.getByTestId('meshlens-trace-hit').allInnerTexts();
      assert.equal(hits.length, 1);
      assert.match(hits[0], /api-edge: POST \/api\/graphql/);
      assert.equal(await page.locator('circle[role="button"]').count(), 1);
      await page.getByRole('button', { name: 'Open trace 4a1b2c3d4e5f60718293a4b5c6d7e8f9' }).click();
      await page.getByText('Trace 4a1b2c3d4e5f60718293a4b5c6d7e8f9').waitFor();
      await page.locator('[data-testid="meshlens-span-row"]').first().waitFor();
      assert.equal(new URL(page.url()).searchParams.get('traceId'), '4a1b2c3d4e5f60718293a4b5c6d7e8f9');
      mkdirSync(ARTIFACTS, { recursive: true });
      writeFileSync(join(ARTIFACTS, 'app-traces-results.png'), await page.screenshot());
    } finally {
      await page.close();
    }
  });

  test('two traces compared side by side by structure and duration (from the URL)', async () => {
    const { page, metrics } = await withJaeger.render({
      kind: 'app',
      path: `${TRACES}?compare=4a1b2c3d4e5f60718293a4b5c6d7e8f9,0000000000000001`,
      width: 1300,
      height: 1000,
      waitFor: '[data-testid="meshlens-compare-row"]',
    });
    try {
      assert.deepEqual(metrics.pageErrors, []);
      const compare = page.getByTestId('meshlens-trace-compare');
      assert.match(await compare.locator('h4').innerText(), /A: 4a1b2c3d4e5f60718293a4b5c6d7e8f9 \(57 spans, 44s\) vs B: 0000000000000001 \(5 spans/);
      const rows = await page.getByTestId('meshlens-compare-row').allInnerTexts();
      assert.ok(rows.some((r) => /^api-edge\tPOST \/api\/graphql\t1 \/ 0\t44s \/ 0µs\tonly in A$/.test(r)), rows.slice(0, 3).join(' | '));
      assert.ok(rows.some((r) => /only in B$/.test(r)));
      writeFileSync(join(ARTIFACTS, 'app-traces-compare.png'), await page.screenshot());
    } finally {
      await page.close();
    }
  });

  test('a trace id that does not exist is explained', async () => {
    const { page } = await withJaeger.render({ kind: 'app', path: `${TRACES}?traceId=0000deadbeef` });
    try {
      const message = page.getByText(/could not be opened/);
      await message.waitFor();
      assert.match(await message.innerText(), /Trace "0000deadbeef" could not be opened: trace not found/);
    } finally {
      await page.close();
    }
  });

  test('"Open trace file" hands an OTLP file from disk to the trace panel', async () => {
    const { page, metrics } = await harness.render({ kind: 'app', path: TRACES, width: 1300, height: 900 });
    try {
      assert.equal(metrics.ok, true);
      await page.getByLabel('Open a Jaeger, Zipkin or OTLP JSON trace file').setInputFiles(join(ROOT, 'tests/fixtures/traces/kiali-kiali_responseTrace.json'));
      // The scene's trace panel now shows the file (its title is the file name).
      await page.getByText('kiali-kiali_responseTrace.json').waitFor();
      // The trace panel parses the OTLP file (in its worker) and lists Bookinfo's 8 spans.
      await page.locator('[data-testid="meshlens-span-row"]').first().waitFor({ timeout: 20_000 });
      assert.equal(await page.locator('[data-testid="meshlens-span-row"]').count(), 8);
      assert.match(await page.locator('[data-testid="meshlens-trace-panel"]').innerText(), /istio-ingressgateway/);
      writeFileSync(join(ARTIFACTS, 'app-traces-file.png'), await page.screenshot());
    } finally {
      await page.close();
    }
  });
});
