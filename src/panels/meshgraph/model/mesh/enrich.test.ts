import { bookinfoModel, bookinfoSamples } from '../__fixtures__/kialiSamples';
import { enrichEdges } from './enrich';

const o = { graphType: 'workload' as const, injectServiceNodes: false, httpRequests: true, grpcRequests: true };

describe('enrichEdges', () => {
  const model = bookinfoModel();
  const call = bookinfoSamples().find((s) => s.labels.source_workload === 'productpage-v1' && s.labels.destination_workload === 'details-v1')!;
  const { response_code: _c, grpc_response_status: _g, response_flags: _f, ...ends } = call.labels;

  it('puts response time (first wins), throughput and mTLS with principals on the matching edge', () => {
    const { destination_service: _s, ...securityEnds } = ends;
    const { model: enriched, unmatched } = enrichEdges(
      model,
      [
        { kind: 'responseTime', labels: ends, value: 42 },
        { kind: 'responseTime', labels: { ...ends, reporter: 'source' }, value: 99 },
        { kind: 'throughput', labels: ends, value: 1000 },
        { kind: 'security', labels: { ...securityEnds, connection_security_policy: 'mutual_tls', source_principal: 'spiffe://a', destination_principal: 'spiffe://b' }, value: 3 },
        { kind: 'security', labels: { ...securityEnds, connection_security_policy: 'none', source_principal: 'spiffe://a', destination_principal: 'spiffe://b' }, value: 1 },
        { kind: 'responseTime', labels: { ...ends, destination_workload: 'nowhere-v9' }, value: 5 },
      ],
      o
    );
    const edge = enriched.edges.find((e) => e.source === 'wl_east_bookinfo_productpage-v1' && e.target === 'wl_east_bookinfo_details-v1')!;
    expect(edge).toMatchObject({ responseTime: 42, throughput: 1000, isMTLS: 75, sourcePrincipal: 'spiffe://a', destPrincipal: 'spiffe://b' });
    expect(unmatched).toBe(1);
    // The input model is untouched.
    expect(model.edges.find((e) => e.id === edge.id)!.responseTime).toBeUndefined();
  });
});
