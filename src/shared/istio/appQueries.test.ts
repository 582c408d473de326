import {
  detailErrorRate,
  detailIdentity,
  detailInboundByPeer,
  detailLatencyQuantile,
  detailOutboundByPeer,
  detailRequestRate,
  detailTcpRate,
  namespaceLatencyQuantile,
  namespaceRequestRate,
  namespaceTraffic,
  namespaceServiceCount,
  namespaceWorkloadCount,
} from './appQueries';

describe('overview PromQL', () => {
  test('request rate is one query grouped by namespace', () => {
    expect(namespaceRequestRate()).toBe(
      'sum by (destination_workload_namespace) (rate(istio_requests_total{reporter=~"destination|waypoint"}[$__range]))'
    );
  });

  test('traffic: one scan grouped by namespace, workload, response code and security policy (rate, 5xx, mTLS and per-workload health from it)', () => {
    expect(namespaceTraffic({ window: '5m' })).toBe(
      'sum by (destination_workload_namespace, destination_workload, response_code, connection_security_policy, request_protocol, grpc_response_status) (rate(istio_requests_total{reporter=~"destination|waypoint"}[5m]))'
    );
  });

  test('p95 aggregates buckets by namespace and le', () => {
    expect(namespaceLatencyQuantile(0.95)).toBe(
      'histogram_quantile(0.95, sum by (destination_workload_namespace, le) (rate(istio_request_duration_milliseconds_bucket{reporter=~"destination|waypoint"}[$__range])))'
    );
  });

  test('rejects a quantile outside (0, 1)', () => {
    expect(() => namespaceLatencyQuantile(95)).toThrow('quantile must be between 0 and 1 (exclusive), got 95');
  });

  test('workload count unions senders and receivers, grouping each side before renaming its labels', () => {
    expect(namespaceWorkloadCount()).toBe(
      'count by (namespace) (group by (namespace, workload) (' +
        'label_replace(label_replace(group by (source_workload_namespace, source_workload) ({__name__=~"istio_requests_total|istio_tcp_received_bytes_total",reporter=~"source|waypoint"}), "namespace", "$1", "source_workload_namespace", "(.+)"), "workload", "$1", "source_workload", "(.+)")' +
        ' or ' +
        'label_replace(label_replace(group by (destination_workload_namespace, destination_workload) ({__name__=~"istio_requests_total|istio_tcp_received_bytes_total",reporter=~"destination|waypoint"}), "namespace", "$1", "destination_workload_namespace", "(.+)"), "workload", "$1", "destination_workload", "(.+)")' +
        '))'
    );
  });

  test('service count groups by the service namespace', () => {
    expect(namespaceServiceCount()).toBe(
      'count by (destination_service_namespace) (group by (destination_service_namespace, destination_service_name) (istio_requests_total{reporter=~"destination|waypoint"}))'
    );
  });

  test('a namespace scope is one regex matcher with values escaped literally', () => {
    expect(namespaceRequestRate({ namespaces: ['bookinfo', 'a.b"c'] })).toBe(
      'sum by (destination_workload_namespace) (rate(istio_requests_total{reporter=~"destination|waypoint",destination_workload_namespace=~"bookinfo|a\\\\.b\\"c"}[$__range]))'
    );
    expect(namespaceServiceCount({ namespaces: ['shop'] })).toBe(
      'count by (destination_service_namespace) (group by (destination_service_namespace, destination_service_name) (istio_requests_total{reporter=~"destination|waypoint",destination_service_namespace=~"shop"}))'
    );
  });
});

describe('detail page PromQL', () => {
  const svc = { kind: 'service' as const, namespace: 'bookinfo', name: 'reviews' };
  const wl = { kind: 'workload' as const, namespace: 'bookinfo', name: 'reviews-v2' };

  test('service RED metrics select by service namespace and name', () => {
    expect(detailRequestRate(svc)).toBe(
      'sum(rate(istio_requests_total{reporter=~"destination|waypoint",destination_service_namespace="bookinfo",destination_service_name="reviews"}[$__range]))'
    );
    expect(detailErrorRate(svc, '5m')).toBe(
      'sum(rate(istio_requests_total{reporter=~"destination|waypoint",destination_service_namespace="bookinfo",destination_service_name="reviews",response_code=~"5.."}[5m]))'
    );
    expect(detailLatencyQuantile(svc, 0.99)).toBe(
      'histogram_quantile(0.99, sum by (le) (rate(istio_request_duration_milliseconds_bucket{reporter=~"destination|waypoint",destination_service_namespace="bookinfo",destination_service_name="reviews"}[$__range])))'
    );
  });

  test('workload breakdowns: inbound by caller and code, outbound by callee and code', () => {
    expect(detailInboundByPeer(wl)).toBe(
      'sum by (source_workload_namespace, source_workload, response_code, request_protocol, grpc_response_status) (rate(istio_requests_total{reporter=~"destination|waypoint",destination_workload_namespace="bookinfo",destination_workload="reviews-v2"}[$__range]))'
    );
    expect(detailOutboundByPeer(wl)).toBe(
      'sum by (destination_service_namespace, destination_service_name, response_code, request_protocol, grpc_response_status) (rate(istio_requests_total{reporter=~"source|waypoint",source_workload_namespace="bookinfo",source_workload="reviews-v2"}[$__range]))'
    );
    expect(detailOutboundByPeer(svc)).toContain('source_canonical_service="reviews"');
  });

  test('identity query and escaping of untrusted names', () => {
    expect(detailIdentity(svc)).toBe(
      'group by (destination_service, destination_cluster) (istio_requests_total{reporter=~"destination|waypoint",destination_service_namespace="bookinfo",destination_service_name="reviews"})'
    );
    expect(detailRequestRate({ kind: 'service', namespace: 'a', name: 'x"} or vector(1) #' })).toContain('destination_service_name="x\\"} or vector(1) #"');
  });
});

test('TCP bytes both ways, into the target (its sidecar or ztunnel) and out of it (its own proxy)', () => {
  const wl = { kind: 'workload' as const, namespace: 'bookinfo-ambient', name: 'ratings-v1' };
  const inSel = '{reporter="destination",destination_workload_namespace="bookinfo-ambient",destination_workload="ratings-v1"}';
  expect(detailTcpRate(wl, 'in')).toBe(
    `(sum(rate(istio_tcp_sent_bytes_total${inSel}[$__range])) or vector(0)) + (sum(rate(istio_tcp_received_bytes_total${inSel}[$__range])) or vector(0))`
  );
  expect(detailTcpRate(wl, 'out', '5m')).toContain('(sum(rate(istio_tcp_sent_bytes_total{reporter="source",source_workload_namespace="bookinfo-ambient",source_workload="ratings-v1"}[5m])) or vector(0))');
});
