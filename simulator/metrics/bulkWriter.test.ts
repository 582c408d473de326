import { Engine } from '../engine/engine';
import { seededRandom } from '../model/random';
import { bookinfo } from '../topology/bookinfo';
import { generated } from '../topology/generated';
import type { Topology } from '../topology/types';
import { Tracer } from '../traces/tracer';
import { ENVOY_BUCKETS } from '../model/distribution';
import { ChunkBuffer } from './bulkWriter';
import { expositionText, type Writer } from './exposition';
import { infraMetrics } from './infra';
import { MetricStore } from './store';
import { valueText } from './textFormat';

/** A mesh run for a minute with 20 % of requests traced, so latency buckets carry exemplars. */
function simulated(topology: Topology): MetricStore {
  const engine = new Engine(topology, { seed: 3, daySeconds: 3600, startMs: 0 });
  const step = infraMetrics(engine.store, engine.mesh.workloads, seededRandom(4));
  const tracer = new Tracer(engine, 0.2, seededRandom(5), {});
  for (let t = 1; t <= 60; t++) {
    engine.tick(1, t * 1000);
    step(1);
    tracer.tick(1, t * 1000);
  }
  return engine.store;
}

const both = async (store: MetricStore, openMetrics: boolean) => {
  const [bulk, reference] = await Promise.all(
    (['bulk', 'prom-client'] as Writer[]).map((w) => expositionText(store, openMetrics, undefined, w))
  );
  return { bulk, reference };
};

const exemplarLines = (text: string) => text.split('\n').filter((l) => l.includes(' # {trace_id="'));

describe('bulk writer: the same bytes as prom-client', () => {
  const meshes: Array<[string, () => MetricStore]> = [
    ['bookinfo', () => simulated(bookinfo())],
    ['generated, 60 workloads', () => simulated(generated(60, 11))],
  ];
  for (const [name, make] of meshes) {
    describe(name, () => {
      const store = make();

      test('Prometheus text', async () => {
        const { bulk, reference } = await both(store, false);
        expect(bulk.length).toBeGreaterThan(10_000);
        expect(bulk).toContain('\nistio_request_duration_milliseconds_bucket{le="0.5",reporter="');
        expect(bulk).not.toContain('trace_id');
        expect(bulk === reference).toBe(true);
      });

      test('OpenMetrics with trace_id exemplars', async () => {
        const { bulk, reference } = await both(store, true);
        expect(exemplarLines(bulk).length).toBeGreaterThan(5);
        expect(bulk).toContain('\n# TYPE istio_requests counter\nistio_requests_total{');
        expect(bulk.endsWith('# EOF\n')).toBe(true);
        expect(bulk === reference).toBe(true);
      });

      test('shards and stopped pods', async () => {
        const pod = [...store.families.get('istio_requests_total')!.series.values()][0].pod;
        store.hiddenPods.add(pod);
        for (const index of [0, 1, 2]) {
          const shard = { index, count: 3 };
          const bulk = await expositionText(store, true, shard, 'bulk');
          expect(bulk === (await expositionText(store, true, shard, 'prom-client'))).toBe(true);
          expect(bulk).not.toContain(`pod="${pod}"`);
        }
        store.hiddenPods.delete(pod);
      });
    });
  }

  test('escaping, empty label sets, non-ASCII, and series bigger than a chunk', async () => {
    const store = new MetricStore();
    const counter = store.define(
      'istio_requests_total',
      'Requests "with" \\ and\nnewline.',
      'counter',
      undefined,
      false,
      true
    );
    store.series(counter, { path: 'a"b\\c\nd', who: 'zürich ☃' }, 'p-1').value = 1.5;
    store.series(counter, {}, 'p-2').value = Infinity;
    store.series(counter, { big: 'x'.repeat(400_000) }, 'p-3').value = 1e21;
    const gauge = store.define('pilot_xds', 'Gauge.', 'gauge', undefined, false, true);
    store.series(gauge, { v: 'é' }, 'p-1').value = -0.25;
    const hist = store.define('istio_request_bytes', 'Sizes.', 'histogram', ENVOY_BUCKETS, false, true);
    const empty = store.series(hist, {}, 'p-2');
    empty.buckets!.fill(2, 3);
    empty.exemplars = [];
    empty.exemplars[3] = { labelSet: { trace_id: 'ab"c' }, value: 1.25, timestamp: 1700000000.5 };
    const h = store.series(hist, { q: '\\"' }, 'p-1');
    h.value = 7;
    for (const openMetrics of [false, true]) {
      const { bulk, reference } = await both(store, openMetrics);
      expect(bulk).toContain('x'.repeat(400_000));
      expect(bulk === reference).toBe(true);
    }
    const om = await expositionText(store, true);
    expect(om).toContain('istio_request_bytes_bucket{le="10"} 2 # {trace_id="ab\\"c"} 1.25 1700000000.5\n');
    expect(om).toContain('istio_requests_total{path="a\\"b\\\\c\\nd",who="zürich ☃"} 1.5\n');
  });

  test('an empty store is one empty line (plus # EOF), as through prom-client', async () => {
    for (const openMetrics of [false, true]) {
      const { bulk, reference } = await both(new MetricStore(), openMetrics);
      expect(bulk).toBe(openMetrics ? '\n# EOF\n' : '\n');
      expect(bulk === reference).toBe(true);
    }
  });

  test('whole numbers written digit by digit read as prom-client prints them', () => {
    const out = new ChunkBuffer();
    const values = [0, -0, 1, 9, 10, 99, 100, 4096, 999_999_999_999_999, 1e15, 2 ** 53, 1e21, 0.5, -3, NaN, -Infinity];
    for (let digits = 1; digits <= 16; digits++) {
      values.push(Number('7'.repeat(digits)), 10 ** (digits - 1), 10 ** digits - 1);
    }
    for (const v of values) {
      out.value(v);
      expect([v, out.take().toString('latin1')]).toEqual([v, valueText(v)]);
    }
  });
});
