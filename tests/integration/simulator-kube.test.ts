import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import { namespaceInventory, namespaceProxyCount } from '../../src/app/pages/overview/model/inventoryQueries';
import { startPrometheus, type RunningPrometheus } from '../lib/prometheus';
import { startSimulator, type RunningSimulator } from './simulator.lib';

// kube-state-metrics families through a real Prometheus, on bookinfo joined with the `idle` extras.
let prom: RunningPrometheus;
let sim: RunningSimulator;

before(async () => {
  sim = await startSimulator(['--topology', 'bookinfo+idle', '--warmup', '30']);
  prom = await startPrometheus(
    [
      'global:',
      '  scrape_interval: 1s',
      'scrape_configs:',
      '  - job_name: mesh',
      `    static_configs:\n      - targets: ['${sim.target}']`,
      '',
    ].join('\n')
  );
});

after(async () => {
  await prom?.stop();
  await sim?.stop();
});

const namespaces = (r: Array<{ metric: Record<string, string> }>) => r.map((s) => s.metric.namespace).sort();

test('every namespace is Active, including the idle and the proxy-less one; the outside caller is not one', async () => {
  const active = await prom.waitForSeries('kube_namespace_status_phase{phase="Active"} == 1');
  assert.deepEqual(namespaces(active), ['bookinfo', 'istio-system', 'legacy', 'standby']);
});

test('namespace labels: injection where sidecars run, none in the proxy-less namespace', async () => {
  const labels = await prom.waitForSeries('kube_namespace_labels');
  const byNs = Object.fromEntries(labels.map((s) => [s.metric.namespace, s.metric.label_istio_injection]));
  assert.deepEqual(byNs, { bookinfo: 'enabled', standby: 'enabled', legacy: undefined, 'istio-system': undefined });
  const grouped = await prom.waitForSeries('count by (namespace) (kube_namespace_labels{label_istio_injection=""})');
  assert.deepEqual(namespaces(grouped), ['istio-system', 'legacy']);
});

test('one Deployment per workload with app/version labels and 1 available replica', async () => {
  const deployments = await prom.waitForSeries('kube_deployment_labels{namespace="bookinfo"}');
  assert.equal(deployments.length, 8);
  const reviews = deployments.find((s) => s.metric.deployment === 'reviews-v3');
  assert.equal(reviews?.metric.label_app, 'reviews');
  assert.equal(reviews?.metric.label_version, 'v3');
  const available = await prom.waitForSeries(
    'sum by (namespace) (kube_deployment_status_replicas_available{namespace=~"legacy|standby"})'
  );
  assert.deepEqual(available.map((s) => [s.metric.namespace, Number(s.value[1])]).sort(), [
    ['legacy', 2],
    ['standby', 1],
  ]);
});

test('the idle namespace has proxy series but no request telemetry; the proxy-less one has no istio series', async () => {
  await prom.waitForSeries('istio_requests_total{namespace="bookinfo"}');
  const proxies = await prom.waitForSeries('istio_build{namespace="standby"}');
  assert.equal(proxies.length, 1);
  const traffic = await prom.query(
    'istio_requests_total{namespace=~"standby|legacy"} or istio_requests_total{destination_workload_namespace=~"standby|legacy"} or istio_requests_total{source_workload_namespace=~"standby|legacy"}'
  );
  assert.equal(traffic.length, 0);
  const legacyIstio = await prom.query('{__name__=~"istio_.*|envoy_.*", namespace="legacy"}');
  assert.equal(legacyIstio.length, 0);
});

test("the overview's inventory queries: every namespace once with its Istio labels; proxies where sidecars run", async () => {
  await prom.waitForSeries('kube_namespace_labels');
  const inventory = await prom.query(namespaceInventory());
  const byNs = Object.fromEntries(inventory.map((s) => [s.metric.namespace, s.metric.label_istio_injection ?? '']));
  assert.deepEqual(byNs, { bookinfo: 'enabled', standby: 'enabled', legacy: '', 'istio-system': '' });
  const scoped = await prom.query(namespaceInventory(['legacy', 'standby']));
  assert.deepEqual(namespaces(scoped), ['legacy', 'standby']);
  const proxies = await prom.waitForSeries(namespaceProxyCount());
  const count = Object.fromEntries(proxies.map((s) => [s.metric.namespace, Number(s.value[1])]));
  assert.deepEqual(count, { bookinfo: 8, 'istio-system': 2, standby: 1 });
});
