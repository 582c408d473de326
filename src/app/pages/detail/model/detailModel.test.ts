import { FieldType, createDataFrame, type DataFrame } from '@grafana/data';
import { buildDetail } from './detailModel';

const f = (refId: string, values: number[], labels: Record<string, string> = {}): DataFrame =>
  createDataFrame({
    refId,
    fields: [
      { name: 'Time', type: FieldType.time, values: values.map((_, i) => i) },
      { name: 'Value', type: FieldType.number, values, labels },
    ],
  });

test('RED numbers, breakdowns sorted by rate, identity for the dashboards', () => {
  const m = buildDetail([
    f('rate', [20]),
    f('errors', [1]),
    f('p95', [120]),
    f('p99', [NaN]),
    f('trend', [18, 20, NaN]),
    f('inbound', [4], { source_workload_namespace: 'bookinfo', source_workload: 'productpage-v1', response_code: '200' }),
    f('inbound', [6], { source_workload_namespace: 'istio-system', source_workload: 'gw', response_code: '200' }),
    f('inbound', [0], { source_workload_namespace: 'x', source_workload: 'idle', response_code: '200' }),
    f('outbound', [2], { destination_service_namespace: 'bookinfo', destination_service_name: 'ratings', response_code: '503' }),
    f('identity', [1], { destination_service: 'reviews.bookinfo.svc.cluster.local', destination_cluster: 'Kubernetes' }),
  ]);
  expect(m).toMatchObject({ requestRate: 20, errorPct: 5, p50Ms: null, p95Ms: 120, p99Ms: null, fqdn: 'reviews.bookinfo.svc.cluster.local', cluster: 'Kubernetes' });
  expect(m.trend).toEqual([18, 20, NaN]);
  expect(m.inbound.map((p) => p.name)).toEqual(['gw', 'productpage-v1']);
  expect(m.outbound).toEqual([{ namespace: 'bookinfo', name: 'ratings', code: '503', rate: 2 }]);
});

test('TCP only (an ambient workload without a waypoint): bytes in and out, no request rate', () => {
  expect(buildDetail([f('tcpIn', [2048]), f('tcpOut', [512])])).toMatchObject({ requestRate: null, tcpInBps: 2048, tcpOutBps: 512 });
});

test('no traffic: nulls, not zeros that look like measurements', () => {
  expect(buildDetail([])).toMatchObject({ requestRate: null, errorPct: null, p95Ms: null, tcpInBps: null, tcpOutBps: null, inbound: [], outbound: [], fqdn: undefined });
});
