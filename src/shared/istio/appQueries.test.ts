import {
  detailEdgeRate,
  detailErrorRate,
  detailIdentity,
  detailInboundByPeer,
  detailLatencyQuantile,
  detailOutboundByPeer,
  detailRequestRate,
  graphEdgeRate,
  namespaceLatencyQuantile,
  namespaceRequestRate,
  namespaceTraffic,
  namespaceServiceCount,
  namespaceWorkloadCount,
} from './appQueries';

describe('overview PromQL', () => {
  test('request rate is one query grouped by namespace', () => {
    expect(namespaceRequestRate()).toBe(
      'sum by (destination_workload_namespace) (rate(istio_requests_total{reporter="destination"}[$__range]))'
    );
  });

  test('traffic: one scan grouped by namespace, response code and security policy (rate, 5xx and mTLS from it)', () => {
    expect(namespaceTraffic({ window: '5m' })).toBe(
      'sum by (destination_workload_namespace, response_code, connection_security_policy) (rate(istio_requests_total{reporter="destination"}[5m]))'
    );
  });

  test('p95 aggregates buckets by namespace and le', () => {
    expect(namespaceLatencyQuantile(0.95)).toBe(
      'histogram_quantile(0.95, sum by (destination_workload_namespace, le) (rate(istio_request_duration_milliseconds_bucket{reporter="destination"}[$__range])))'
    );
  });

  test('rejects a quantile outside (0, 1)', () => {
    expect(() => namespaceLatencyQuantile(95)).toThrow('quantile must be between 0 and 1 (exclusive), got 95');
  });

  test('workload count unions senders and receivers, grouping each side before renaming its labels', () => {
    expect(namespaceWorkloadCount()).toBe(
      'count by (namespace) (group by (namespace, workload) (' +
        'label_replace(label_replace(group by (source_workload_namespace, source_workload) (istio_requests_total{reporter="source"}), "namespace", "$1", "source_workload_namespace", "(.+)"), "workload", "$1", "source_workload", "(.+)")' +
        ' or ' +
        'label_replace(label_replace(group by (destination_workload_namespace, destination_workload) (istio_requests_total{reporter="destination"}), "namespace", "$1", "destination_workload_namespace", "(.+)"), "workload", "$1", "destination_workload", "(.+)")' +
        '))'
    );
  });

  test('service count groups by the service namespace', () => {
    expect(namespaceServiceCount()).toBe(
      'count by (destination_service_namespace) (group by (destination_service_namespace, destination_service_name) (istio_requests_total{reporter="destination"}))'
    );
  });

  test('a namespace scope is one regex matcher with values escaped literally', () => {
    expect(namespaceRequestRate({ namespaces: ['bookinfo', 'a.b"c'] })).toBe(
      'sum by (destination_workload_namespace) (rate(istio_requests_total{reporter="destination",destination_workload_namespace=~"bookinfo|a\\\\.b\\"c"}[$__range]))'
    );
    expect(namespaceServiceCount({ namespaces: ['shop'] })).toBe(
      'count by (destination_service_namespace) (group by (destination_service_namespace, destination_service_name) (istio_requests_total{reporter="destination",destination_service_namespace=~"shop"}))'
    );
  });
});

describe('graph PromQL', () => {
  const by =
    'source_workload_namespace, source_workload, source_canonical_service, source_version, destination_workload_namespace, destination_workload, destination_canonical_service, destination_version, destination_service_name, destination_service_namespace';

  test('one query for every namespace: traffic into or out of them', () => {
    expect(graphEdgeRate({ namespaces: '${namespace:regex}', cluster: '${cluster:regex}' })).toBe(
      `sum by (${by}) (rate(istio_requests_total{reporter="destination",destination_workload_namespace=~"\${namespace:regex}",destination_cluster=~"\${cluster:regex}"}[$__rate_interval]))` +
        ' or ' +
        `sum by (${by}) (rate(istio_requests_total{reporter="destination",source_workload_namespace=~"\${namespace:regex}",destination_cluster=~"\${cluster:regex}"}[$__rate_interval]))`
    );
  });

  test('error edges keep the response-code filter on both sides', () => {
    const expr = graphEdgeRate({ namespaces: 'shop', cluster: '.*', responseCodes: '5..' });
    expect(expr.match(/response_code=~"5\.\."/g)).toHaveLength(2);
  });
});

describe('detail page PromQL', () => {
  const svc = { kind: 'service' as const, namespace: 'bookinfo', name: 'reviews' };
  const wl = { kind: 'workload' as const, namespace: 'bookinfo', name: 'reviews-v2' };

  test('service RED metrics select by service namespace and name', () => {
    expect(detailRequestRate(svc)).toBe(
      'sum(rate(istio_requests_total{reporter="destination",destination_service_namespace="bookinfo",destination_service_name="reviews"}[$__range]))'
    );
    expect(detailErrorRate(svc, '5m')).toBe(
      'sum(rate(istio_requests_total{reporter="destination",destination_service_namespace="bookinfo",destination_service_name="reviews",response_code=~"5.."}[5m]))'
    );
    expect(detailLatencyQuantile(svc, 0.99)).toBe(
      'histogram_quantile(0.99, sum by (le) (rate(istio_request_duration_milliseconds_bucket{reporter="destination",destination_service_namespace="bookinfo",destination_service_name="reviews"}[$__range])))'
    );
  });

  test('workload breakdowns: inbound by caller and code, outbound by callee and code', () => {
    expect(detailInboundByPeer(wl)).toBe(
      'sum by (source_workload_namespace, source_workload, response_code) (rate(istio_requests_total{reporter="destination",destination_workload_namespace="bookinfo",destination_workload="reviews-v2"}[$__range]))'
    );
    expect(detailOutboundByPeer(wl)).toBe(
      'sum by (destination_service_namespace, destination_service_name, response_code) (rate(istio_requests_total{reporter="source",source_workload_namespace="bookinfo",source_workload="reviews-v2"}[$__range]))'
    );
    expect(detailOutboundByPeer(svc)).toContain('source_canonical_service="reviews"');
  });

  test('identity query and escaping of untrusted names', () => {
    expect(detailIdentity(svc)).toBe(
      'group by (destination_service, destination_cluster) (istio_requests_total{reporter="destination",destination_service_namespace="bookinfo",destination_service_name="reviews"})'
    );
    expect(detailRequestRate({ kind: 'service', namespace: 'a', name: 'x"} or vector(1) #' })).toContain('destination_service_name="x\\"} or vector(1) #"');
  });
});

test('a node\'s own graph: edges into it or out of it, one query', () => {
  const by =
    'source_workload_namespace, source_workload, source_canonical_service, source_version, destination_workload_namespace, destination_workload, destination_canonical_service, destination_version, destination_service_name, destination_service_namespace';
  expect(detailEdgeRate({ kind: 'workload', namespace: 'shop', name: 'cart-v1' }, '5..')).toBe(
    `sum by (${by}) (rate(istio_requests_total{reporter="destination",destination_workload_namespace="shop",destination_workload="cart-v1",response_code=~"5.."}[$__rate_interval]))` +
      ' or ' +
      `sum by (${by}) (rate(istio_requests_total{reporter="destination",source_workload_namespace="shop",source_workload="cart-v1",response_code=~"5.."}[$__rate_interval]))`
  );
});
