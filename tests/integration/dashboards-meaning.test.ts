/**
 * What the bundled dashboards' panels mean, on data that shows the difference (issue 13, "Dashboard meaning fixed"):
 * the simulator's bookinfo + ambient meshes (Istio's real label semantics: the caller reports
 * `connection_security_policy="unknown"`, Passthrough/BlackHole/external hosts have no destination workload, a
 * plaintext hop to details) with details-v1 answering only 503, plus a quiet gateway whose request counter stands
 * still. One Prometheus and two VictoriaMetrics (label limit 40, and its default 30) scrape both.
 */
import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { createServer, type Server } from 'node:http';
import { generateDashboards } from '../../dashboards-src/generate';
import type { DashboardKey } from '../../dashboards-src/lib/ids';
import { promTargets, variablesOf } from '../../dashboards-src/lib/inspect';
import { interpolate } from '../../dashboards-src/lib/interpolate';
import { freePort, startPrometheus, type RunningPrometheus } from '../lib/prometheus';
import { startVictoriaMetrics, type RunningVictoriaMetrics } from '../lib/victoriametrics';
import { newestInstantWhere } from '../lib/instants';
import { startSimulator, type RunningSimulator } from './simulator.lib';
import { api, byLabels, instant, jobs, scenarioValues, withoutTopk, type Sample } from './backendRun.lib';

const BUILTINS = { __rate_interval: '10s', __interval: '1s', __range: '1m' };
const dashboards = generateDashboards();

let sim: RunningSimulator;
let quiet: Server;
let prom: RunningPrometheus;
let vm: RunningVictoriaMetrics;
let vmDefault: RunningVictoriaMetrics;
let at: number;
const started = Date.now();

/** A gateway pod that uses CPU but whose request counter stands still (a mesh without traffic). */
function quietMetrics(): string {
  const seconds = (Date.now() - started) / 1000;
  return [
    `container_cpu_usage_seconds_total{namespace="quiet",pod="quiet-gateway-1",container="istio-proxy"} ${seconds * 0.1}`,
    'istio_requests_total{reporter="source",source_workload="quiet-gateway",source_workload_namespace="quiet",source_cluster="Kubernetes",destination_workload="x",destination_workload_namespace="quiet",destination_cluster="Kubernetes",destination_service="x.quiet.svc.cluster.local",response_code="200"} 100',
    '',
  ].join('\n');
}

before(async () => {
  const quietPort = await freePort();
  quiet = createServer((_req, res) => {
    res.writeHead(200, { 'Content-Type': 'text/plain; version=0.0.4' });
    res.end(quietMetrics());
  });
  await new Promise<void>((resolve) => quiet.listen(quietPort, '127.0.0.1', resolve));
  sim = await startSimulator([
    '--topology',
    'bookinfo+ambient',
    '--seed',
    '5',
    // Long enough for every rare outcome's series (no-endpoint calls every 20-40 s) to exist before the first scrape.
    '--warmup',
    '60',
    '--fault',
    'bookinfo/productpage-v1:bookinfo/details:1:503',
  ]);
  const job = (name: string, target: string) =>
    [`  - job_name: ${name}`, '    static_configs:', `      - targets: ['${target}']`].join('\n');
  const global = ['global:', '  scrape_interval: 1s', '  evaluation_interval: 1s', 'scrape_configs:'];
  const both = [...global, job('istio-mesh', sim.target), job('quiet', `127.0.0.1:${quietPort}`), ''].join('\n');
  [prom, vm, vmDefault] = await Promise.all([
    startPrometheus(both),
    startVictoriaMetrics(both),
    startVictoriaMetrics(both, 30),
  ]);
  await prom.waitForSeries('rate(istio_requests_total[10s]) > 0', 30_000);
  await new Promise((r) => setTimeout(r, 12_000));
  // Calls that found no endpoint (NR, UH) are the only traffic of their label sets (no destination workload), one
  // every 20-40 s. Where one falls near the window's start, Prometheus (samples inside the window) and VictoriaMetrics
  // (also the sample before it) see different increases, and where the two backends' latest samples straddle one,
  // different ones again; so the instant compared is one with none of them in the window and the second before it.
  // 2 s back: both backends have stored the instant's samples.
  at = await newestInstantWhere(
    [{ url: prom.url, expr: 'sum(increase(istio_requests_total{response_flags=~"NR|UH"}[13s])) > 0', holds: 'none' }],
    Math.floor(Date.now() / 1000) - 30,
    { lag: 2 }
  );
});

after(async () => {
  await Promise.all([prom?.stop(), vm?.stop(), vmDefault?.stop()]);
  await sim?.stop();
  quiet?.close();
});

async function result(expr: string, base = prom.url): Promise<Sample[]> {
  const r = await instant(base, expr, at);
  assert.equal(r.status, 'success', `${expr}: ${r.error}`);
  return r.data!.result as Sample[];
}

/** One panel's query (by refId, default the first) with the dashboard's variables set as given. */
function panelQuery(key: DashboardKey, panel: string, vars: Record<string, string[]>, refId?: string): string {
  const dash = dashboards[key];
  const target = promTargets(dash).find((t) => t.panel === panel && (refId === undefined || t.refId === refId));
  assert.ok(target, `${key} has no panel ${panel}`);
  return interpolate(target.expr, scenarioValues(variablesOf(dash), vars), BUILTINS);
}

const near = (a: number, b: number) => Math.abs(a - b) <= 1e-9 * Math.max(1, Math.abs(a), Math.abs(b));

describe('dashboard meaning', () => {
  test('client-side mTLS comes from destination_principal: plaintext details is none, the rest mutual_tls', async () => {
    // What Istio's own query reads on the client side: the caller reports only `unknown`.
    const naive = await result(
      'sum by (connection_security_policy) (rate(istio_requests_total{reporter="source", source_workload="productpage-v1", source_workload_namespace="bookinfo"}[10s]))'
    );
    assert.deepEqual(
      naive.map((s) => s.metric.connection_security_policy),
      ['unknown']
    );
    const out = await result(
      panelQuery('workload', 'Outgoing requests by destination and response code', {
        namespace: ['bookinfo'],
        workload: ['productpage-v1'],
      })
    );
    const policy: Record<string, string[]> = {};
    for (const s of out) {
      const list = (policy[s.metric.destination_service] ??= []);
      if (!list.includes(s.metric.connection_security_policy)) {
        list.push(s.metric.connection_security_policy);
      }
    }
    assert.deepEqual(policy, {
      'details.bookinfo.svc.cluster.local': ['none'],
      'istio-egressgateway.istio-system.svc.cluster.local': ['mutual_tls'],
      'recommendations.bookinfo.svc.cluster.local': ['mutual_tls'],
      'reviews.bookinfo.svc.cluster.local': ['mutual_tls'],
      PassthroughCluster: ['none'],
    });
  });

  test('the Mesh tables keep the destination service: Passthrough, BlackHole and external hosts are rows of their own', async () => {
    for (const [panel, refId] of [
      ['HTTP/gRPC workloads', 'requests'],
      ['HTTP/gRPC workloads', 'success'],
    ]) {
      const rows = await result(panelQuery('mesh', panel, {}, refId));
      const unknownWorkload = rows
        .filter((s) => s.metric.destination_workload === 'unknown')
        .map((s) => s.metric.destination_service)
        .sort();
      // Hosts nothing in the mesh serves, and calls that never reached a workload (no endpoint: 503 UH, 0 NR).
      assert.deepEqual(unknownWorkload, [
        'BlackHoleCluster',
        'PassthroughCluster',
        'productpage.bookinfo.svc.cluster.local',
        'ratings.bookinfo.svc.cluster.local',
        'www.googleapis.com',
      ]);
    }
  });

  test('success rate is 0 %, not "No data", for a workload that only answers 503', async () => {
    const vars = { namespace: ['bookinfo'], workload: ['details-v1'] };
    for (const panel of ['Incoming success rate', 'Incoming success rate by source']) {
      const shown = await result(panelQuery('workload', panel, vars));
      assert.deepEqual(
        shown.map((s) => [s.metric.source_workload, Number(s.value[1])]),
        [[panel.endsWith('by source') ? 'productpage-v1' : undefined, 0]],
        panel
      );
    }
  });

  test('picking a cluster (Istio’s cluster id) never empties a panel, on every dashboard', async () => {
    const clusters = await api(prom.url, '/api/v1/label/destination_cluster/values', {});
    assert.deepEqual((clusters as unknown as { data: string[] }).data, ['Kubernetes', 'unknown']);
    const picks = {
      service: { service: ['reviews.bookinfo.svc.cluster.local'] },
      workload: { namespace: ['bookinfo'], workload: ['reviews-v2'] },
    };
    const emptied: string[] = [];
    const all = jobs(dashboards, picks, BUILTINS);
    const one = jobs(dashboards, { ...picks, all: { cluster: ['Kubernetes'] } }, BUILTINS);
    for (let i = 0; i < all.length; i++) {
      const [a, b] = [await result(all[i].query), await result(one[i].query)];
      if (a.length > 0 && b.length === 0) {
        emptied.push(`${all[i].dashboard} / ${all[i].panel} / ${all[i].refId}`);
      }
    }
    assert.deepEqual(emptied, []);
  });

  test('"vCPU per 1k requests/s" shows no value, not +Inf, while the request counter stands still', async () => {
    const vars = { gateway_workload: ['quiet-gateway'], gateway_pod: ['quiet-gateway-.*'], namespace: ['quiet'] };
    const istioStyle = await result(
      'sum(rate(container_cpu_usage_seconds_total{pod=~"quiet-gateway-.*"}[10s])) / (sum(rate(istio_requests_total{source_workload="quiet-gateway"}[10s])) / 1000)'
    );
    assert.deepEqual(
      istioStyle.map((s) => s.value[1]),
      ['+Inf']
    );
    for (const refId of ['A', 'B']) {
      assert.deepEqual(await result(panelQuery('performance', 'vCPU per 1k requests/s', vars, refId)), [], refId);
    }
  });

  test('proxy figures leave istio-system out of All, and show it when it is picked', async () => {
    const value = async (expr: string) => Number((await result(expr))[0].value[1]);
    const withoutSystem = await value(
      'sum(rate(container_cpu_usage_seconds_total{container="istio-proxy", namespace!="istio-system"}[10s]))'
    );
    const system = await value(
      'sum(rate(container_cpu_usage_seconds_total{container="istio-proxy", namespace="istio-system"}[10s]))'
    );
    assert.ok(system > 0, 'the simulator runs gateways in istio-system');
    const shown = await value(panelQuery('performance', 'Proxy vCPU', {}));
    const picked = await value(panelQuery('performance', 'Proxy vCPU', { namespace: ['istio-system'] }));
    assert.ok(near(shown, withoutSystem), `All: ${shown} vs ${withoutSystem}`);
    assert.ok(near(picked, system), `istio-system: ${picked} vs ${system}`);
  });
});

describe('VictoriaMetrics on Istio-shaped series', () => {
  const labelNames = async (base: string) => {
    const names = new Set<string>();
    (await result('istio_requests_total{job="istio-mesh"}', base)).forEach((s) =>
      Object.keys(s.metric).forEach((k) => names.add(k))
    );
    return [...names].sort();
  };

  test('keeps every label with -maxLabelsPerTimeseries=40; its default of 30 silently drops some', async () => {
    const fromProm = await labelNames(prom.url);
    assert.deepEqual(await labelNames(vm.url), fromProm);
    const withDefault = await labelNames(vmDefault.url);
    const lost = fromProm.filter((n) => !withDefault.includes(n));
    // Debian's 1.79.5 with 30: the simulator's sidecar series have 31 labels with the scrape's; one goes, silently.
    assert.deepEqual(lost, ['source_workload_namespace']);
    assert.equal(fromProm.filter((n) => n !== '__name__').length, 31);
  });

  test('every dashboard query returns the same label sets as Prometheus', async () => {
    const picks = {
      service: { service: ['reviews.bookinfo.svc.cluster.local'] },
      workload: { namespace: ['bookinfo'], workload: ['reviews-v2'] },
    };
    const differ: string[] = [];
    let series = 0;
    for (const job of jobs(dashboards, picks, BUILTINS)) {
      const expr = withoutTopk(job.query);
      const prom = await result(expr);
      const all = new Set(byLabels(prom).keys());
      // VictoriaMetrics leaves NaN (0/0, a quantile of no requests) out of results; Grafana draws neither.
      const numbers = new Set(byLabels(prom.filter((s) => s.value[1] !== 'NaN')).keys());
      const fromVm = [...byLabels(await result(expr, vm.url)).keys()];
      series += all.size;
      // Every label set VictoriaMetrics returns is one of Prometheus' (no label lost or invented), and it has every
      // label set Prometheus has a number for. The one allowed difference: where Prometheus' rate window saw no
      // increase (NaN), MetricsQL's rate also counts the step from the last sample before the window, so a sparse
      // series can have a number there.
      const invented = fromVm.filter((k) => !all.has(k));
      const missing = [...numbers].filter((k) => !fromVm.includes(k));
      if (invented.length + missing.length > 0) {
        differ.push(
          `${job.dashboard} / ${job.panel} / ${job.refId}: only VictoriaMetrics ${invented.join(' ')}; only Prometheus ${missing.join(' ')}`
        );
      }
    }
    assert.deepEqual(differ, []);
    assert.ok(series > 0);
  });
});
