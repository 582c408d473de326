import { seededRandom } from '../model/random';
import { ambient } from '../topology/ambient';
import { bookinfo } from '../topology/bookinfo';
import { infraMetrics } from './infra';
import { MetricStore } from './store';

function run(workloads: ReturnType<typeof bookinfo>['workloads'], seconds: number) {
  const store = new MetricStore();
  const step = infraMetrics(store, workloads, seededRandom(1));
  for (let i = 0; i < seconds; i++) {
    step(1);
  }
  return store;
}

describe('infraMetrics', () => {
  test('istiod families with Istio names, buckets and growing counters', () => {
    const store = run(bookinfo().workloads, 30);
    const pushes = store.families.get('pilot_xds_pushes')!;
    expect(pushes.type).toBe('counter');
    expect(pushes.keepNameInOpenMetrics).toBe(true);
    expect([...pushes.series.values()].map((s) => s.labels.type)).toEqual([
      'cds',
      'eds',
      'lds',
      'rds',
      'nds',
      'eds_senderr',
    ]);
    expect([...pushes.series.values()][0].value).toBeGreaterThan(0);
    expect(store.families.get('pilot_xds_push_time')!.bounds).toEqual([0.01, 0.1, 0.5, 1, 3, 5, 10, 20, 30]);
    expect(store.families.get('pilot_xds_config_size_bytes')!.bounds).toEqual([1, 1e4, 1e6, 4e6, 1e7, 4e7]);
    // Names that already end in _total are plain counters in OpenMetrics too.
    expect(store.families.get('sidecar_injection_success_total')!.keepNameInOpenMetrics).toBe(false);
    const xds = [...store.families.get('pilot_xds')!.series.values()][0];
    expect(xds.value).toBe(bookinfo().workloads.filter((w) => w.dataPlane === 'sidecar').length);
    expect(xds.labels).toMatchObject({ namespace: 'istio-system', app: 'istiod', container: 'discovery' });
  });

  test('one istio_build per proxy plus istiod; cAdvisor stand-ins for proxy and app containers', () => {
    const store = run(bookinfo().workloads, 5);
    const build = [...store.families.get('istio_build')!.series.values()];
    expect(build.filter((s) => s.labels.component === 'pilot')).toHaveLength(1);
    expect(build.filter((s) => s.labels.component === 'proxy')).toHaveLength(10);
    const containers = new Set(
      [...store.families.get('container_memory_working_set_bytes')!.series.values()].map((s) => s.labels.container)
    );
    for (const c of ['istio-proxy', 'productpage', 'discovery']) {
      expect(containers.has(c)).toBe(true);
    }
  });

  test('ztunnel metrics only when the mesh has ambient workloads', () => {
    expect(run(bookinfo().workloads, 1).families.has('workload_manager_active_proxy_count')).toBe(false);
    const store = run(ambient().workloads, 5);
    const active = [...store.families.get('workload_manager_active_proxy_count')!.series.values()][0];
    expect(active.value).toBe(6);
    expect(active.labels).toMatchObject({ app: 'ztunnel', container: 'istio-proxy' });
    expect(active.labels.pod).toMatch(/^ztunnel-/);
    expect(store.families.get('istio_xds_message_total')!.series.size).toBe(2);
  });
});
