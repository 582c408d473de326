import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import { startPrometheus, type RunningPrometheus } from '../lib/prometheus';
import { pollUntil, startSimulator, type RunningSimulator } from './simulator.lib';

// One Prometheus scrapes one simulator per scenario; the scenarios are set by flags at start-up.
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
  const [bookinfo] = await Promise.all([
    startSimulator([
      '--topology',
      'bookinfo',
      '--seed',
      '3',
      '--fault',
      'reviews-v3:ratings:0.1:503',
      '--latency',
      'productpage-v1:details:20:80',
    ]),
  ]);
  sims.bookinfo = bookinfo;
  const jobs = Object.entries(sims).map(
    ([job, sim]) => `  - job_name: ${job}\n    static_configs:\n      - targets: ['${sim.target}']`
  );
  prom = await startPrometheus(['global:', '  scrape_interval: 1s', 'scrape_configs:', ...jobs, ''].join('\n'));
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
    const sel = `reporter="${reporter}",source_workload="reviews-v3",destination_service_name="ratings"`;
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
  const by = 'sum by (source_workload, destination_workload, response_code)';
  const sel = 'source_workload!="unknown",destination_workload!="unknown",response_code!="0"';
  const [src, dst] = await Promise.all([
    prom.query(`${by} (istio_requests_total{job="bookinfo",reporter="source",${sel}})`),
    prom.query(`${by} (istio_requests_total{job="bookinfo",reporter="destination",${sel}})`),
  ]);
  const key = (m: Record<string, string>) => `${m.source_workload}->${m.destination_workload}:${m.response_code}`;
  const toMap = (r: typeof src) => Object.fromEntries(r.map((s) => [key(s.metric), s.value[1]]));
  assert.ok(dst.length >= 8, `hops seen: ${dst.length}`);
  assert.deepEqual(toMap(src), toMap(dst));
});

test('histogram_quantile(0.95) lands in the bucket holding the configured p95 (80 ms -> (50, 100])', async () => {
  const p95 = await pollUntil(async () => {
    const r = await prom.query(
      'histogram_quantile(0.95, sum by (le) (rate(istio_request_duration_milliseconds_bucket{reporter="destination",source_workload="productpage-v1",destination_service_name="details"}[20s])))'
    );
    const v = value(r);
    return Number.isFinite(v) ? v : undefined;
  }, 'p95');
  assert.ok(p95 > 50 && p95 <= 100, `p95 ${p95}`);
});
