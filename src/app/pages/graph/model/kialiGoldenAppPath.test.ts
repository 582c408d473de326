import { createHash } from 'node:crypto';
import { createDataFrame, FieldType, type DataFrame } from '@grafana/data';
import appExpected from '../../../../../tests/fixtures/mesh/kiali-kiali_test_app_graph.expected.json';
import ambientExpected from '../../../../../tests/fixtures/mesh/kiali-kiali_test_ambient_graph.expected.json';
import mcExpected from '../../../../../tests/fixtures/mesh/kiali-kiali_test_mc_source_graph.expected.json';
import serviceExpected from '../../../../../tests/fixtures/mesh/kiali-kiali_test_service_graph.expected.json';
import versionedAppExpected from '../../../../../tests/fixtures/mesh/kiali-kiali_test_versioned_app_graph.expected.json';
import workloadExpected from '../../../../../tests/fixtures/mesh/kiali-kiali_test_workload_graph.expected.json';
import ambientVectors from '../../../../../tests/fixtures/mesh/ambient.vectors.json';
import mcVectors from '../../../../../tests/fixtures/mesh/multiClusterSource.vectors.json';
import namespaceVectors from '../../../../../tests/fixtures/mesh/namespaceRates.vectors.json';
import { framesToGraph, type PipelineResult } from '../../../../panels/meshgraph/model/pipeline';
import { toKialiJson } from '../../../../panels/meshgraph/model/mesh/toKialiJson';
import { defaultMeshGraphPanelOptions, type MeshGraphPanelOptions } from '../../../../panels/meshgraph/types';
import { istioPresetTargets, type TrafficRates } from '../../../../shared/istio/graphQueries';

/*
 * Kiali's six golden graphs through the APP's query path: the app's query builder issues its queries, each is
 * answered with the instant vector Kiali's api_test.go mocks for the same PromQL (as Grafana's Prometheus data
 * source returns it: a table frame), and the function that turns query results into the mesh model builds the
 * graph. The two helpers below are the only places that name the path, so it can be re-pointed in one spot.
 */

interface Vectors {
  queries: Array<{ query: string; samples: Array<{ metric: Record<string, string | undefined>; value: number }> }>;
}

/**
 * The app's graph queries for one namespace (refId, PromQL with Grafana's `$__range`): the builder behind the
 * Graph page's graphTargets, with the traffic rates Kiali's test asks for (the page itself reads ambient traffic
 * too, which changes the reporter matchers Kiali's non-ambient mocks are keyed by).
 */
function appGraphQueries(namespace: string, rates: TrafficRates, idleEdges: boolean): Array<{ refId: string; expr: string }> {
  return istioPresetTargets({ namespaces: [namespace], rates, includeIdleEdges: idleEdges });
}

/** The app's query results → model step. */
function appModelFromFrames(frames: DataFrame[], options: Partial<MeshGraphPanelOptions>): PipelineResult {
  return framesToGraph(frames, { ...defaultMeshGraphPanelOptions, ...options });
}

/**
 * Plays Prometheus for the app's queries: `$__range` is Kiali's 600 s and Kiali rounds every query to 0.001, so
 * the app's query, so interpolated and rounded, must be a string Kiali mocks. Traffic queries Kiali does not mock
 * fail the test; the enrichment queries (response time, throughput, security: appenders Kiali's test does not
 * run) answer empty vectors, as Kiali's mock does for any query without data.
 */
function answer(vectors: Vectors, namespace: string, rates: TrafficRates, idleEdges = false): { frames: DataFrame[]; unmocked: string[] } {
  const byQuery = new Map(vectors.queries.map((v) => [v.query, v.samples]));
  const unmocked: string[] = [];
  const frames = appGraphQueries(namespace, rates, idleEdges).map(({ refId, expr }) => {
    const kialiQuery = `round(${expr.replace(/\$__range/g, '600s')},0.001)`;
    const samples = byQuery.get(kialiQuery);
    if (!samples) {
      unmocked.push(refId);
    }
    const rows = samples ?? [];
    const names = [...new Set(rows.flatMap((s) => Object.keys(s.metric)))];
    return createDataFrame({
      refId,
      // As Grafana's Prometheus data source: the executed query names the metric the frame holds.
      meta: { executedQueryString: `Expr: ${expr}` },
      fields: [
        { name: 'Time', type: FieldType.time, values: rows.map(() => 1523364075000) },
        ...names.map((name) => ({ name, type: FieldType.string, values: rows.map((s) => s.metric[name] ?? '') })),
        { name: `Value #${refId}`, type: FieldType.number, values: rows.map((s) => s.value) },
      ],
    });
  });
  return { frames, unmocked };
}

const sha256 = (s: string) => createHash('sha256').update(s).digest('hex');
const noAmbient: TrafficRates = { http: 'requests', grpc: 'requests', tcp: 'sent', ambient: 'none' };
const base: Partial<MeshGraphPanelOptions> = { graphType: 'workload', injectServiceNodes: false, namespaces: 'bookinfo', boxByNamespace: false, boxByCluster: false };

function kialiJson(result: PipelineResult) {
  if (!result.ok || !result.model) {
    throw new Error(`no model: ${JSON.stringify(result)}`);
  }
  return toKialiJson(result.model, { timestamp: 1523364075, duration: 600, hash: sha256 });
}

/** The app has no namespace access rules (Kiali's RBAC): `isInaccessible` is the one field it cannot produce. */
function withoutAccess<T>(json: T): T {
  return JSON.parse(JSON.stringify(json, (k, v) => (k === 'isInaccessible' ? undefined : v)));
}

describe('Kiali golden graphs through the app query path (app queries → mocked vectors → model)', () => {
  const traffic = (rates = noAmbient) => answer(namespaceVectors, 'bookinfo', rates);

  it('asks Kiali’s traffic queries only: the unmocked ones are exactly the enrichment queries', () => {
    // refId = query kind, direction, index.
    expect(traffic().unmocked.map((refId) => refId.split(' ').slice(0, 2).join(' '))).toEqual([
      'responseTime inbound',
      'throughput inbound',
      'responseTime outbound',
      'throughput outbound',
      'security inbound',
      'security outbound',
    ]);
  });

  it.each([
    ['workload', workloadExpected],
    ['versionedApp', versionedAppExpected],
    ['app', appExpected],
    ['service', serviceExpected],
  ] as const)('%s graph equals Kiali’s', (graphType, expected) => {
    const result = appModelFromFrames(traffic().frames, { ...base, graphType });
    expect(withoutAccess(kialiJson(result))).toEqual(withoutAccess(expected));
  });

  it('multi-cluster source graph (idle edges, injected service nodes) equals Kiali’s', () => {
    const { frames } = answer(mcVectors, 'bookinfo', noAmbient, true);
    const result = appModelFromFrames(frames, { ...base, graphType: 'versionedApp', injectServiceNodes: true, includeIdleEdges: true });
    expect(withoutAccess(kialiJson(result))).toEqual(withoutAccess(mcExpected));
  });

  it('ambient graph equals Kiali’s', () => {
    const { frames } = answer(ambientVectors, 'bookinfo', { http: 'requests', grpc: 'requests', tcp: 'sent', ambient: 'total' });
    const result = appModelFromFrames(frames, { ...base, waypointPattern: '^waypoint$' });
    expect(withoutAccess(kialiJson(result))).toEqual(withoutAccess(ambientExpected));
    // No name rule (`^$` matches no workload) and no kube-state-metrics: ztunnel's hops identify the waypoint.
    const fromMetrics = appModelFromFrames(frames, { ...base, waypointPattern: '^$' });
    expect(withoutAccess(kialiJson(fromMetrics))).toEqual(withoutAccess(ambientExpected));
  });
});

/*
 * Health by Kiali's rules (business/health_calculator.go, defaults of config.AddHealthDefault), computed from
 * Kiali's OWN expected JSON (its edge and node rates), never from our model: per protocol, each error class's
 * share of the requests; 0 is healthy, >= failure fails, >= degraded degrades; a node is the worst of its
 * inbound requests and its outbound edges; TCP has no error signal.
 */
type Status = 'healthy' | 'degraded' | 'failure' | 'idle';
const KIALI_DEFAULTS = { '5xx': [0, 10], '4xx': [10, 20], grpc: [0, 10] } as const;
const RANK: Record<Status, number> = { idle: 0, healthy: 1, degraded: 2, failure: 3 };
const worst = (a: Status, b: Status): Status => (RANK[b] > RANK[a] ? b : a);
type Rates = Record<string, string | undefined>;
const num = (r: Rates, k: string) => Number(r[k] ?? 0);

function kialiStatus(total: number, errors: Partial<Record<keyof typeof KIALI_DEFAULTS, number>>): Status {
  if (total <= 0) {
    return 'idle';
  }
  let status: Status = 'healthy';
  for (const [code, [degraded, failure]] of Object.entries(KIALI_DEFAULTS)) {
    const ratio = ((errors[code as keyof typeof KIALI_DEFAULTS] ?? 0) / total) * 100;
    if (ratio > 0) {
      status = worst(status, ratio >= failure ? 'failure' : ratio >= degraded ? 'degraded' : 'healthy');
    }
  }
  return status;
}

interface KialiJson {
  elements: {
    nodes: Array<{ data: { id: string; nodeType: string; traffic?: Array<{ protocol: string; rates: Rates }> } }>;
    edges: Array<{ data: { id: string; source: string; traffic: { protocol: string; rates: Rates } } }>;
  };
}

function kialiEdgeStatus(protocol: string, r: Rates): Status {
  if (protocol === 'http') {
    return kialiStatus(num(r, 'http'), { '5xx': num(r, 'http5xx'), '4xx': num(r, 'http4xx') });
  }
  if (protocol === 'grpc') {
    return kialiStatus(num(r, 'grpc'), { grpc: num(r, 'grpcErr') });
  }
  return num(r, 'tcp') > 0 ? 'healthy' : 'idle';
}

function kialiHealth(json: KialiJson): { nodes: Map<string, Status>; edges: Map<string, Status> } {
  const edges = new Map(json.elements.edges.map((e) => [e.data.id, kialiEdgeStatus(e.data.traffic.protocol, e.data.traffic.rates)]));
  const nodes = new Map<string, Status>();
  for (const n of json.elements.nodes.filter((x) => x.data.nodeType !== 'box')) {
    let status: Status = 'idle';
    for (const t of n.data.traffic ?? []) {
      if (t.protocol === 'http') {
        status = worst(status, kialiStatus(num(t.rates, 'httpIn'), { '5xx': num(t.rates, 'httpIn5xx'), '4xx': num(t.rates, 'httpIn4xx') }));
      } else if (t.protocol === 'grpc') {
        status = worst(status, kialiStatus(num(t.rates, 'grpcIn'), { grpc: num(t.rates, 'grpcInErr') }));
      } else if (num(t.rates, 'tcpIn') > 0 || num(t.rates, 'tcpOut') > 0) {
        status = worst(status, 'healthy');
      }
    }
    const out = json.elements.edges.filter((e) => e.data.source === n.data.id);
    for (const protocol of ['http', 'grpc']) {
      const mine = out.filter((e) => e.data.traffic.protocol === protocol).map((e) => e.data.traffic.rates);
      const sum = (k: string) => mine.reduce((acc, r) => acc + num(r, k), 0);
      status = worst(
        status,
        protocol === 'http' ? kialiStatus(sum('http'), { '5xx': sum('http5xx'), '4xx': sum('http4xx') }) : kialiStatus(sum('grpc'), { grpc: sum('grpcErr') })
      );
    }
    if (status === 'idle' && out.some((e) => num(e.data.traffic.rates, 'tcp') > 0)) {
      status = 'healthy';
    }
    nodes.set(n.data.id, status);
  }
  return { nodes, edges };
}

/** Our health (the app path's view graph), keyed by the Kiali ids of the same nodes and edges. */
function appHealth(result: PipelineResult): { nodes: Map<string, Status>; edges: Map<string, Status> } {
  if (!result.ok) {
    throw new Error(result.error);
  }
  const nodes = new Map<string, Status>();
  const edges = new Map<string, Status>();
  for (const n of result.graph.nodes) {
    if (n.mesh) {
      nodes.set(sha256(n.mesh.id), n.health);
    }
  }
  for (const e of result.graph.edges) {
    if (e.mesh) {
      edges.set(sha256(`${sha256(e.mesh.source)}.${sha256(e.mesh.target)}.${e.mesh.protocol}`), e.health);
    }
  }
  return { nodes, edges };
}

const tally = (m: Map<string, Status>) => [...m.values()].reduce<Record<string, number>>((acc, s) => ({ ...acc, [s]: (acc[s] ?? 0) + 1 }), {});

describe('health on Kiali’s workload graph with errors: the app path against Kiali’s rules on Kiali’s own figures', () => {
  const result = appModelFromFrames(answer(namespaceVectors, 'bookinfo', noAmbient).frames, base);
  const kiali = kialiHealth(workloadExpected as unknown as KialiJson);
  const ours = appHealth(result);

  it('Kiali’s rules fail the four erroring edges (33.3 % 5xx twice, 100 % 404, 25 % 4xx + 25 % 5xx)', () => {
    expect(tally(kiali.edges)).toEqual({ failure: 4, healthy: 14 });
    // details-v1, ratings-v1 and the unknown service by their inbound errors; productpage-v1, reviews-v2 and
    // reviews-v3 by their outbound HTTP share.
    expect(tally(kiali.nodes)).toEqual({ healthy: 7, failure: 6 });
  });

  it('every edge and node has the status Kiali’s rules give it', () => {
    expect([ours.edges.size, ours.nodes.size]).toEqual([18, 13]);
    expect(Object.fromEntries(ours.edges)).toEqual(Object.fromEntries(kiali.edges));
    expect(Object.fromEntries(ours.nodes)).toEqual(Object.fromEntries(kiali.nodes));
  });
});

describe('response time on Kiali’s workload graph: the app path against Kiali’s responseTime appender rule', () => {
  // Kiali's test runs no responseTime appender, so its p95 vector is made here: one row per edge key of Kiali's
  // inbound traffic vector (the quantile query's labels: the traffic labels without the response ones), valued 10,
  // 20, 30 … in order. Kiali's rule (response_time.go): without injected service nodes, a row's value goes on the
  // edge (source node, destination node, protocol); the destination-reported query comes first and the first
  // value of an edge wins.
  const RESPONSE_LABELS = new Set(['response_code', 'grpc_response_status', 'response_flags']);
  const inbound = (namespaceVectors as Vectors).queries.find((q) => q.query.startsWith('round(sum(rate(istio_requests_total{reporter="destination",destination_workload_namespace="bookinfo"}'))!;
  const rows = new Map<string, Record<string, string | undefined>>();
  for (const s of inbound.samples) {
    const labels = Object.fromEntries(Object.entries(s.metric).filter(([k]) => !RESPONSE_LABELS.has(k)));
    rows.set(JSON.stringify(labels), labels);
  }
  const rtRows = [...rows.values()].map((metric, i) => ({ metric, value: 10 * (i + 1) }));
  const title = (m: Record<string, string | undefined>, side: 'source' | 'destination') => m[`${side}_workload`] || m.destination_service_name || 'unknown';
  const kialiRule = new Map<string, number>();
  for (const r of rtRows) {
    const key = `${title(r.metric, 'source')} → ${title(r.metric, 'destination')} ${r.metric.request_protocol}`;
    if (!kialiRule.has(key)) {
      kialiRule.set(key, r.value);
    }
  }

  /** The app path's response times, as `source → target protocol` titles, with Kiali's p95 rows answered. */
  function appResponseTimes(injectServiceNodes: boolean): Record<string, number | undefined> {
    const { frames } = answer(namespaceVectors, 'bookinfo', noAmbient);
    const withRt = frames.map((f) => {
      if (!f.refId?.startsWith('responseTime inbound ')) {
        return f;
      }
      const names = [...new Set(rtRows.flatMap((r) => Object.keys(r.metric)))];
      return createDataFrame({
        refId: f.refId,
        meta: f.meta,
        fields: [
          ...names.map((name) => ({ name, type: FieldType.string, values: rtRows.map((r) => r.metric[name] ?? '') })),
          { name: `Value #${f.refId}`, type: FieldType.number, values: rtRows.map((r) => r.value) },
        ],
      });
    });
    const result = appModelFromFrames(withRt, { ...base, injectServiceNodes });
    if (!result.ok) {
      throw new Error(result.error);
    }
    expect(result.counts.unmatchedEnrichment).toBe(0);
    const titles = new Map(result.graph.nodes.map((n) => [n.id, n.title]));
    return Object.fromEntries(
      result.graph.edges.filter((e) => e.responseTime !== undefined).map((e) => [`${titles.get(e.source)} → ${titles.get(e.target)} ${e.protocol}`, e.responseTime])
    );
  }

  it('without service nodes: every edge Kiali’s rule gives a response time has exactly it; the others have none', () => {
    expect(kialiRule.size).toBe(12);
    expect(appResponseTimes(false)).toEqual(Object.fromEntries(kialiRule));
  });

  it('with service nodes: only the service → workload edge has it (KIALI-2297), first value wins', () => {
    // Kiali's rule with injection: a row whose destination names a service (not PassthroughCluster) and a workload
    // puts its value on the injected service's edge to the workload; the caller → service edge gets none.
    const injected = new Map<string, number>();
    for (const r of rtRows) {
      const m = r.metric;
      const svc = m.destination_service_name ?? '';
      const inject = svc !== '' && svc !== 'unknown' && svc !== 'PassthroughCluster' && (m.destination_workload ?? 'unknown') !== 'unknown';
      const key = inject ? `${svc} → ${title(m, 'destination')} ${m.request_protocol}` : `${title(m, 'source')} → ${title(m, 'destination')} ${m.request_protocol}`;
      if (!injected.has(key)) {
        injected.set(key, r.value);
      }
    }
    expect(injected.size).toBe(7);
    expect(appResponseTimes(true)).toEqual(Object.fromEntries(injected));
  });
});
