import namespaceVectors from '../../../../../tests/fixtures/mesh/namespaceRates.vectors.json';
import { buildGraphQueries } from '../../../../shared/istio/graphQueries';
import { buildMeshGraph, type MeshGraphOptions } from '../mesh/buildMeshGraph';
import { type MeshGraphModel, type Sample, type TrafficMetric } from '../mesh/types';

/** The bookinfo samples of Kiali's api_test.go, as our preset's queries would receive them. */
export function bookinfoSamples(): Sample[] {
  const byQuery = new Map(namespaceVectors.queries.map((v) => [v.query, v.samples]));
  return buildGraphQueries({
    namespaces: ['bookinfo'],
    range: '600s',
    round: true,
    rates: { http: 'requests', grpc: 'requests', tcp: 'sent', ambient: 'none' },
    includeIdleEdges: false,
    isAmbientNamespace: false,
  }).flatMap(({ expr, metric }) =>
    (byQuery.get(expr) ?? []).map((s) => ({ metric: metric as TrafficMetric, labels: s.metric as Record<string, string>, value: s.value }))
  );
}

export function bookinfoModel(o: Partial<MeshGraphOptions> = {}): MeshGraphModel {
  return buildMeshGraph(bookinfoSamples(), {
    graphType: 'workload',
    injectServiceNodes: false,
    httpRequests: true,
    grpcRequests: true,
    namespaces: ['bookinfo'],
    boxBy: { namespace: false, cluster: false },
    ...o,
  });
}
