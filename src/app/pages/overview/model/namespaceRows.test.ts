import { FieldType, createDataFrame, type DataFrame } from '@grafana/data';
import { DEFAULT_THRESHOLDS } from '../../../../shared/settings';
import { buildNamespaceRows, healthOf } from './namespaceRows';

/** A frame as Grafana's Prometheus backend returns one series: Time + Value, labels on Value. */
function series(refId: string, labels: Record<string, string>, values: number[]): DataFrame {
  return createDataFrame({
    refId,
    fields: [
      { name: 'Time', type: FieldType.time, values: values.map((_, i) => 1000 * (i + 1)) },
      { name: 'Value', type: FieldType.number, values, labels },
    ],
  });
}

const ns = (n: string) => ({ destination_workload_namespace: n });

describe('buildNamespaceRows', () => {
  const frames = [
    series('requests', ns('shop'), [20]),
    series('errors', ns('shop'), [2]),
    series('mtls', ns('shop'), [20]),
    series('p95', ns('shop'), [87.5]),
    series('workloads', { namespace: 'shop' }, [3]),
    series('services', { destination_service_namespace: 'shop' }, [2]),
    series('trend', ns('shop'), [18, NaN, 21]),
    series('requests', ns('bookinfo'), [10]),
    series('mtls', ns('bookinfo'), [5]),
    series('workloads', { namespace: 'loadtest' }, [1]),
    series('workloads', { namespace: 'unknown' }, [1]),
    series('requests', {}, [4]),
  ];

  test('one row per namespace with shares computed from the grouped rates', () => {
    const { rows, hidden } = buildNamespaceRows(frames, DEFAULT_THRESHOLDS);
    expect(rows.map((r) => r.namespace)).toEqual(['bookinfo', 'loadtest', 'shop']);
    const shop = rows[2];
    expect(shop).toMatchObject({ workloads: 3, services: 2, requestRate: 20, errorPct: 10, mtlsPct: 100, p95Ms: 87.5, health: 'failure' });
    expect(shop.trend?.values).toEqual([18, NaN, 21]);
    expect(rows[0]).toMatchObject({ requestRate: 10, errorPct: 0, mtlsPct: 50, health: 'healthy', p95Ms: null });
    expect(hidden).toEqual({ unknownNamespace: 1, unlabelled: 1 });
  });

  test('a namespace that only sends traffic is idle, with no shares', () => {
    const row = buildNamespaceRows(frames, DEFAULT_THRESHOLDS).rows[1];
    expect(row).toMatchObject({ namespace: 'loadtest', workloads: 1, requestRate: null, errorPct: null, mtlsPct: null, health: 'idle' });
  });

  test('does not change its input', () => {
    const copy = frames.map((f) => f.fields.map((x) => [...x.values]));
    buildNamespaceRows(frames, DEFAULT_THRESHOLDS);
    expect(frames.map((f) => f.fields.map((x) => [...x.values]))).toEqual(copy);
  });

  test('no frames: no rows', () => {
    expect(buildNamespaceRows([], DEFAULT_THRESHOLDS)).toEqual({ rows: [], hidden: { unknownNamespace: 0, unlabelled: 0 } });
  });
});

describe('healthOf', () => {
  const t = { errorDegradedPct: 1, errorFailurePct: 5 };
  test.each([
    [null, null, 'idle'],
    [0, 0, 'idle'],
    [3, 0.5, 'healthy'],
    [3, 1, 'degraded'],
    [3, 5, 'failure'],
  ] as const)('rate %s, errors %s%% -> %s', (rate, err, expected) => {
    expect(healthOf(rate, err, t)).toBe(expected);
  });
});
