import { FieldType, createDataFrame, type DataFrame } from '@grafana/data';
import { DEFAULT_THRESHOLDS } from '../../../../shared/settings';
import { buildDetail } from './detailModel';

const f = (refId: string, values: number[], labels: Record<string, string> = {}): DataFrame =>
  createDataFrame({
    refId,
    fields: [
      { name: 'Time', type: FieldType.time, values: values.map((_, i) => i) },
      { name: 'Value', type: FieldType.number, values, labels },
    ],
  });

const inbound = (wl: string, code: string, rate: number, extra: Record<string, string> = {}) =>
  f('inbound', [rate], { source_workload_namespace: 'bookinfo', source_workload: wl, response_code: code, ...extra });
const outbound = (svc: string, code: string, rate: number, extra: Record<string, string> = {}) =>
  f('outbound', [rate], { destination_service_namespace: 'bookinfo', destination_service_name: svc, response_code: code, ...extra });

test('RED numbers, breakdowns sorted by rate, identity for the dashboards', () => {
  const m = buildDetail(
    [
      f('rate', [20]),
      f('p95', [120]),
      f('p99', [NaN]),
      f('trend', [18, 20, NaN]),
      inbound('productpage-v1', '200', 4),
      inbound('gw', '200', 5),
      inbound('gw', '503', 1),
      f('inbound', [0], { source_workload_namespace: 'x', source_workload: 'idle', response_code: '200' }),
      outbound('ratings', '503', 2),
      f('identity', [1], { destination_service: 'reviews.bookinfo.svc.cluster.local', destination_cluster: 'Kubernetes' }),
    ],
    DEFAULT_THRESHOLDS
  );
  expect(m).toMatchObject({ requestRate: 20, errorPct: 10, p50Ms: null, p95Ms: 120, p99Ms: null, fqdn: 'reviews.bookinfo.svc.cluster.local', cluster: 'Kubernetes' });
  expect(m.trend).toEqual([18, 20, NaN]);
  expect(m.inbound.map((p) => `${p.name} ${p.code}`)).toEqual(['gw 200', 'productpage-v1 200', 'gw 503']);
  expect(m.outbound).toEqual([{ namespace: 'bookinfo', name: 'ratings', code: '503', rate: 2 }]);
  // Kiali: the worst of inbound (1 of 10 answered 503: 10 %, failure) and outbound (all 503: failure).
  expect(m.health).toEqual({
    status: 'failure',
    reasons: ['5xx 10.0 % of inbound HTTP ≥ 10 % failure', '5xx 100.0 % of outbound HTTP ≥ 10 % failure'],
  });
});

test('outbound errors alone make a service fail, as in Kiali and the graph', () => {
  const m = buildDetail([f('rate', [9]), inbound('frontend-v1', '200', 9), outbound('payment', '200', 3), outbound('payment', '503', 1)], DEFAULT_THRESHOLDS);
  expect(m.errorPct).toBe(0);
  expect(m.health).toEqual({ status: 'failure', reasons: ['5xx 25.0 % of outbound HTTP ≥ 10 % failure'] });
});

test('gRPC: HTTP 200 with grpc_response_status 14 is an error', () => {
  const grpc = (status: string, rate: number) => inbound('client', '200', rate, { request_protocol: 'grpc', grpc_response_status: status });
  const m = buildDetail([f('rate', [100]), grpc('0', 99), grpc('14', 1)], DEFAULT_THRESHOLDS);
  expect(m.health).toEqual({ status: 'degraded', reasons: ['gRPC errors 1.0 % of inbound gRPC > 0 % degraded'] });
  expect(m.errorPct).toBe(1);
});

test('no traffic: nulls, not zeros that look like measurements; health "No traffic"', () => {
  expect(buildDetail([], DEFAULT_THRESHOLDS)).toMatchObject({
    requestRate: null,
    errorPct: null,
    p95Ms: null,
    inbound: [],
    outbound: [],
    fqdn: undefined,
    health: { status: 'idle', reasons: ['no HTTP or gRPC requests in this time range'] },
  });
});

test('TCP only (an ambient workload without a waypoint): bytes in and out, no request rate', () => {
  expect(buildDetail([f('tcpIn', [2048]), f('tcpOut', [512])], DEFAULT_THRESHOLDS)).toMatchObject({ requestRate: null, tcpInBps: 2048, tcpOutBps: 512 });
});

test('missing data or a failed query: "unknown", never healthy', () => {
  expect(buildDetail([f('rate', [5])], DEFAULT_THRESHOLDS).health).toEqual({ status: 'unknown', reasons: ['inbound requests by response code missing from the answer'] });
  expect(buildDetail([inbound('a', '200', NaN)], DEFAULT_THRESHOLDS).health).toEqual({ status: 'unknown', reasons: ['no request rate in the answer (missing or NaN values)'] });
  expect(buildDetail([f('rate', [5]), inbound('a', '200', 5)], DEFAULT_THRESHOLDS, 'query "p99": timeout').health).toEqual({ status: 'unknown', reasons: ['query "p99": timeout'] });
});
