import healthCases from '../../../../../tests/fixtures/mesh/kiali-kiali_health_test.cases.json';
import { edgeHealth, graphHealth, type HealthThreshold } from '../../../../shared/health';
import { buildMeshGraph } from './buildMeshGraph';
import { TrafficMap } from './trafficMap';
import { type GraphType, type Sample } from './types';

/*
 * Kiali's own health appender test data (tests/fixtures/mesh/kiali-kiali_health_test.cases.json, transcribed from
 * kiali/kiali graph/telemetry/istio/appender/health_test.go at d733a096) run through our model and the shared
 * health rules (src/shared/health), with Kiali's expected outputs.
 */

type KialiStatus = 'Healthy' | 'Degraded' | 'Failure' | 'NA';
const STATUS: Record<KialiStatus, string> = {
  Healthy: 'healthy',
  Degraded: 'degraded',
  Failure: 'failure',
  NA: 'idle',
};

interface Tolerance {
  code: string;
  protocol: string;
  direction: string;
  degraded: number;
  failure: number;
}

/**
 * Kiali's tolerances as our thresholds: a class is configured when the tolerance's code names it and its protocol
 * regex matches a protocol the class applies to (5XX and 4XX: http). A tolerance for no protocol of its class
 * configures nothing, as in Kiali, where it matches no request.
 */
function thresholds(tolerances: readonly Tolerance[]): HealthThreshold[] {
  const byCode: Record<string, { code: HealthThreshold['code']; protocol: string }> = {
    '5XX': { code: '5xx', protocol: 'http' },
    '4XX': { code: '4xx', protocol: 'http' },
  };
  return tolerances.flatMap((t) => {
    const cls = byCode[t.code];
    if (!cls) {
      throw new Error(`tolerance code ${t.code} not translated`);
    }
    return new RegExp(`^(${t.protocol})$`).test(cls.protocol)
      ? [{ code: cls.code, degraded: t.degraded, failure: t.failure }]
      : [];
  });
}

/** An edge carrying Kiali's responses (code → Envoy flags → requests), built by our model from request series. */
function modelEdgeWith(responses: Readonly<Record<string, { flags: Record<string, number> } | undefined>>) {
  const samples: Sample[] = Object.entries(responses).flatMap(([code, d]) =>
    Object.entries(d?.flags ?? {}).map(([flags, value]) => ({
      metric: 'istio_requests_total' as const,
      labels: {
        source_cluster: 'Kubernetes',
        source_workload_namespace: 'testNamespace',
        source_workload: 'source-workload',
        source_canonical_service: 'source',
        source_canonical_revision: 'v1',
        destination_cluster: 'Kubernetes',
        destination_service_namespace: 'testNamespace',
        destination_service: 'dest-service.testNamespace.svc.cluster.local',
        destination_service_name: 'dest-service',
        destination_workload_namespace: 'testNamespace',
        destination_workload: 'dest-workload',
        destination_canonical_service: 'dest',
        destination_canonical_revision: 'v1',
        request_protocol: 'http',
        response_code: code,
        grpc_response_status: '',
        response_flags: flags,
      },
      value,
    }))
  );
  const model = buildMeshGraph(samples, {
    graphType: 'workload',
    injectServiceNodes: false,
    httpRequests: true,
    grpcRequests: true,
    namespaces: [],
    boxBy: { namespace: false, cluster: false },
  });
  expect(model.edges).toHaveLength(1);
  return model;
}

describe('Kiali’s edge health tests (health_test.go) on our model and the shared health rules', () => {
  // Our reasons for the cases Kiali grades degraded or failure.
  const REASONS: Record<string, string[]> = {
    'Error rate at degraded threshold is degraded': ['5xx 5.0 % of HTTP ≥ 5 % degraded'],
    'Error rate above degraded but below failure is degraded': ['5xx 8.0 % of HTTP ≥ 5 % degraded'],
    'Error rate at failure threshold is failure': ['5xx 10.0 % of HTTP ≥ 10 % failure'],
    'Error rate above failure threshold is failure': ['5xx 20.0 % of HTTP ≥ 10 % failure'],
    '4XX errors with 4XX tolerance': ['4xx 15.0 % of HTTP ≥ 10 % degraded'],
    'Multiple tolerances - worst status wins': [
      '4xx 8.0 % of HTTP ≥ 5 % degraded',
      '5xx 12.0 % of HTTP ≥ 10 % failure',
    ],
    'Degraded threshold 0 - any error triggers degraded': ['5xx 4.0 % of HTTP > 0 % degraded'],
    'Degraded edge - 7% 5xx errors': ['5xx 7.0 % of HTTP ≥ 5 % degraded'],
    'Failure edge - 15% 5xx errors': ['5xx 15.0 % of HTTP ≥ 10 % failure'],
  };

  it.each(healthCases.edgeStatusWithTolerances.map((c) => [c.name, c] as const))(
    'calculateEdgeStatusWithTolerances: %s',
    (name, c) => {
      const t = thresholds(c.tolerances);
      if (c.totalRequests === 0) {
        // No requests: our model makes no edge from no series; the shared rule on an edge without requests is NA.
        expect(Object.keys(c.responses)).toEqual([]);
        expect(edgeHealth({ id: 'e', source: 's', protocol: 'http', rates: {} }, t)).toEqual({
          status: STATUS[c.expectedStatus as KialiStatus],
          reasons: [],
        });
        return;
      }
      const model = modelEdgeWith(c.responses);
      expect(model.edges[0].rates.http).toBe(c.totalRequests);
      const health = graphHealth(model, t).edges.get(model.edges[0].id)!;
      expect(health).toEqual({ status: STATUS[c.expectedStatus as KialiStatus], reasons: REASONS[name] ?? [] });
    }
  );

  it.each(healthCases.singleEdgeHealth.cases.map((c) => [c.name, c] as const))(
    'calculateSingleEdgeHealth: %s',
    (name, c) => {
      const t = thresholds(healthCases.singleEdgeHealth.tolerances);
      if (!c.responses) {
        // No responses (or no protocol: our edges always have one): no requests, NA.
        expect(
          edgeHealth({ id: 'e', source: 's', protocol: c.protocol === 'http' ? 'http' : 'tcp', rates: {} }, t)
        ).toEqual({ status: STATUS[c.expectedStatus as KialiStatus], reasons: [] });
        return;
      }
      const model = modelEdgeWith(c.responses);
      expect(graphHealth(model, t).edges.get(model.edges[0].id)).toEqual({
        status: STATUS[c.expectedStatus as KialiStatus],
        reasons: REASONS[name] ?? [],
      });
    }
  );

  it('calculateEdgeHealthStatus: the edge and, by Kiali’s node rule, both ends', () => {
    const c = healthCases.edgeHealthStatus;
    const model = modelEdgeWith(c.responses);
    const health = graphHealth(model, thresholds(c.tolerances));
    expect(health.edges.get(model.edges[0].id)).toEqual({
      status: STATUS[c.expectedStatus as KialiStatus],
      reasons: ['5xx 15.0 % of HTTP ≥ 10 % failure'],
    });
    expect(Object.fromEntries([...health.nodes].map(([id, h]) => [id, h]))).toEqual({
      'wl_Kubernetes_testNamespace_source-workload': {
        status: 'failure',
        reasons: ['5xx 15.0 % of outbound HTTP ≥ 10 % failure'],
      },
      'wl_Kubernetes_testNamespace_dest-workload': {
        status: 'failure',
        reasons: ['5xx 15.0 % of inbound HTTP ≥ 10 % failure'],
      },
    });
  });
});

describe('Kiali’s node health data tests (health_test.go) on our traffic map', () => {
  const { nodes, cases } = healthCases.nodeHealthData;

  it.each(cases.map((c) => [c.test, c] as const))(
    '%s: the edge’s responses, and the requests by code of both ends',
    (_name, c) => {
      const map = new TrafficMap();
      const node = (name: string) => {
        const n = nodes[name as keyof typeof nodes];
        return map.addNode(n.identity, n.graphType as GraphType)!;
      };
      const source = node(c.edge.source);
      const dest = node(c.edge.dest);
      expect([nodes.svc, nodes.wk].map((n) => map.addNode(n.identity, n.graphType as GraphType)!.nodeType)).toEqual([
        'service',
        'workload',
      ]);
      const responses = c.edge.responses as Record<
        string,
        { flags: Record<string, number>; hosts: Record<string, number> }
      >;
      for (const [code, d] of Object.entries(responses)) {
        const [[flags, value]] = Object.entries(d.flags);
        const [[host]] = Object.entries(d.hosts);
        expect(
          map.addEdgeTraffic({ protocol: 'http', value, code, flags, host }, source, dest, `${code}${flags}${host}`)
        ).toBe(true);
      }
      const [edge] = map.edges();
      // Kiali's edge responses exactly (code → flags and hosts); the flag "-" is "no flags".
      expect(
        Object.fromEntries(
          [...edge.responses].map(([code, d]) => [code, { flags: { ...d.flags }, hosts: { ...d.hosts } }])
        )
      ).toEqual(responses);
      // healthData's requests by code: the source's outbound and the destination's inbound are this edge's responses.
      const byCode = (): Record<string, number> =>
        Object.fromEntries(
          [...edge.responses].map(([code, d]) => [code, Object.values(d.flags).reduce((a, b) => a + b, 0)])
        );
      expect({ sourceOutbound: { http: byCode() }, destInbound: { http: byCode() } }).toEqual(c.expected);
      const total = Object.values(c.expected.destInbound.http).reduce((a, b) => a + b, 0);
      const errors5xx = Object.entries(c.expected.destInbound.http as Record<string, number>)
        .filter(([code]) => code.startsWith('5'))
        .reduce((a, [, v]) => a + v, 0);
      expect([source.rates.httpOut, dest.rates.httpIn, dest.rates.httpIn5xx]).toEqual([total, total, errors5xx]);
    }
  );
});
