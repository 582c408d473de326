import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { mkdirSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { openHarness, type Harness } from '../harness/browser';
import { startIstioFixture, type MetricsSource } from '../harness/istioFixture';
import { freePort, scrapeConfig, startPrometheus, type RunningPrometheus } from '../lib/prometheus';

const ARTIFACTS = join(resolve(__dirname, '../..'), 'artifacts/browser');

let source: MetricsSource;
let prom: RunningPrometheus;
let harness: Harness;

before(async () => {
  source = await startIstioFixture();
  prom = await startPrometheus(scrapeConfig('istio-mesh', [source.target]));
  await prom.waitForSeries('istio_requests_total');
  harness = await openHarness(undefined, { prometheusUrl: prom.url });
});

after(async () => {
  await harness?.close();
  await prom?.stop();
  await source?.close();
});

describe('config page in Chromium from dist/', () => {
  test('"Test Prometheus" runs a real query and reports what it found; bad input is explained per field', async () => {
    const { page, metrics } = await harness.render({ kind: 'app-config', width: 900, height: 1100 });
    try {
      assert.deepEqual(metrics.pageErrors, []);
      assert.equal(metrics.ok, true);
      await page.getByRole('button', { name: 'Test Prometheus' }).click();
      const result = page.getByTestId('meshlens-config-test-prometheus');
      await result.waitFor();
      assert.match(await result.innerText(), /Prometheus answered: \d+ Istio request series in 4 namespaces\./);
      await page.getByRole('button', { name: 'Test trace data source' }).click();
      // No Jaeger behind the harness proxy here: the page must say so rather than hang.
      assert.match(await page.getByTestId('meshlens-config-test-traces').innerText(), /The trace data source reported a problem: Jaeger answered HTTP 502/);
      // Kiali's thresholds, one pair per error class, each field explained.
      assert.equal(await page.getByLabel('HTTP 5xx: Failure at %').inputValue(), '10');
      assert.equal(await page.getByLabel('HTTP 4xx: Degraded at %').inputValue(), '10');
      await page.getByLabel('HTTP 4xx: Failure at %').fill('5');
      await page.getByLabel('HTTP 5xx: Failure at %').fill('0');
      await page.getByLabel('App label').fill('9app');
      const text = await page.locator('#root').innerText();
      assert.match(text, /4xx failure: Must be at least the degraded threshold \(10 %\)\./);
      assert.match(text, /5xx failure: A percentage above 0, at most 100\./);
      assert.match(text, /"9app" is not a Prometheus label name/);
      assert.equal(await page.getByRole('button', { name: 'Save settings' }).isDisabled(), true);
      mkdirSync(ARTIFACTS, { recursive: true });
      writeFileSync(join(ARTIFACTS, 'app-config.png'), await page.screenshot({ fullPage: true }));
    } finally {
      await page.close();
    }
  });

  test('an unreachable Prometheus: the test names the connection failure', async () => {
    const closed = await openHarness(undefined, { prometheusUrl: `http://127.0.0.1:${await freePort()}` });
    try {
      const { page } = await closed.render({ kind: 'app-config' });
      await page.getByRole('button', { name: 'Test Prometheus' }).click();
      const result = page.getByTestId('meshlens-config-test-prometheus');
      await result.waitFor();
      assert.match(await result.innerText(), /The query failed: .*ECONNREFUSED.*Check the data source's URL/s);
    } finally {
      await closed.close();
    }
  });
});
