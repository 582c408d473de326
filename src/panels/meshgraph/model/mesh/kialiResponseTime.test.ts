import rtVectors from '../../../../../tests/fixtures/mesh/kiali-kiali_response_time_test.vectors.json';
import { enrichEdges } from './enrich';
import { type NodeIdentity } from './nodeId';
import { TrafficMap } from './trafficMap';
import { emptyDropCounts, type GraphType, type MeshGraphModel } from './types';

/*
 * Kiali's own response-time appender test data (tests/fixtures/mesh/kiali-kiali_response_time_test.vectors.json,
 * transcribed from kiali/kiali graph/telemetry/istio/appender/response_time_test.go at d733a096) run through our
 * response-time enrichment (enrich.ts), with Kiali's expected outputs. Health: kialiHealth.test.ts.
 */

describe('Kiali’s response-time appender tests (response_time_test.go) on our model', () => {
  const { trafficMap, tests } = rtVectors;
  const graphType = 'versionedApp' as const;

  /** responseTimeTestTraffic(): the nodes as graph.NewNode makes them, the http edges as AddEdge adds them. */
  function kialiTrafficMap(): { model: MeshGraphModel; idOf: Map<string, string> } {
    const map = new TrafficMap();
    const idOf = new Map<string, string>();
    for (const [name, identity] of Object.entries(trafficMap.nodes)) {
      idOf.set(name, map.addNode(identity as NodeIdentity, graphType)!.id);
    }
    for (const e of trafficMap.edges) {
      map.addEdge(idOf.get(e.source)!, idOf.get(e.dest)!, 'http');
    }
    const nodes = [...map.nodes.values()];
    return {
      model: { graphType, nodes, edges: map.edges(), boxes: [], parents: {}, dropped: emptyDropCounts(), samples: 0 },
      idOf,
    };
  }

  it('builds Kiali’s 8 nodes and 8 edges (3 of them injected service nodes)', () => {
    const { model } = kialiTrafficMap();
    expect(model.nodes.map((n) => `${n.nodeType} ${n.id}`).sort()).toEqual([
      'app vapp_Kubernetes_bookinfo_productpage-v1',
      'app vapp_Kubernetes_bookinfo_ratings-v1',
      'app vapp_Kubernetes_bookinfo_reviews-v1',
      'app vapp_Kubernetes_bookinfo_reviews-v2',
      'app vapp_Kubernetes_istio-system_ingressgateway-unknown',
      'service svc_Kubernetes_bookinfo_productpage',
      'service svc_Kubernetes_bookinfo_ratings',
      'service svc_Kubernetes_bookinfo_reviews',
    ]);
    expect(model.edges).toHaveLength(8);
  });

  it.each(tests.map((t) => [t.test, t] as const))(
    '%s: every edge has exactly Kiali’s response time, service → workload only (KIALI-2297)',
    (_name, t) => {
      const { model, idOf } = kialiTrafficMap();
      // The appender's queries in the order it issues them: the first value of an edge wins.
      const samples = t.queries.flatMap((q) =>
        q.samples.map((s) => ({
          kind: 'responseTime' as const,
          labels: s.metric as Record<string, string>,
          value: s.value,
        }))
      );
      const { model: enriched, unmatched } = enrichEdges(model, samples, {
        graphType: t.appender.graphType as GraphType,
        injectServiceNodes: t.appender.injectServiceNodes,
        httpRequests: t.appender.rates.http === 'requests',
        grpcRequests: t.appender.rates.grpc === 'requests',
      });
      const actual = t.expected.map((e) => {
        const edge = enriched.edges.find((x) => x.source === idOf.get(e.source) && x.target === idOf.get(e.dest))!;
        return { source: e.source, dest: e.dest, responseTime: edge.responseTime ?? null };
      });
      expect(actual).toEqual(t.expected);
      // Every row found its edge (or was skipped, as Kiali skips HTTP when its rate is not "requests").
      expect(unmatched).toBe(0);
      expect(enriched.nodes.some((n) => 'responseTime' in n)).toBe(false);
    }
  );
});
