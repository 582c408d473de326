/** @jest-environment-options {"customExportConditions": ["node", "require", "default"]} */
// yaml ships an ESM-only "browser" build; resolve its Node build under jsdom.
import { Engine } from '../engine/engine';
import { find } from '../engine/testing';
import { UsageError } from '../cli/flags';
import { loadTopology } from './load';

describe('loadTopology', () => {
  test('built-ins by name', () => {
    expect(loadTopology('bookinfo', { seed: 1, scale: 50 }).workloads.length).toBe(11);
    expect(loadTopology('generated', { seed: 1, scale: 200 }).workloads.length).toBe(200);
    expect(new Set(loadTopology('multicluster', { seed: 1, scale: 50 }).workloads.map((w) => w.cluster))).toEqual(
      new Set(['east', 'west'])
    );
  });

  test('generated is seeded: same seed, same mesh; another seed, another mesh', () => {
    const a = loadTopology('generated', { seed: 5, scale: 300 });
    expect(loadTopology('generated', { seed: 5, scale: 300 })).toEqual(a);
    expect(loadTopology('generated', { seed: 6, scale: 300 }).edges).not.toEqual(a.edges);
  });

  test('bookinfo+ambient runs both: the gateway once, ztunnel and sidecar telemetry side by side', () => {
    const t = loadTopology('bookinfo+ambient', { seed: 1, scale: 50 });
    expect(t.workloads.filter((w) => w.name === 'istio-ingressgateway')).toHaveLength(1);
    const engine = new Engine(t, { seed: 1, daySeconds: 3600, startMs: 0 });
    for (let i = 1; i <= 20; i++) {
      engine.tick(1, i * 1000);
    }
    expect(find(engine.store, 'istio_tcp_sent_bytes_total', { app: 'ztunnel' }).length).toBeGreaterThan(0);
    expect(find(engine.store, 'istio_requests_total', { reporter: 'waypoint' }).length).toBeGreaterThan(0);
    expect(
      find(engine.store, 'istio_requests_total', {
        destination_workload_namespace: 'bookinfo',
        reporter: 'destination',
      }).length
    ).toBeGreaterThan(0);
  });

  test('unknown names and too small scales are usage errors', () => {
    expect(() => loadTopology('nope', { seed: 1, scale: 50 })).toThrow(UsageError);
    expect(() => loadTopology('generated', { seed: 1, scale: 5 })).toThrow('--scale must be at least 10');
  });
});
