import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { startPrometheus, type RunningPrometheus } from '../lib/prometheus';
import { pollUntil, startSimulator, type RunningSimulator } from './simulator.lib';

// One Prometheus scrapes one simulator per scenario; the scenarios are set by flags at start-up.
const ROOT = join(__dirname, '..', '..');
let prom: RunningPrometheus;
const sims: Record<string, RunningSimulator> = {};

const REQUIRED_FAMILIES = [
  'istio_requests_total',
  'istio_request_duration_milliseconds_bucket',
  'istio_request_bytes_bucket',
  'istio_response_bytes_bucket',
  'istio_request_messages_total',
  'istio_response_messages_total',
  'istio_tcp_sent_bytes_total',
  'istio_tcp_received_bytes_total',
  'istio_tcp_connections_opened_total',
  'istio_tcp_connections_closed_total',
  'pilot_xds_pushes',
  'pilot_xds',
  'pilot_xds_push_time_bucket',
  'pilot_xds_config_size_bytes_bucket',
  'pilot_proxy_convergence_time_bucket',
  'pilot_k8s_cfg_events',
  'pilot_push_triggers',
  'galley_validation_passed',
  'galley_validation_failed',
  'sidecar_injection_success_total',
  'sidecar_injection_failure_total',
  'istio_build',
  'istio_agent_wasm_remote_fetch_count',
  'container_cpu_usage_seconds_total',
  'container_memory_working_set_bytes',
  'go_goroutines',
  'process_resident_memory_bytes',
];

before(async () => {
  const [bookinfo, ambient, multicluster] = await Promise.all([
    startSimulator([
      '--topology',
      'bookinfo',
      '--seed',
      '3',
      // Warm-up: every series exists before the first scrape, so no counter is born inside a rate window.
      '--warmup',
      '30',
      '--fault',
      'reviews-v3:ratings:0.1:503',
      '--latency',
      'productpage-v1:details:20:80',
    ]),
    startSimulator(['--topology', 'ambient']),
    startSimulator(['--topology', 'multicluster']),
  ]);
  Object.assign(sims, { bookinfo, ambient, multicluster });
  const jobs = Object.entries(sims).map(
    ([job, sim]) => `  - job_name: ${job}\n    static_configs:\n      - targets: ['${sim.target}']`
  );
  // The same bookinfo simulator, scraped again as 3 shard targets (how a big mesh is scraped).
  const shards = [0, 1, 2].map(
    (i) => `      - targets: ['${bookinfo.target}']\n        labels: { __param_shard: '${i}', shard: '${i}' }`
  );
  const sharded = `  - job_name: sharded\n    params: { shards: ['3'] }\n    static_configs:\n${shards.join('\n')}`;
  prom = await startPrometheus(
    ['global:', '  scrape_interval: 1s', 'scrape_configs:', ...jobs, sharded, ''].join('\n')
  );
});

after(async () => {
  await prom?.stop();
  await Promise.all(Object.values(sims).map((s) => s.stop()));
});

const value = (r: Array<{ value: [number, string] }>) => Number(r[0]?.value[1]);

test('every metric family the dashboards need is scraped, with Istio names (no OpenMetrics _total added)', async () => {
  const names = await pollUntil(async () => {
    const r = await prom.query('count by (__name__) ({job="bookinfo"})');
    const found = new Set(r.map((s) => s.metric.__name__));
    return REQUIRED_FAMILIES.every((n) => found.has(n)) ? found : undefined;
  }, 'all families');
  assert.ok(!names.has('pilot_xds_pushes_total'), 'suffix-less Istio counters keep their names');
});

test('10 % 503 on reviews-v3 -> ratings reads 0.10 +- 0.02 from either reporter', async () => {
  for (const reporter of ['source', 'destination']) {
    const sel = `job="bookinfo",reporter="${reporter}",source_workload="reviews-v3",destination_service_name="ratings"`;
    const ratio = await pollUntil(async () => {
      const calls = value(await prom.query(`sum(increase(istio_requests_total{${sel}}[30s]))`));
      if (!(calls >= 100)) {
        return undefined;
      }
      return value(
        await prom.query(
          `sum(rate(istio_requests_total{${sel},response_code=~"5.."}[30s])) / sum(rate(istio_requests_total{${sel}}[30s]))`
        )
      );
    }, `100 calls seen by ${reporter}`);
    assert.ok(Math.abs(ratio - 0.1) <= 0.02, `${reporter} error ratio ${ratio}`);
  }
});

test('request counts per hop agree between the source and destination reporters', async () => {
  // One query, so both reporters' counts come from the same scrape (two queries could straddle one).
  const sel = 'source_workload!="unknown",destination_workload!="unknown",response_code!="0"';
  const both = await prom.query(
    `sum by (reporter, source_workload, destination_workload, response_code) (istio_requests_total{job="bookinfo",reporter=~"source|destination",${sel}})`
  );
  const key = (m: Record<string, string>) => `${m.source_workload}->${m.destination_workload}:${m.response_code}`;
  const toMap = (reporter: string) =>
    Object.fromEntries(both.filter((s) => s.metric.reporter === reporter).map((s) => [key(s.metric), s.value[1]]));
  const dst = toMap('destination');
  assert.ok(Object.keys(dst).length >= 8, `hops seen: ${Object.keys(dst).length}`);
  assert.deepEqual(toMap('source'), dst);
});

test('histogram_quantile(0.95) lands in the bucket holding the configured p95 (80 ms -> (50, 100])', async () => {
  const p95 = await pollUntil(async () => {
    const r = await prom.query(
      'histogram_quantile(0.95, sum by (le) (rate(istio_request_duration_milliseconds_bucket{job="bookinfo",reporter="destination",source_workload="productpage-v1",destination_service_name="details"}[20s])))'
    );
    const v = value(r);
    return Number.isFinite(v) ? v : undefined;
  }, 'p95');
  assert.ok(p95 > 50 && p95 <= 100, `p95 ${p95}`);
});

test('ambient: ztunnel L4 from both sides with app="ztunnel", through the waypoint; waypoint L7 with reporter="waypoint"', async () => {
  const l4 = await prom.waitForSeries(
    'sum by (reporter) (istio_tcp_connections_opened_total{job="ambient",app="ztunnel",destination_workload="details-v1"})'
  );
  assert.deepEqual(l4.map((s) => s.metric.reporter).sort(), ['destination', 'source']);
  // reviews has a waypoint: the caller's ztunnel reports the hop to it, the backend's ztunnel the hop from it.
  const hops = await pollUntil(async () => {
    const r = await prom.query(
      'sum by (reporter, source_workload, destination_workload) (istio_tcp_connections_opened_total{job="ambient",app="ztunnel",destination_service_name="reviews"})'
    );
    return r.length >= 4 ? r : undefined;
  }, 'the four ztunnel hops of reviews');
  assert.deepEqual(
    hops.map((s) => `${s.metric.reporter} ${s.metric.source_workload} -> ${s.metric.destination_workload}`).sort(),
    [
      'destination waypoint -> reviews-v1',
      'destination waypoint -> reviews-v2',
      'destination waypoint -> reviews-v3',
      'source productpage-v1 -> waypoint',
    ]
  );
  const l7 = await prom.waitForSeries(
    'istio_requests_total{job="ambient",reporter="waypoint",destination_service_name="reviews",pod=~"waypoint-.*"}'
  );
  assert.ok(l7.length > 0);
  const ztunnel = await prom.waitForSeries('workload_manager_active_proxy_count{job="ambient",app="ztunnel"}');
  assert.equal(Number(ztunnel[0].value[1]), 6);
});

test('multicluster: hops carry source_cluster and destination_cluster', async () => {
  const r = await prom.waitForSeries(
    'sum by (source_cluster, destination_cluster) (istio_requests_total{job="multicluster",reporter="destination",destination_workload="ratings-v1"})'
  );
  const pairs = r.map((s) => `${s.metric.source_cluster}->${s.metric.destination_cluster}`).sort();
  assert.deepEqual(pairs, ['east->west', 'west->west']);
});

test('control API: a stopped workload fails over, errors are 400 with a message', async () => {
  const post = (path: string, body: unknown) =>
    fetch(`${sims.multicluster.url}${path}`, {
      method: 'POST',
      headers: { 'Content-Type': 'application/json' },
      body: JSON.stringify(body),
    });
  // fetch's default for a string body is text/plain, which a web page may send anywhere: refused.
  const plain = await fetch(`${sims.multicluster.url}/api/workloads/stop`, { method: 'POST', body: '{"workload":"ratings-v1"}' });
  assert.equal(plain.status, 415);
  const ok = await post('/api/workloads/stop', { workload: 'ratings-v1' });
  assert.equal(ok.status, 200);
  const state = (await (await fetch(`${sims.multicluster.url}/api/state`)).json()) as {
    workloads: Array<{ key: string; stopped: boolean }>;
  };
  assert.ok(state.workloads.find((w) => w.key === 'west/bookinfo/ratings-v1')?.stopped);
  const uh = await prom.waitForSeries(
    'istio_requests_total{job="multicluster",reporter="source",destination_service_name="ratings",response_code="503",response_flags="UH"}'
  );
  assert.ok(uh.length > 0);
  const bad = await post('/api/faults', { from: 'nobody', to: 'ratings', errorRate: 0.5 });
  assert.equal(bad.status, 400);
  assert.match(((await bad.json()) as { error: string }).error, /unknown or ambiguous workload "nobody"/);
});

test('invalid flags or topology files exit with code 2 and say what is wrong', async () => {
  const dir = mkdtempSync(join(tmpdir(), 'meshlens-sim-'));
  const file = join(dir, 'bad.yaml');
  writeFileSync(file, 'workloads:\n  - name: a-v1\n    namespace: x\n    rps: lots\n');
  try {
    for (const [args, message] of [
      [['--topology', file], `${file}: line 4: workloads[0].rps`],
      [['--topology', 'nope'], 'unknown topology "nope"'],
      [['--port', 'http'], '--port must be a number'],
    ] as const) {
      const r = spawnSync(process.execPath, ['--import', 'tsx', 'simulator/main.ts', ...args], {
        cwd: ROOT,
        encoding: 'utf8',
      });
      assert.equal(r.status, 2, r.stderr);
      assert.ok(r.stderr.includes(message), r.stderr);
    }
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
});

test('sharded scrape: 3 targets with ?shard=i&shards=3 together hold exactly the unsharded series', async () => {
  const up = await pollUntil(async () => {
    const r = await prom.query('up{job="sharded"} == 1');
    return r.length === 3 ? r : undefined;
  }, '3 shard targets up');
  assert.equal(up.length, 3);
  const count = async (job: string) =>
    value(await prom.query(`count(istio_request_duration_milliseconds_bucket{job="${job}"})`));
  const [whole, parts] = await Promise.all([count('bookinfo'), count('sharded')]);
  assert.ok(whole > 100);
  assert.equal(parts, whole);
});
