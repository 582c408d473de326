import { addToBuckets, cumulativeShares, logNormal } from '../model/distribution';
import { podName, scrapeLabels, type Labels } from '../model/labels';
import type { Random } from '../model/random';
import type { Workload } from '../topology/types';
import { goRuntime } from './goRuntime';
import { type Pod, TYPE_URLS } from './infraTypes';
import { ISTIO_TAG } from './istioBuild';
import type { Family, MetricStore } from './store';
import { wasm } from './wasm';
import { ztunnel } from './ztunnel';

const PUSH_TIME_BUCKETS = [0.01, 0.1, 0.5, 1, 3, 5, 10, 20, 30];
const CONFIG_SIZE_BUCKETS = [1, 10000, 1000000, 4000000, 10000000, 40000000];
const CONVERGENCE_BUCKETS = [0.1, 0.5, 1, 3, 5, 10, 20, 30];
const XDS_TYPES = ['cds', 'eds', 'lds', 'rds', 'nds'];

type Step = (dt: number) => void;

/**
 * Everything besides request telemetry: istiod (pilot_*, galley_*, sidecar_injection_*), istio_build,
 * per-proxy Envoy/agent stats, ztunnel, and cAdvisor/Go/process stand-ins, so every bundled
 * dashboard has data. Istio's Go NewSum counters keep their suffix-less names.
 */
export function infraMetrics(store: MetricStore, workloads: readonly Workload[], random: Random): Step {
  const steps: Step[] = [];
  // Events are whole numbers; rounding each tick to the nearest one would freeze any counter slower than
  // one event per two ticks, so the fraction is kept as a probability (same mean rate, integer counts).
  const events = (expected: number) => {
    const whole = Math.floor(expected);
    return whole + (random() < expected - whole ? 1 : 0);
  };
  const counter = (f: Family, labels: Labels, pod: string, perSecond: number, fractional = false) => {
    const s = store.series(f, labels, pod);
    steps.push((dt) => {
      const expected = perSecond * dt * (0.5 + random());
      s.value += fractional ? expected : events(expected);
    });
    return s;
  };
  const gauge = (f: Family, labels: Labels, pod: string, value: () => number) => {
    const s = store.series(f, labels, pod);
    steps.push(() => (s.value = value()));
    return s;
  };
  const histogram = (f: Family, labels: Labels, pod: string, perSecond: number, p50: number, p95: number) => {
    const s = store.series(f, labels, pod);
    const shares = cumulativeShares(logNormal(p50, p95), f.bounds ?? []);
    steps.push((dt) => {
      const n = events(perSecond * dt * (0.5 + random()));
      addToBuckets(s.buckets!, shares, n, random());
      s.value += n * p50 * 1.1;
    });
  };
  const define = (
    name: string,
    help: string,
    type: 'counter' | 'gauge' | 'histogram',
    bounds?: number[],
    bulk = false
  ) => store.define(name, help, type, bounds, type === 'counter' && !name.endsWith('_total'), bulk);
  // One to three series per pod: at 5,000 workloads ~45,000 lines, so they take the bulk writer too.
  const perPod = (name: string, help: string, type: 'counter' | 'gauge') => define(name, help, type, undefined, true);

  const build = perPod('istio_build', 'Istio component build info', 'gauge');
  const cxActive = perPod('envoy_cluster_upstream_cx_active', 'Active upstream connections', 'gauge');
  const cpu = perPod(
    'container_cpu_usage_seconds_total',
    'Cumulative cpu time consumed (cAdvisor stand-in)',
    'counter'
  );
  const memory = perPod('container_memory_working_set_bytes', 'Current working set (cAdvisor stand-in)', 'gauge');
  const fs = perPod(
    'container_fs_usage_bytes',
    'Bytes consumed by the container on filesystems (cAdvisor stand-in)',
    'gauge'
  );
  const container = (p: Pod, name: string, cores: number, bytes: number) => {
    const labels = { namespace: p.labels.namespace, pod: p.pod, container: name };
    counter(cpu, labels, p.pod, cores, true);
    gauge(memory, labels, p.pod, () => Math.round(bytes * (0.95 + random() * 0.1)));
    gauge(fs, labels, p.pod, () => 12288 + Math.round(bytes / 1000));
  };

  const proxies = workloads.filter((w) => w.dataPlane === 'sidecar');
  for (const w of proxies) {
    const pod = podName(w);
    const p: Pod = { pod, labels: scrapeLabels(w.namespace, pod, w.app) };
    gauge(build, { component: 'proxy', tag: ISTIO_TAG, ...p.labels }, pod, () => 1);
    gauge(cxActive, { cluster_name: 'xds-grpc', ...p.labels }, pod, () => 1);
    container(p, 'istio-proxy', 0.004, 48e6);
    container(p, w.app, 0.02, 120e6);
  }

  const istiodPod = podName({ cluster: 'Kubernetes', namespace: 'istio-system', name: 'istiod' });
  const istiod: Pod = { pod: istiodPod, labels: scrapeLabels('istio-system', istiodPod, 'istiod', 'discovery') };
  const on = (labels: Labels = {}) => ({ ...labels, ...istiod.labels });
  gauge(build, on({ component: 'pilot', tag: ISTIO_TAG }), istiodPod, () => 1);
  container(istiod, 'discovery', 0.05, 180e6);
  gauge(
    define('pilot_xds', 'Number of endpoints connected to this pilot using XDS.', 'gauge'),
    on({ version: ISTIO_TAG }),
    istiodPod,
    () => proxies.length
  );
  const ambient = workloads.some((w) => w.dataPlane === 'ambient');
  const types = ambient ? [...XDS_TYPES, 'wds', 'wads'] : XDS_TYPES;
  const pushes = define('pilot_xds_pushes', 'Pilot build and send errors for lds, rds, cds and eds.', 'counter');
  const pushTime = define(
    'pilot_xds_push_time',
    'Total time in seconds Pilot takes to push lds, rds, cds and eds.',
    'histogram',
    PUSH_TIME_BUCKETS
  );
  const configSize = define(
    'pilot_xds_config_size_bytes',
    'Distribution of configuration sizes pushed to clients',
    'histogram',
    CONFIG_SIZE_BUCKETS
  );
  for (const type of types) {
    counter(pushes, on({ type }), istiodPod, proxies.length * 0.05 + 0.2);
    histogram(pushTime, on({ type }), istiodPod, 0.3, 0.02, 0.4);
    histogram(configSize, on({ type: TYPE_URLS[type] }), istiodPod, 0.3, 4000, 300000);
  }
  counter(pushes, on({ type: 'eds_senderr' }), istiodPod, 0.002);
  histogram(
    define(
      'pilot_proxy_convergence_time',
      'Delay in seconds between config change and a proxy receiving all required configuration.',
      'histogram',
      CONVERGENCE_BUCKETS
    ),
    on(),
    istiodPod,
    0.5,
    0.2,
    1.5
  );
  const cfgEvents = define('pilot_k8s_cfg_events', 'Events from k8s config.', 'counter');
  const regEvents = define('pilot_k8s_reg_events', 'Events from k8s registry.', 'counter');
  for (const [type, event] of [
    ['VirtualService', 'update'],
    ['DestinationRule', 'update'],
    ['Gateway', 'add'],
  ]) {
    counter(cfgEvents, on({ type, event }), istiodPod, 0.01);
  }
  for (const [type, event] of [
    ['Endpoints', 'update'],
    ['Pods', 'update'],
    ['Services', 'add'],
  ]) {
    counter(regEvents, on({ type, event }), istiodPod, 0.05);
  }
  const triggers = define(
    'pilot_push_triggers',
    'Total number of times a push was triggered, labeled by reason for the push.',
    'counter'
  );
  for (const type of ['endpoint', 'config', 'service', 'proxy']) {
    counter(triggers, on({ type }), istiodPod, 0.05);
  }
  counter(
    define('pilot_total_xds_rejects', 'Total number of XDS responses from pilot rejected by proxy.', 'counter'),
    on({ type: 'lds' }),
    istiodPod,
    0.001
  );
  counter(
    define('pilot_total_xds_internal_errors', 'Total number of internal XDS errors in pilot.', 'counter'),
    on(),
    istiodPod,
    0.0005
  );
  const gvk = { group: 'networking.istio.io', version: 'v1', resource: 'virtualservices' };
  counter(define('galley_validation_passed', 'Resource is valid.', 'counter'), on(gvk), istiodPod, 0.02);
  counter(
    define('galley_validation_failed', 'Resource validation failed.', 'counter'),
    on({ ...gvk, reason: 'invalid_resource' }),
    istiodPod,
    0.002
  );
  counter(
    define('sidecar_injection_requests_total', 'Total number of sidecar injection requests.', 'counter'),
    on(),
    istiodPod,
    0.05
  );
  counter(
    define('sidecar_injection_success_total', 'Total number of successful sidecar injection requests.', 'counter'),
    on(),
    istiodPod,
    0.048
  );
  counter(
    define('sidecar_injection_failure_total', 'Total number of failed sidecar injection requests.', 'counter'),
    on(),
    istiodPod,
    0.002
  );
  goRuntime(istiod, { counter, gauge, define }, random);

  wasm(proxies.slice(0, 2), { counter, gauge, define });
  if (ambient) {
    for (const cluster of new Set(workloads.filter((w) => w.dataPlane === 'ambient').map((w) => w.cluster))) {
      ztunnel(cluster, workloads, { counter, gauge, define, build, container });
    }
  }
  return (dt) => steps.forEach((step) => step(dt));
}
