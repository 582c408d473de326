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
import { buildGraphQueries, type GraphQueryOptions } from '../../../../shared/istio/graphQueries';
import { presetPlan } from '../preset/presetRequest';
import { buildMeshGraph, type MeshGraphOptions } from './buildMeshGraph';
import { readPromFrames } from './readPromFrames';
import { toKialiJson } from './toKialiJson';
import { type Sample, type TrafficMetric } from './types';

const sha256 = (s: string) => createHash('sha256').update(s).digest('hex');

interface Vectors {
  queries: Array<{ query: string; samples: Array<{ metric: Record<string, string | undefined>; value: number }> }>;
}

/**
 * Plays Prometheus: answers each query our builders produce with the vector Kiali's test mocks for that
 * exact string. A query Kiali never issues fails the test, as it would fail Kiali's mock.
 */
function samplesFor(vectors: Vectors, q: Omit<GraphQueryOptions, 'range' | 'round'>): Sample[] {
  const byQuery = new Map(vectors.queries.map((v) => [v.query, v.samples]));
  return buildGraphQueries({ ...q, range: '600s', round: true }).flatMap(({ expr, metric }) => {
    const samples = byQuery.get(expr);
    if (!samples) {
      throw new Error(`Kiali's test does not mock this query: ${expr}`);
    }
    return samples.map((s) => ({ metric: metric as TrafficMetric, labels: s.metric as Record<string, string>, value: s.value }));
  });
}

const base: MeshGraphOptions = {
  graphType: 'workload',
  injectServiceNodes: false,
  httpRequests: true,
  grpcRequests: true,
  namespaces: ['bookinfo'],
  boxBy: { namespace: false, cluster: false },
};
const noAmbient = { http: 'requests', grpc: 'requests', tcp: 'sent', ambient: 'none' } as const;
const bookinfoOnly = (_cluster: string, ns: string) => ns === 'bookinfo';

function kiali(samples: Sample[], o: MeshGraphOptions) {
  return toKialiJson(buildMeshGraph(samples, o), { timestamp: 1523364075, duration: 600, hash: sha256 });
}

describe('Kiali golden graphs (graph/api/api_test.go vectors → testdata/*.expected)', () => {
  const namespaceSamples = () => samplesFor(namespaceVectors, { namespaces: ['bookinfo'], rates: noAmbient, includeIdleEdges: false, isAmbientNamespace: false });

  it('workload graph: 13 nodes, 18 edges, unknown source and service, HTTP/gRPC/TCP', () => {
    const actual = kiali(namespaceSamples(), { ...base, isAccessible: bookinfoOnly });
    expect(actual.elements.nodes).toHaveLength(13);
    expect(actual.elements.edges).toHaveLength(18);
    expect(actual).toEqual(workloadExpected);
  });

  it('versioned app graph: app nodes and the reviews app box', () => {
    const actual = kiali(namespaceSamples(), { ...base, graphType: 'versionedApp', isAccessible: bookinfoOnly });
    expect(actual).toEqual(versionedAppExpected);
  });

  it('app graph: one node per app, versions merged', () => {
    const actual = kiali(namespaceSamples(), { ...base, graphType: 'app', isAccessible: bookinfoOnly });
    expect(actual.elements.nodes).toHaveLength(appExpected.elements.nodes.length);
    expect(actual.elements.edges).toHaveLength(appExpected.elements.edges.length);
    expect(actual).toEqual(appExpected);
  });

  it('service graph: service nodes only, reduced from the workload graph', () => {
    const actual = kiali(namespaceSamples(), { ...base, graphType: 'service', isAccessible: bookinfoOnly });
    expect(actual.elements.nodes).toHaveLength(serviceExpected.elements.nodes.length);
    expect(actual.elements.edges).toHaveLength(serviceExpected.elements.edges.length);
    expect(actual).toEqual(serviceExpected);
  });

  it('multi-cluster source graph: clusters, injected service nodes, idle edges, PassthroughCluster', () => {
    const samples = samplesFor(mcVectors, { namespaces: ['bookinfo'], rates: noAmbient, includeIdleEdges: true, isAmbientNamespace: false });
    const actual = kiali(samples, { ...base, graphType: 'versionedApp', injectServiceNodes: true });
    expect(actual).toEqual(mcExpected);
  });

  it('ambient graph: waypoint node and bidirectional waypoint edges', () => {
    const samples = samplesFor(ambientVectors, {
      namespaces: ['bookinfo'],
      rates: { http: 'requests', grpc: 'requests', tcp: 'sent', ambient: 'total' },
      includeIdleEdges: false,
      isAmbientNamespace: true,
    });
    const actual = kiali(samples, { ...base, isWaypoint: (_c, ns, wl) => ns === 'bookinfo' && wl === 'waypoint' });
    expect(actual).toEqual(ambientExpected);
    // From Istio metrics alone (no Kubernetes API, no kube-state-metrics, no name): ztunnel's hops around the
    // waypoint identify it (waypoints.ts), and the graph is still exactly Kiali's.
    expect(kiali(samples, { ...base, isWaypoint: () => false })).toEqual(ambientExpected);
  });
});

/**
 * The same six graphs through the app's query path: the targets the Graph page's panel sends (presetPlan, the
 * grouped queries with Grafana's `$__range`), answered as Grafana's Prometheus data source answers (table frames
 * named by refId), read by the panel's frame reader. Only Kiali's traffic queries are mocked (its fixtures ran
 * without the response-time, throughput and security appenders): the enrichment targets get empty answers.
 */
describe('Kiali golden graphs through the app’s query path (presetPlan targets → frames → readPromFrames)', () => {
  const unround = (q: string) => q.replace(/^round\((.*),0\.001\)$/, '$1');
  function appSamples(vectors: Vectors, rates: typeof noAmbient | { http: 'requests'; grpc: 'requests'; tcp: 'sent'; ambient: 'total' }, includeIdleEdges: boolean): Sample[] {
    const byQuery = new Map(vectors.queries.map((v) => [unround(v.query), v.samples]));
    const plan = presetPlan({ namespaces: 'bookinfo', compareOffset: '', includeIdleEdges, showIdleNodes: false, rates });
    if (!plan.ok) {
      throw new Error(plan.error);
    }
    const frames = plan.targets.map((t) => {
      const expr = t.expr.replace(/\$__range/g, '600s');
      const traffic = !/^(responseTime|throughput|security) /.test(t.refId);
      const samples = byQuery.get(expr);
      if (traffic && !samples) {
        throw new Error(`Kiali's test does not mock this query: ${expr}`);
      }
      return tableFrame(t.refId, expr, samples ?? []);
    });
    const read = readPromFrames(frames);
    expect(read.unknownFrames).toBe(0);
    expect(read.badValues).toBe(0);
    return read.traffic;
  }

  it.each([
    ['workload', workloadExpected, { isAccessible: bookinfoOnly }],
    ['versionedApp', versionedAppExpected, { graphType: 'versionedApp' as const, isAccessible: bookinfoOnly }],
    ['app', appExpected, { graphType: 'app' as const, isAccessible: bookinfoOnly }],
    ['service', serviceExpected, { graphType: 'service' as const, isAccessible: bookinfoOnly }],
  ])('%s graph', (_name, expected, o) => {
    expect(kiali(appSamples(namespaceVectors, noAmbient, false), { ...base, ...o })).toEqual(expected);
  });

  it('multi-cluster source graph', () => {
    expect(kiali(appSamples(mcVectors, noAmbient, true), { ...base, graphType: 'versionedApp', injectServiceNodes: true })).toEqual(mcExpected);
  });

  it('ambient graph', () => {
    const samples = appSamples(ambientVectors, { http: 'requests', grpc: 'requests', tcp: 'sent', ambient: 'total' }, false);
    expect(kiali(samples, { ...base, isWaypoint: (_c, ns, wl) => ns === 'bookinfo' && wl === 'waypoint' })).toEqual(ambientExpected);
  });
});

/** A Prometheus instant vector as the table frame Grafana's Prometheus data source returns for it. */
function tableFrame(refId: string, expr: string, vector: Array<{ metric: Record<string, string | undefined>; value: number }>): DataFrame {
  const names = [...new Set(vector.flatMap((s) => Object.keys(s.metric)))];
  return createDataFrame({
    refId,
    meta: { executedQueryString: `Expr: ${expr}` },
    fields: [
      { name: 'Time', type: FieldType.time, values: vector.map(() => 1523364075000) },
      ...names.map((name) => ({ name, type: FieldType.string, values: vector.map((s) => s.metric[name]) })),
      { name: `Value #${refId}`, type: FieldType.number, values: vector.map((s) => s.value) },
    ],
  });
}
