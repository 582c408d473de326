import { FieldType, createDataFrame, type DataFrame } from '@grafana/data';
import { DEFAULT_THRESHOLDS } from '../../../../shared/settings';
import { buildNamespaceRows } from './namespaceRows';

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
/** One series of the combined traffic query: a namespace, response code and security policy. */
const traffic = (n: string, code: string, policy: string, rate: number) =>
  series('traffic', { ...ns(n), response_code: code, connection_security_policy: policy }, [rate]);

describe('buildNamespaceRows', () => {
  const frames = [
    traffic('shop', '200', 'mutual_tls', 17),
    traffic('shop', '503', 'mutual_tls', 2),
    traffic('shop', '404', 'mutual_tls', 1),
    series('p95', ns('shop'), [87.5]),
    series('workloads', { namespace: 'shop' }, [3]),
    series('services', { destination_service_namespace: 'shop' }, [2]),
    series('trend', ns('shop'), [18, NaN, 21]),
    traffic('bookinfo', '200', 'mutual_tls', 5),
    traffic('bookinfo', '200', 'none', 5),
    series('workloads', { namespace: 'loadtest' }, [1]),
    series('workloads', { namespace: 'unknown' }, [1]),
    series('traffic', { response_code: '200' }, [4]),
  ];

  test("one row per namespace; rate, error and mTLS shares summed from the traffic series by code and policy; Kiali's health", () => {
    const { rows, hidden } = buildNamespaceRows(frames, DEFAULT_THRESHOLDS);
    expect(rows.map((r) => r.namespace)).toEqual(['bookinfo', 'loadtest', 'shop']);
    const shop = rows[2];
    // 2 of 20 answered 503 (10 %: failure), 1 of 20 answered 404 (5 %: under the 4xx 10 % threshold).
    expect(shop).toMatchObject({ workloads: 3, services: 2, requestRate: 20, errorPct: 15, mtlsPct: 100, p95Ms: 87.5, health: 'failure' });
    expect(shop.healthReasons).toEqual(['5xx 10.0 % of inbound HTTP ≥ 10 % failure']);
    expect(shop.trend?.values).toEqual([18, NaN, 21]);
    expect(rows[0]).toMatchObject({ requestRate: 10, errorPct: 0, mtlsPct: 50, health: 'healthy', p95Ms: null });
    expect(hidden).toEqual({ unknownNamespace: 1, unlabelled: 1 });
  });

  test('a namespace that only sends traffic is idle, with no shares', () => {
    const row = buildNamespaceRows(frames, DEFAULT_THRESHOLDS).rows[1];
    expect(row).toMatchObject({ namespace: 'loadtest', workloads: 1, requestRate: null, errorPct: null, mtlsPct: null, health: 'idle' });
    expect(row.healthReasons).toEqual(['no HTTP or gRPC requests in this time range']);
  });

  test('does not change its input', () => {
    const copy = frames.map((f) => f.fields.map((x) => [...x.values]));
    buildNamespaceRows(frames, DEFAULT_THRESHOLDS);
    expect(frames.map((f) => f.fields.map((x) => [...x.values]))).toEqual(copy);
  });

  test('no frames: no rows', () => {
    expect(buildNamespaceRows([], DEFAULT_THRESHOLDS)).toEqual({
      rows: [],
      hidden: { unknownNamespace: 0, unlabelled: 0 },
      counts: { noTraffic: 0, noSidecars: 0 },
    });
  });
});

describe('buildNamespaceRows with the namespace inventory', () => {
  const frames = [
    traffic('shop', '200', 'mutual_tls', 20),
    series('inventory', { namespace: 'shop', label_istio_injection: 'enabled' }, [1]),
    series('inventory', { namespace: 'standby', label_istio_injection: 'enabled' }, [1]),
    series('inventory', { namespace: 'legacy' }, [1]),
    series('inventory', { namespace: 'ambient-ns', label_istio_io_dataplane_mode: 'ambient' }, [1]),
    series('inventory', { namespace: 'revisioned' }, [1]),
    series('inventory', {}, [1]),
    series('proxies', { namespace: 'shop' }, [3]),
    series('proxies', { namespace: 'revisioned' }, [2]),
  ];

  test('namespaces without traffic get rows, flagged; no sidecars only without label, proxy and traffic', () => {
    const { rows, counts, hidden } = buildNamespaceRows(frames, DEFAULT_THRESHOLDS, ['configured']);
    const flags = Object.fromEntries(rows.map((r) => [r.namespace, [r.noTraffic, r.noSidecars, r.proxies, r.health]]));
    expect(flags).toEqual({
      'ambient-ns': [true, false, null, 'idle'],
      configured: [true, false, null, 'idle'],
      legacy: [true, true, null, 'idle'],
      revisioned: [true, false, 2, 'idle'],
      shop: [false, false, 3, 'healthy'],
      standby: [true, false, null, 'idle'],
    });
    expect(counts).toEqual({ noTraffic: 5, noSidecars: 1 });
    expect(hidden.unlabelled).toBe(1);
  });

  test('workloads of a namespace without traffic come from its kube-state-metrics deployments; Istio counts win where both exist', () => {
    const withDeployments = [
      ...frames,
      series('workloads', { namespace: 'shop' }, [3]),
      series('deployments', { namespace: 'shop' }, [5]),
      series('deployments', { namespace: 'standby' }, [4]),
    ];
    const workloads = Object.fromEntries(buildNamespaceRows(withDeployments, DEFAULT_THRESHOLDS).rows.map((r) => [r.namespace, r.workloads]));
    expect(workloads).toMatchObject({ shop: 3, standby: 4, legacy: null });
  });

  test('a listed namespace already in the data is one row; "unknown" is never listed', () => {
    const { rows } = buildNamespaceRows(frames, DEFAULT_THRESHOLDS, ['shop', 'unknown', '']);
    expect(rows.filter((r) => r.namespace === 'shop')).toHaveLength(1);
    expect(rows.some((r) => r.namespace === 'unknown' || r.namespace === '')).toBe(false);
  });
});

describe('namespace health by Kiali\'s rules', () => {
  const by = (n: string, workload: string, code: string, rate: number, extra: Record<string, string> = {}) =>
    series('traffic', { ...ns(n), destination_workload: workload, response_code: code, connection_security_policy: 'mutual_tls', ...extra }, [rate]);

  test('with series per workload, the worst workload decides and names itself', () => {
    // Summed, 1.25 % of bookinfo's requests fail (degraded); details-v1 alone fails 12.5 % (failure).
    const frames = [by('bookinfo', 'productpage-v1', '200', 180), by('bookinfo', 'details-v1', '200', 17.5), by('bookinfo', 'details-v1', '503', 2.5)];
    const { rows } = buildNamespaceRows(frames, DEFAULT_THRESHOLDS);
    expect(rows[0]).toMatchObject({ namespace: 'bookinfo', requestRate: 200, errorPct: 1.25, health: 'failure' });
    expect(rows[0].healthReasons).toEqual(['details-v1: 5xx 12.5 % of inbound HTTP ≥ 10 % failure']);
  });

  test('gRPC status from grpc_response_status; HTTP 200 with status 14 is an error', () => {
    const grpc = (code: string, status: string, rate: number) => by('pay', 'payment-v1', code, rate, { request_protocol: 'grpc', grpc_response_status: status });
    const { rows } = buildNamespaceRows([grpc('200', '0', 97), grpc('200', '14', 3)], DEFAULT_THRESHOLDS);
    expect(rows[0]).toMatchObject({ health: 'degraded', errorPct: 3 });
    expect(rows[0].healthReasons).toEqual(['payment-v1: gRPC errors 3.0 % of inbound gRPC > 0 % degraded']);
  });

  test("a workload's outbound errors count, as Kiali grades each workload both ways", () => {
    const out = (wl: string, code: string, rate: number) =>
      series('outbound', { source_workload_namespace: 'shop', source_workload: wl, request_protocol: 'http', response_code: code }, [rate]);
    const { rows } = buildNamespaceRows([traffic('shop', '200', 'mutual_tls', 9), out('cart-v1', '200', 3), out('cart-v1', '503', 1), out('frontend-v1', '200', 9)], DEFAULT_THRESHOLDS);
    expect(rows[0]).toMatchObject({ namespace: 'shop', requestRate: 9, errorPct: 0, health: 'failure' });
    expect(rows[0].healthReasons).toEqual(['cart-v1: 5xx 25.0 % of outbound HTTP ≥ 10 % failure']);
  });

  test('a namespace that only sends is graded by what it sends', () => {
    const out = series('outbound', { source_workload_namespace: 'istio-system', source_workload: 'gw', response_code: '503' }, [1]);
    const ok = series('outbound', { source_workload_namespace: 'istio-system', source_workload: 'gw', response_code: '200' }, [99]);
    const { rows } = buildNamespaceRows([out, ok], DEFAULT_THRESHOLDS);
    expect(rows[0]).toMatchObject({ namespace: 'istio-system', requestRate: null, noTraffic: false, health: 'degraded', healthReasons: ['gw: 5xx 1.0 % of outbound HTTP > 0 % degraded'] });
  });

  test('edited thresholds apply', () => {
    const lenient = DEFAULT_THRESHOLDS.map((t) => (t.code === '5xx' ? { ...t, degraded: 1, failure: 5 } : t));
    const { rows } = buildNamespaceRows([traffic('shop', '200', 'none', 99.5), traffic('shop', '503', 'none', 0.5)], lenient);
    expect(rows[0]).toMatchObject({ health: 'healthy', healthReasons: [] });
  });

  test('request series without a number give "unknown", never healthy', () => {
    const { rows } = buildNamespaceRows([traffic('shop', '200', 'none', NaN)], DEFAULT_THRESHOLDS);
    expect(rows[0]).toMatchObject({ health: 'unknown', healthReasons: ['no request rate in the answer (missing or NaN values)'], requestRate: null });
  });
});
