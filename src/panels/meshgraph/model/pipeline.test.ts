import fc from 'fast-check';
import { createDataFrame, FieldType } from '@grafana/data';
import { defaultMeshGraphPanelOptions as options } from '../types';
import { seriesFrames, tableFrame } from './__fixtures__/frames';
import { bookinfoSamples } from './__fixtures__/kialiSamples';
import { syntheticMesh } from './__fixtures__/syntheticMesh';
import { framesToGraph } from './pipeline';

const workload = { ...options, graphType: 'workload' as const, injectServiceNodes: false };

function ok(result: ReturnType<typeof framesToGraph>) {
  if (!result.ok) {
    throw new Error(result.error);
  }
  return result;
}

describe('framesToGraph', () => {
  const samples = bookinfoSamples();
  const byMetric = (m: string) => samples.filter((s) => s.metric === m);

  it('builds the same graph from table frames and from series frames', () => {
    const table = ok(framesToGraph([tableFrame(byMetric('istio_requests_total'), 'istio_requests_total:inbound'), tableFrame(byMetric('istio_tcp_received_bytes_total'), 'tcp istio_tcp_received_bytes_total')], workload));
    const series = ok(framesToGraph([...seriesFrames(byMetric('istio_requests_total'), 'A'), ...seriesFrames(byMetric('istio_tcp_received_bytes_total'), 'B')], workload));
    expect(table.graph.nodes).toHaveLength(13);
    expect(table.graph.edges).toHaveLength(18);
    expect(series.graph.nodes.map((n) => n.id).sort()).toEqual(table.graph.nodes.map((n) => n.id).sort());
    expect(series.graph.edges).toHaveLength(18);
    // Reported by both proxies: the inbound and outbound queries overlap and count once.
    expect(table.counts.duplicate).toBeGreaterThan(0);
  });

  it('counts rows with missing labels, NaN and negative values, and keeps the rest', () => {
    const good = byMetric('istio_requests_total');
    const { destination_workload: _dropped, ...missing } = good[0].labels;
    const bad = [
      { ...good[0], labels: missing },
      { ...good[1], value: NaN },
      { ...good[2], value: -3 },
    ];
    const result = ok(framesToGraph([tableFrame([...good, ...bad], 'istio_requests_total')], workload));
    expect(result.counts.missingLabels).toBe(1);
    expect(result.counts.badValue).toBe(2);
    expect(result.graph.edges.length).toBeGreaterThan(10);
  });

  it('keeps HTML in label values as plain text', () => {
    const s = byMetric('istio_requests_total')[0];
    const html = { ...s, labels: { ...s.labels, destination_workload: '<img src=x onerror=alert(1)>' } };
    const result = ok(framesToGraph([tableFrame([html], 'istio_requests_total')], workload));
    expect(result.graph.nodes.map((n) => n.title)).toContain('<img src=x onerror=alert(1)>');
  });

  it('explains frames that hold no Istio traffic', () => {
    const frame = createDataFrame({ refId: 'A', fields: [{ name: 'cpu', type: FieldType.number, values: [1] }] });
    expect(framesToGraph([frame], workload)).toEqual({ ok: false, error: expect.stringContaining('None of the 1 frames holds Istio traffic') });
  });

  it('reports an empty result as empty, and a bad waypoint pattern precisely', () => {
    expect(ok(framesToGraph([], workload)).source).toBe('empty');
    const frame = tableFrame(samples.slice(0, 2), 'istio_requests_total');
    expect(framesToGraph([frame], { ...workload, waypointPattern: '(' })).toEqual({ ok: false, error: expect.stringContaining('not a valid regular expression') });
  });

  it('handles 100,000 series without throwing', () => {
    const big = syntheticMesh(40000);
    const result = ok(framesToGraph([tableFrame(big, 'istio_requests_total')], { ...workload, nodeBudget: 2000 }));
    expect(result.counts.series).toBe(big.length);
    expect(big.length).toBeGreaterThan(100000);
    expect(result.graph.nodes.length).toBeGreaterThan(39000);
  });

  it('never throws, whatever the labels and values (property)', () => {
    const label = fc.oneof(fc.constant('unknown'), fc.constant(''), fc.constant('a'), fc.constant('10.0.0.1'), fc.string({ maxLength: 4 }));
    const keys = Object.keys(samples[0].labels);
    fc.assert(
      fc.property(
        fc.array(fc.record({ labels: fc.dictionary(fc.constantFrom(...keys), label), value: fc.oneof(fc.double(), fc.constant(NaN), fc.integer()) }), { maxLength: 30 }),
        fc.constantFrom('app', 'versionedApp', 'workload', 'service'),
        (rows, graphType) => {
          const frame = tableFrame(rows.map((r) => ({ metric: 'istio_requests_total', labels: r.labels, value: r.value })), 'istio_requests_total');
          const result = framesToGraph([frame], { ...options, graphType: graphType as typeof options.graphType });
          if (result.ok) {
            const ids = new Set(result.graph.nodes.map((n) => n.id));
            expect(result.graph.edges.every((e) => ids.has(e.source) && ids.has(e.target))).toBe(true);
          }
        }
      ),
      { numRuns: 200 }
    );
  });
});
