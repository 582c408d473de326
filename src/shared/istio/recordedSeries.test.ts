import {
  matcherLabel,
  preferRecorded,
  RAW_SWITCH_VALUES,
  RECORDED_SERIES,
  recordedFor,
  recordingRuleGroups,
} from './recordedSeries';

describe('recorded series', () => {
  it('picks the coarsest family that keeps every filtered and grouped label', () => {
    const mesh = [
      'reporter=~"source|waypoint"',
      'destination_cluster=~"$cluster"',
      'destination_workload_namespace=~"$ns"',
    ];
    expect(recordedFor('istio_requests_total', mesh, [])?.record).toBe('destination:istio_requests:rate1m');
    // A source-side label needs the namespace level (both sides), a workload the workload level.
    expect(recordedFor('istio_requests_total', mesh, ['source_workload_namespace'])?.record).toBe(
      'namespace:istio_requests:rate1m'
    );
    expect(recordedFor('istio_requests_total', mesh, ['destination_workload'])?.record).toBe(
      'workload:istio_requests:rate1m'
    );
    expect(recordedFor('istio_request_duration_milliseconds_bucket', mesh, ['le'])?.record).toBe(
      'destination:istio_request_duration_milliseconds_bucket:rate1m'
    );
    expect(recordedFor('istio_request_duration_milliseconds_bucket', ['source_cluster="c"'], ['le'])?.record).toBe(
      'namespace:istio_request_duration_milliseconds_bucket:rate1m'
    );
  });

  it('reads what the app overview groups by alone (server reporter, destination namespace) from the narrowest level', () => {
    const server = ['reporter=~"destination|waypoint"', 'destination_workload_namespace=~"a|b"'];
    expect(recordedFor('istio_requests_total', server, ['destination_workload_namespace'])?.record).toBe(
      'destination_namespace:istio_requests:rate1m'
    );
    expect(
      recordedFor('istio_request_duration_milliseconds_bucket', server, ['destination_workload_namespace', 'le'])
        ?.record
    ).toBe('destination_namespace:istio_request_duration_milliseconds_bucket:rate1m');
    // A code, policy or cluster needs the destination level.
    expect(recordedFor('istio_requests_total', server, ['response_code'])?.record).toBe(
      'destination:istio_requests:rate1m'
    );
    expect(recordedFor('istio_requests_total', ['destination_cluster="c"'], [])?.record).toBe(
      'destination:istio_requests:rate1m'
    );
  });

  it('records cAdvisor, proxy and istiod series as the dashboards aggregate them: rates, sums and counts by namespace', () => {
    const proxies = ['cluster=~"${cluster}|"', 'namespace=~"$namespace"', 'container="$proxy_container"'];
    expect(recordedFor('container_cpu_usage_seconds_total', proxies, [])?.record).toBe(
      'namespace_container:container_cpu_usage_seconds:rate1m'
    );
    expect(recordedFor('container_memory_working_set_bytes', proxies, [], 'sum')?.record).toBe(
      'namespace_container:container_memory_working_set_bytes:sum'
    );
    expect(recordedFor('container_memory_working_set_bytes', proxies, [], 'count')?.record).toBe(
      'namespace_container:container_memory_working_set_bytes:count'
    );
    // A gauge family is never read as a rate, nor a pod-filtered query from any family.
    expect(recordedFor('container_memory_working_set_bytes', proxies, [])).toBeUndefined();
    expect(recordedFor('container_cpu_usage_seconds_total', [...proxies, 'pod=~"istiod-.*"'], [])).toBeUndefined();
    expect(recordedFor('pilot_xds_pushes', ['namespace=~"$namespace"'], ['type'])?.record).toBe(
      'namespace:pilot_xds_pushes:rate1m'
    );
  });

  it('reads a filtered family (xDS connections) only for a query with the same filter', () => {
    expect(recordedFor('envoy_cluster_upstream_cx_active', ['cluster_name="xds-grpc"'], [], 'sum')?.record).toBe(
      'cluster:envoy_cluster_upstream_cx_active:sum'
    );
    expect(recordedFor('envoy_cluster_upstream_cx_active', [' cluster_name = "xds-grpc"'], [], 'sum')).toBeDefined();
    expect(
      recordedFor('envoy_cluster_upstream_cx_active', ['cluster_name="outbound|80||a"'], [], 'sum')
    ).toBeUndefined();
    expect(recordedFor('envoy_cluster_upstream_cx_active', [], [], 'sum')).toBeUndefined();
    const rule = recordingRuleGroups()[0].rules.find(
      (r) => r.record === 'cluster:envoy_cluster_upstream_cx_active:sum'
    );
    expect(rule?.expr).toBe(
      'sum by (cluster, cluster_name) (envoy_cluster_upstream_cx_active{cluster_name="xds-grpc"})'
    );
  });

  it('makes gauge rules without rate() and counts with count', () => {
    const byRecord = new Map(recordingRuleGroups()[0].rules.map((r) => [r.record, r.expr]));
    expect(byRecord.get('namespace_container:container_cpu_usage_seconds:rate1m')).toBe(
      'sum by (cluster, namespace, container) (rate(container_cpu_usage_seconds_total[1m]))'
    );
    expect(byRecord.get('namespace_container:container_memory_working_set_bytes:sum')).toBe(
      'sum by (cluster, namespace, container) (container_memory_working_set_bytes)'
    );
    expect(byRecord.get('namespace_container:container_memory_working_set_bytes:count')).toBe(
      'count by (cluster, namespace, container) (container_memory_working_set_bytes)'
    );
    expect(byRecord.get('destination_namespace:istio_request_duration_milliseconds_bucket:rate1m')).toBe(
      'sum by (reporter, destination_workload_namespace, le) (workload:istio_request_duration_milliseconds_bucket:rate1m)'
    );
  });

  it('records the body-size buckets per workload pair (the size panels read them, the bench measured them)', () => {
    expect(
      recordedFor('istio_request_bytes_bucket', ['reporter="destination"'], ['le', 'source_workload'])?.record
    ).toBe('workload:istio_request_bytes_bucket:rate1m');
    expect(recordedFor('istio_response_bytes_bucket', [], ['le'])?.record).toBe(
      'workload:istio_response_bytes_bucket:rate1m'
    );
  });

  it('reads the raw series when a label was aggregated away (versions, pods, codes of buckets)', () => {
    expect(recordedFor('istio_requests_total', ['destination_version="v1"'], [])).toBeUndefined();
    expect(recordedFor('istio_requests_total', [], ['pod'])).toBeUndefined();
    expect(recordedFor('istio_request_bytes_bucket', ['response_code="200"'], ['le'])).toBeUndefined();
    // Latency buckets drop response_code: a quantile per code must read the raw buckets.
    expect(recordedFor('istio_request_duration_milliseconds_bucket', ['response_code="200"'], ['le'])).toBeUndefined();
  });

  it('keeps the client-side mTLS evidence (destination_principal) and the server-side policy', () => {
    const workload = RECORDED_SERIES.find((s) => s.record === 'workload:istio_requests:rate1m')!;
    expect(workload.labels).toEqual(expect.arrayContaining(['destination_principal', 'connection_security_policy']));
  });

  it('records TCP bytes and connections, which Istio’s federation recipe leaves out', () => {
    expect(RECORDED_SERIES.filter((s) => s.raw.startsWith('istio_tcp_')).map((s) => s.record)).toEqual([
      'namespace:istio_tcp_sent_bytes:rate1m',
      'workload:istio_tcp_sent_bytes:rate1m',
      'namespace:istio_tcp_received_bytes:rate1m',
      'workload:istio_tcp_received_bytes:rate1m',
      'workload:istio_tcp_connections_opened:rate1m',
      'workload:istio_tcp_connections_closed:rate1m',
    ]);
  });

  it('rates first, then sums; namespace level sums the workload level; no pod label survives', () => {
    const [group] = recordingRuleGroups();
    const byRecord = new Map(group.rules.map((r) => [r.record, r.expr]));
    expect(byRecord.get('workload:istio_requests:rate1m')).toMatch(
      /^sum by \(reporter, .*, response_code, grpc_response_status\) \(rate\(istio_requests_total\[1m\]\)\)$/
    );
    expect(byRecord.get('namespace:istio_requests:rate1m')).toMatch(/\(workload:istio_requests:rate1m\)$/);
    const order = group.rules.map((r) => r.record);
    expect(order.indexOf('namespace:istio_requests:rate1m')).toBeGreaterThan(
      order.indexOf('workload:istio_requests:rate1m')
    );
    RECORDED_SERIES.forEach((s) => expect(s.labels).not.toEqual(expect.arrayContaining(['pod'])));
    expect(group.rules).toHaveLength(RECORDED_SERIES.length);
  });

  it('reads label names out of matchers and refuses anything else', () => {
    expect(matcherLabel('reporter=~"a|b"')).toBe('reporter');
    expect(matcherLabel('le!="+Inf"')).toBe('le');
    expect(() => matcherLabel('sum(x)')).toThrow('not a label matcher: "sum(x)"');
  });
});

describe('preferRecorded (the app pages)', () => {
  const rate =
    'sum by (destination_workload) (rate(istio_requests_total{reporter="destination",destination_workload_namespace="a,b"}[5m]))';

  it('reads the coarsest recorded family, with the raw side behind the switch', () => {
    expect(preferRecorded(rate, RAW_SWITCH_VALUES.recorded)).toBe(
      '(sum by (destination_workload) (avg_over_time(workload:istio_requests:rate1m{reporter="destination",destination_workload_namespace="a,b"}[5m]))' +
        ' or sum by (destination_workload) (rate(istio_requests_total{reporter="destination",destination_workload_namespace="a,b",meshlens_raw=~"off"}[5m])))'
    );
    expect(preferRecorded(rate, RAW_SWITCH_VALUES.raw)).toContain(',meshlens_raw=~".*"}[5m])))');
  });

  it('wraps every sum(rate(...)) of a query and leaves the rest as it is', () => {
    const ratio = `sum(rate(istio_requests_total{response_code=~"5.."}[1m])) / sum(rate(istio_requests_total{}[1m])) or vector(0)`;
    expect(preferRecorded(ratio, 'off')).toBe(
      '(sum(avg_over_time(destination:istio_requests:rate1m{response_code=~"5.."}[1m])) or sum(rate(istio_requests_total{response_code=~"5..",meshlens_raw=~"off"}[1m])))' +
        ' / (sum(avg_over_time(destination_namespace:istio_requests:rate1m{}[1m])) or sum(rate(istio_requests_total{meshlens_raw=~"off"}[1m]))) or vector(0)'
    );
  });

  it('leaves a rate no recorded family keeps as it is (pod label, unrecorded metric, no sum)', () => {
    const byPod = 'sum by (pod) (rate(istio_requests_total{reporter="destination"}[5m]))';
    const other = 'sum(rate(envoy_cluster_upstream_cx_total{}[5m]))';
    const bare = 'rate(istio_requests_total{}[5m])';
    [byPod, other, bare].forEach((q) => expect(preferRecorded(q, 'off')).toBe(q));
  });

  it('reads the mesh graph\'s `sum(rate(m{...} [w])) by (...) > 0` form, the `> 0` left outside', () => {
    const graph =
      'sum(rate(istio_tcp_received_bytes_total{reporter=~"waypoint|destination",destination_workload_namespace="shop"} [$__range])) by (app,source_workload,response_flags) > 0';
    expect(preferRecorded(graph, '$raw')).toBe(
      '(sum by (app, source_workload, response_flags) (avg_over_time(workload:istio_tcp_received_bytes:rate1m{reporter=~"waypoint|destination",destination_workload_namespace="shop"}[$__range]))' +
        ' or sum by (app, source_workload, response_flags) (rate(istio_tcp_received_bytes_total{reporter=~"waypoint|destination",destination_workload_namespace="shop",meshlens_raw=~"$raw"}[$__range]))) > 0'
    );
    const requests =
      'sum(rate(istio_requests_total{reporter="source",source_workload_namespace="shop"}[5m])) by (source_canonical_revision,destination_canonical_service,response_flags,source_principal)';
    expect(preferRecorded(requests, 'off')).toBe(
      '(sum by (source_canonical_revision, destination_canonical_service, response_flags, source_principal) (avg_over_time(workload:istio_requests:rate1m{reporter="source",source_workload_namespace="shop"}[5m]))' +
        ' or sum by (source_canonical_revision, destination_canonical_service, response_flags, source_principal) (rate(istio_requests_total{reporter="source",source_workload_namespace="shop",meshlens_raw=~"off"}[5m])))'
    );
  });

  it('leaves the graph form raw when no family keeps its labels, or with an offset', () => {
    const byVersion = 'sum(rate(istio_requests_total{reporter="source"} [$__range])) by (source_workload,destination_version) > 0';
    const tcpByPod = 'sum(rate(istio_tcp_sent_bytes_total{reporter="source"} [5m])) by (pod) > 0';
    const grpc = 'sum(rate(istio_request_messages_total{reporter="source"} [5m])) by (source_workload) > 0';
    const offset = 'sum(rate(istio_requests_total{reporter="source"} [$__range] offset $__range)) by (source_workload) > 0';
    [byVersion, tcpByPod, grpc, offset].forEach((q) => expect(preferRecorded(q, 'off')).toBe(q));
  });

  it('splits matchers at commas outside quoted values, escaped quotes included', () => {
    const q = 'sum(rate(istio_requests_total{destination_workload_namespace="x\\",y",reporter="source"}[1m]))';
    expect(preferRecorded(q, 'off')).toBe(
      '(sum(avg_over_time(destination_namespace:istio_requests:rate1m{destination_workload_namespace="x\\",y",reporter="source"}[1m]))' +
        ' or sum(rate(istio_requests_total{destination_workload_namespace="x\\",y",reporter="source",meshlens_raw=~"off"}[1m])))'
    );
  });
});
