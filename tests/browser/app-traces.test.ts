import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { mkdirSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { openHarness, type Harness } from '../harness/browser';

const ROOT = resolve(__dirname, '../..');
const ARTIFACTS = join(ROOT, 'artifacts/browser');
const TRACES = '/a/meshlens-istio-app/traces';

let harness: Harness;

before(async () => {
  harness = await openHarness();
});

after(async () => {
  await harness?.close();
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
      // The harness has no Jaeger: the page must say which data source failed and why.
      assert.match(await message.innerText(), /The trace data source "meshlens-jaeger" could not answer: The harness has no backend for the jaeger data source/);
      const url = new URL(page.url());
      assert.equal(url.searchParams.get('service'), 'reviews.bookinfo');
      assert.equal(url.searchParams.get('minDuration'), '10ms');
      mkdirSync(ARTIFACTS, { recursive: true });
      writeFileSync(join(ARTIFACTS, 'app-traces-search.png'), await page.screenshot());
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
      writeFileSync(join(ARTIFACTS, 'app-traces-file.png'), await page.screenshot());
    } finally {
      await page.close();
    }
  });
});
