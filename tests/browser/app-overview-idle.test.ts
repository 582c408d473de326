import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { artifactsDir, openHarness, type Harness } from '../harness/browser';
import { startSimulator, type RunningSimulator } from '../integration/simulator.lib';
import { waitUntil } from '../lib/poll';
import { scrapeConfig, startPrometheus, type RunningPrometheus } from '../lib/prometheus';

// Namespaces without traffic on the overview: the simulator's bookinfo plus its `idle` extras
// (kube-state-metrics lists `standby`, whose sidecar gets no requests, and `legacy`, without any proxy).
// artifacts/browser, or artifacts/browser-host13 on the Grafana 13 host (HARNESS_HOST=13).
const ARTIFACTS = artifactsDir();

let sim: RunningSimulator;
let prom: RunningPrometheus;
let harness: Harness;

before(async () => {
  sim = await startSimulator(['--topology', 'bookinfo+idle', '--warmup', '30']);
  prom = await startPrometheus(scrapeConfig('mesh', [sim.target]));
  await waitUntil(async () => (await prom.query('min(count_over_time(istio_requests_total[15s])) >= 8')).length > 0, 'Prometheus data');
  harness = await openHarness(undefined, { prometheusUrl: prom.url });
});

after(async () => {
  await harness?.close();
  await prom?.stop();
  await sim?.stop();
});

test('namespaces without traffic are listed from kube-state-metrics, flagged and counted', async () => {
  const { page, metrics } = await harness.render({ kind: 'app', path: '/a/meshlens-istio-app/overview?from=now-10s&to=now&sort=namespace', width: 1400, height: 700, waitFor: '[data-meshlens-details="Done"]', });
  try {
    assert.deepEqual(metrics.pageErrors, []);
    assert.equal(metrics.ok, true, `message: ${metrics.panelMessage}`);
    const rows = await page.getByTestId('meshlens-namespace-row').evaluateAll((els) =>
      els.map((el) => ({
        name: el.querySelector('a')?.textContent ?? '',
        noTraffic: Boolean(el.querySelector('[data-testid="meshlens-flag-no-traffic"]')),
        noSidecars: Boolean(el.querySelector('[data-testid="meshlens-flag-no-sidecars"]')),
        workloads: (el.querySelectorAll('[role="cell"]')[2]?.textContent ?? '').trim(),
      }))
    );
    const byName = Object.fromEntries(rows.map((r) => [r.name, [r.noTraffic, r.noSidecars]]));
    assert.deepEqual(byName, {
      bookinfo: [false, false],
      'istio-system': [false, false],
      legacy: [true, true],
      standby: [true, false],
    });
    // Namespaces without traffic read "No traffic" with the reason, never "Healthy".
    const health = await page
      .locator('[data-testid="meshlens-namespace-row"]')
      .evaluateAll((els) => els.map((el) => [el.querySelector('a')?.textContent ?? '', el.querySelectorAll('[role="cell"]')[1]?.textContent?.trim()]));
    const healthOf = Object.fromEntries(health);
    assert.equal(healthOf.standby, 'No trafficno HTTP or gRPC requests in this time range');
    assert.equal(healthOf.legacy, 'No trafficno HTTP or gRPC requests in this time range');
    // Without traffic, the workload count comes from kube-state-metrics' deployments (standby 1, legacy 2).
    assert.deepEqual(Object.fromEntries(rows.filter((r) => r.noTraffic).map((r) => [r.name, r.workloads])), { legacy: '2', standby: '1' });
    assert.match(await page.getByTestId('meshlens-overview-count').innerText(), /^4 of 4 namespaces shown · 2 without traffic · 1 without sidecars/);
    // 6 Istio queries (4 for the rows, one of them the outbound side of health; p95 and sparklines, which the rows do not wait for) + the namespace inventory, proxies
    // and deployments, grouped: never one per namespace; and the `raw` switch's probe, which picks recorded series when
    // the recording rules are loaded.
    assert.equal(metrics.queries?.count, 10, JSON.stringify(metrics.queries?.exprs));
    mkdirSync(ARTIFACTS, { recursive: true });
    writeFileSync(join(ARTIFACTS, 'app-overview-idle.png'), await page.screenshot());
  } finally {
    await page.close();
  }
});
