import { buildEnrichmentQueries, buildGraphQueries, defaultTrafficRates, idleDeploymentsQuery, istioPresetTargets, PREVIOUS_RANGE, reporterMatcher } from './graphQueries';

const GROUP_BY =
  'source_cluster,source_workload_namespace,source_workload,source_canonical_service,source_canonical_revision,destination_cluster,destination_service_namespace,destination_service,destination_service_name,destination_workload_namespace,destination_workload,destination_canonical_service,destination_canonical_revision';
const REQUESTS_BY = `${GROUP_BY},request_protocol,response_code,grpc_response_status,response_flags`;
const TCP_BY = `app,${GROUP_BY},response_flags`;

describe('buildGraphQueries', () => {
  it("issues Kiali's four-then-three queries, byte for byte (kiali/kiali graph/api/api_test.go)", () => {
    const queries = buildGraphQueries({
      namespaces: ['bookinfo'],
      range: '600s',
      rates: { ...defaultTrafficRates, ambient: 'none' },
      includeIdleEdges: false,
      isAmbientNamespace: false,
      round: true,
    });
    expect(queries.map((q) => q.expr)).toEqual([
      `round(sum(rate(istio_requests_total{reporter="source",source_workload_namespace!="bookinfo",destination_workload_namespace="unknown",destination_workload="unknown",destination_service=~"^.+\\\\.bookinfo\\\\..+$"} [600s])) by (${REQUESTS_BY}) > 0,0.001)`,
      `round(sum(rate(istio_requests_total{reporter="destination",destination_workload_namespace="bookinfo"} [600s])) by (${REQUESTS_BY}) > 0,0.001)`,
      `round(sum(rate(istio_requests_total{reporter="source",source_workload_namespace="bookinfo"} [600s])) by (${REQUESTS_BY}) > 0,0.001)`,
      `round(sum(rate(istio_tcp_received_bytes_total{app!="ztunnel",reporter="source",source_workload_namespace!="bookinfo",destination_workload_namespace="unknown",destination_workload="unknown",destination_service=~"^.+\\\\.bookinfo\\\\..+$"} [600s])) by (${TCP_BY}) > 0,0.001)`,
      `round(sum(rate(istio_tcp_received_bytes_total{app!="ztunnel",reporter="destination",destination_workload_namespace="bookinfo"} [600s])) by (${TCP_BY}) > 0,0.001)`,
      `round(sum(rate(istio_tcp_received_bytes_total{app!="ztunnel",reporter="source",source_workload_namespace="bookinfo"} [600s])) by (${TCP_BY}) > 0,0.001)`,
    ]);
    expect(queries.map((q) => q.direction)).toEqual(['unserviced', 'inbound', 'outbound', 'unserviced', 'inbound', 'outbound']);
  });

  it('adds the ambient source query and waypoint reporters for ambient namespaces', () => {
    const queries = buildGraphQueries({
      namespaces: ['bookinfo'],
      range: '$__range',
      rates: { ...defaultTrafficRates, tcp: 'none' },
      includeIdleEdges: true,
      isAmbientNamespace: true,
      round: false,
    });
    expect(queries.map((q) => q.expr)).toEqual([
      `sum(rate(istio_requests_total{reporter=~"waypoint|source",source_workload_namespace!="bookinfo",destination_workload_namespace="unknown",destination_workload="unknown",destination_service=~"^.+\\\\.bookinfo\\\\..+$"} [$__range])) by (${REQUESTS_BY}) `,
      `sum(rate(istio_requests_total{reporter="source",source_workload_namespace!="bookinfo",destination_workload_namespace="bookinfo"} [$__range])) by (${REQUESTS_BY}) `,
      `sum(rate(istio_requests_total{reporter=~"waypoint|destination",destination_workload_namespace="bookinfo"} [$__range])) by (${REQUESTS_BY}) `,
      `sum(rate(istio_requests_total{reporter=~"waypoint|source",source_workload_namespace="bookinfo"} [$__range])) by (${REQUESTS_BY}) `,
    ]);
  });

  it('reads gRPC messages and both TCP directions for "total" rates', () => {
    const queries = buildGraphQueries({
      namespaces: ['ns'],
      range: '60s',
      rates: { http: 'none', grpc: 'total', tcp: 'total', ambient: 'ztunnel' },
      includeIdleEdges: false,
      isAmbientNamespace: false,
      round: false,
    });
    expect(queries.map((q) => `${q.metric}/${q.direction}`)).toEqual([
      'istio_request_messages_total/unserviced',
      'istio_request_messages_total/inbound',
      'istio_request_messages_total/outbound',
      'istio_response_messages_total/unserviced',
      'istio_response_messages_total/inbound',
      'istio_response_messages_total/outbound',
      'istio_tcp_received_bytes_total/unserviced',
      'istio_tcp_received_bytes_total/inbound',
      'istio_tcp_received_bytes_total/outbound',
      'istio_tcp_sent_bytes_total/unserviced',
      'istio_tcp_sent_bytes_total/inbound',
      'istio_tcp_sent_bytes_total/outbound',
    ]);
    expect(queries[1].expr).toBe(`sum(rate(istio_request_messages_total{reporter="destination",destination_workload_namespace="ns"} [60s])) by (${GROUP_BY}) > 0`);
  });

  it('escapes hostile namespace values in matchers and in the service regex', () => {
    const [unserviced, inbound] = buildGraphQueries({
      namespaces: ['a"b.c'],
      range: '60s',
      rates: { ...defaultTrafficRates, tcp: 'none', ambient: 'none' },
      includeIdleEdges: false,
      isAmbientNamespace: false,
      round: false,
    });
    expect(inbound.expr).toContain('destination_workload_namespace="a\\"b.c"');
    expect(unserviced.expr).toContain('destination_service=~"^.+\\\\.a\\"b\\\\.c\\\\..+$"');
  });

  it('matches the reporter by side and ambient mode', () => {
    expect(reporterMatcher('source', 'none')).toBe('reporter="source"');
    expect(reporterMatcher('destination', 'waypoint')).toBe('reporter=~"waypoint|destination"');
  });
});

describe('buildEnrichmentQueries', () => {
  const base = {
    namespaces: ['bookinfo'],
    range: '$__range',
    rates: { ...defaultTrafficRates, ambient: 'none' as const },
    includeIdleEdges: false,
    isAmbientNamespace: false,
    round: false,
  };
  const G = `${GROUP_BY},request_protocol`;

  it('builds the p95 response time (bucket gains between two instants), response throughput and security queries', () => {
    const queries = buildEnrichmentQueries({ ...base, responseTime: '95', throughput: 'response', security: true });
    const inB = 'istio_request_duration_milliseconds_bucket{reporter="destination",destination_service_namespace="bookinfo"}';
    const outSel = 'reporter="source",source_workload_namespace="bookinfo",destination_service_namespace!="bookinfo"';
    const outB = `istio_request_duration_milliseconds_bucket{${outSel}}`;
    expect(queries.map((q) => q.expr)).toEqual([
      `histogram_quantile(0.95, sum((clamp_min(${inB} - (${inB} offset $__range), 0) or (${inB} and (${inB} offset $__interval)))) by (le,${G})) > 0`,
      `sum(rate(istio_response_bytes_sum{reporter="destination",destination_service_namespace="bookinfo"}[$__range])) by (${GROUP_BY}) > 0`,
      `histogram_quantile(0.95, sum((clamp_min(${outB} - (${outB} offset $__range), 0) or (${outB} and (${outB} offset $__interval)))) by (le,${G})) > 0`,
      `sum(rate(istio_response_bytes_sum{${outSel}}[$__range])) by (${GROUP_BY}) > 0`,
      'sum(rate(istio_requests_total{reporter="destination",destination_service_namespace="bookinfo"}[$__range])) by (source_cluster,source_workload_namespace,source_workload,source_canonical_service,source_canonical_revision,source_principal,destination_cluster,destination_service_namespace,destination_service_name,destination_workload_namespace,destination_workload,destination_canonical_service,destination_canonical_revision,destination_principal,connection_security_policy) > 0',
      'sum(rate(istio_requests_total{reporter="destination",source_workload_namespace="bookinfo",destination_service_namespace!="bookinfo"}[$__range])) by (source_cluster,source_workload_namespace,source_workload,source_canonical_service,source_canonical_revision,source_principal,destination_cluster,destination_service_namespace,destination_service_name,destination_workload_namespace,destination_workload,destination_canonical_service,destination_canonical_revision,destination_principal,connection_security_policy) > 0',
    ]);
  });

  it('builds the average as sum over count', () => {
    const [inbound] = buildEnrichmentQueries({ ...base, responseTime: 'avg', throughput: 'none', security: false });
    expect(inbound.expr).toBe(
      `sum(rate(istio_request_duration_milliseconds_sum{reporter="destination",destination_service_namespace="bookinfo"}[$__range])) by (${G}) / sum(rate(istio_request_duration_milliseconds_count{reporter="destination",destination_service_namespace="bookinfo"}[$__range])) by (${G}) > 0`
    );
  });
});

describe('istioPresetTargets', () => {
  it('sends the same fixed number of queries for 1, 10 and 500 namespaces, all namespaces in each', () => {
    const names = (n: number) => Array.from({ length: n }, (_, i) => `ns-${i}`);
    expect(istioPresetTargets({ namespaces: names(1) })).toHaveLength(12);
    expect(istioPresetTargets({ namespaces: names(10) })).toHaveLength(12);
    expect(istioPresetTargets({ namespaces: names(500) })).toHaveLength(12);
    const targets = istioPresetTargets({ namespaces: ['a', 'b'] });
    expect(targets[0]).toMatchObject({ refId: 'istio_requests_total unserviced 0', instant: true, format: 'table' });
    expect(targets[0].expr).toContain('source_workload_namespace!~"a|b",destination_workload_namespace="unknown",destination_workload="unknown",destination_service=~"^.+\\\\.(a|b)\\\\..+$"');
    expect(targets[1].expr).toContain('{reporter=~"waypoint|destination",destination_workload_namespace=~"a|b"} [$__range]');
    expect(targets.map((t) => t.refId)).toContain('security outbound 5');
    expect(new Set(targets.map((t) => t.refId)).size).toBe(targets.length);
    expect(istioPresetTargets({ namespaces: [] })).toEqual([]);
  });

  it('escapes namespace values for PromQL, RE2 and Grafana’s template service ($ never appears as itself)', () => {
    const targets = istioPresetTargets({ namespaces: ['a.b', 'reviews${__range}-v1'], clusters: ['c.1'] });
    expect(targets[1].expr).toContain('destination_workload_namespace=~"a\\\\.b|reviews\\\\x24\\\\{__range\\\\}-v1"');
    expect(targets[1].expr).toContain('destination_cluster=~"c\\\\.1"');
    // Only our own $__range / $__interval and the regex end anchor `$"`, which the template service does not read, remain.
    expect(targets.filter((t) => /\$(?!__range\b|__interval\b|")/.test(t.expr))).toEqual([]);
  });
});

describe('cluster filter', () => {
  it('adds the callers’ cluster to source-reported queries and the destination’s to destination-reported ones, escaped', () => {
    const o = { namespaces: ['bookinfo'], range: '600s', rates: { ...defaultTrafficRates, ambient: 'none' as const }, includeIdleEdges: false, isAmbientNamespace: false, round: false, clusters: ['east', 'we.st'] };
    const traffic = buildGraphQueries(o);
    const byDirection = (d: string) => traffic.filter((q) => q.direction === d).map((q) => q.expr);
    expect(byDirection('inbound')[0]).toContain('reporter="destination",destination_workload_namespace="bookinfo",destination_cluster=~"east|we\\\\.st"}');
    expect(byDirection('outbound')[0]).toContain('reporter="source",source_workload_namespace="bookinfo",source_cluster=~"east|we\\\\.st"}');
    expect(byDirection('unserviced').every((e) => e.includes(',source_cluster=~"east|we\\\\.st"}'))).toBe(true);
    const enrichment = buildEnrichmentQueries({ ...o, responseTime: '95', throughput: 'response', security: true });
    expect(enrichment.filter((q) => q.direction === 'inbound').every((q) => q.expr.includes('destination_cluster=~"east|we\\\\.st"}'))).toBe(true);
    expect(enrichment.filter((q) => q.direction === 'outbound').every((q) => q.expr.includes('source_cluster=~"east|we\\\\.st"}'))).toBe(true);
  });

  it('changes nothing without clusters', () => {
    const o = { namespaces: ['bookinfo'], range: '600s', rates: defaultTrafficRates, includeIdleEdges: false, isAmbientNamespace: true, round: true };
    expect(buildGraphQueries({ ...o, clusters: [] })).toEqual(buildGraphQueries(o));
    expect(istioPresetTargets({ namespaces: ['a'], rates: defaultTrafficRates, clusters: [] })).toEqual(istioPresetTargets({ namespaces: ['a'] }));
  });
});

describe('idle nodes', () => {
  it('reads kube-state-metrics deployments in the namespaces, values escaped for the regex matcher', () => {
    expect(idleDeploymentsQuery(['bookinfo', 'a.b"c'])).toBe(
      'max by (cluster,namespace,deployment,label_app,label_version) (kube_deployment_labels{namespace=~"bookinfo|a\\\\.b\\"c"})'
    );
  });

  it('is the first preset target when asked for, once, and absent otherwise', () => {
    const targets = istioPresetTargets({ namespaces: ['a', 'b'], compareOffset: '1h', idleNodes: true });
    expect(targets[0]).toEqual({ refId: 'kube_deployment_labels idle', expr: idleDeploymentsQuery(['a', 'b']), instant: true, range: false, format: 'table' });
    expect(targets.filter((t) => t.expr.includes('kube_deployment_labels'))).toHaveLength(1);
    expect(istioPresetTargets({ namespaces: ['a'] }).some((t) => t.expr.includes('kube_deployment_labels'))).toBe(false);
  });
});

describe('idle edges', () => {
  it('drops the > 0 filter from the traffic queries only', () => {
    const [first] = istioPresetTargets({ namespaces: ['a'], includeIdleEdges: true });
    expect(first.expr.endsWith(') ')).toBe(true);
    expect(istioPresetTargets({ namespaces: ['a'] })[0].expr.endsWith(') > 0')).toBe(true);
  });
});

describe('comparing two windows', () => {
  it('adds offset copies of the traffic queries, refIds marked "previous"; "the span before" is an offset of $__range', () => {
    const targets = istioPresetTargets({ namespaces: ['a'], compareOffset: '1h' });
    expect(targets).toHaveLength(12 + 6);
    const previous = targets.filter((t) => t.refId.startsWith('previous '));
    expect(previous).toHaveLength(6);
    expect(previous[1].expr).toContain('{reporter=~"waypoint|destination",destination_workload_namespace="a"} [$__range] offset 1h))');
    const before = istioPresetTargets({ namespaces: ['a'], compareOffset: PREVIOUS_RANGE }).filter((t) => t.refId.startsWith('previous '));
    expect(before[1].expr).toContain('[$__range] offset $__range))');
  });
});

describe('every preset query parses with Prometheus’ own PromQL grammar', () => {
  it.each([
    ['sidecar, with comparison', istioPresetTargets({ namespaces: ['bookinfo', 'a"b'], compareOffset: '1d', idleNodes: true })],
    ['ambient and totals', istioPresetTargets({ namespaces: ['x'], rates: { http: 'requests', grpc: 'total', tcp: 'total', ambient: 'waypoint' }, compareOffset: PREVIOUS_RANGE })],
  ])('%s', async (_name, targets) => {
    const { parser } = await import('@prometheus-io/lezer-promql');
    for (const { expr } of targets) {
      const errors: number[] = [];
      parser.parse(expr.replace(/\$__range/g, '5m').replace(/\$__interval/g, '15s')).iterate({
        enter: (node) => {
          if (node.type.isError) {
            errors.push(node.from);
          }
        },
      });
      expect({ expr, errors }).toEqual({ expr, errors: [] });
    }
  });
});
