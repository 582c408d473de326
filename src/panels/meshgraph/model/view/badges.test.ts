import { bookinfoModel } from '../__fixtures__/kialiSamples';
import { defaultHealthThresholds } from '../../../../shared/health';
import { type MeshGraphModel } from '../mesh/types';
import { virtualServiceMatcher } from '../pipeline';
import { viewFromMesh } from './fromMesh';

const badgesByTitle = (model: MeshGraphModel, vs = '') =>
  Object.fromEntries(
    viewFromMesh(model, defaultHealthThresholds, ['trafficRate'], undefined, virtualServiceMatcher(vs))
      .nodes.filter((n) => n.badges && n.badges.length > 0)
      .map((n) => [`${n.mesh?.nodeType}:${n.title}`, n.badges])
  );

describe('node badges', () => {
  it('traffic sources, outsiders and virtual services (from the option) on Kiali’s workload graph', () => {
    const model = bookinfoModel({ graphType: 'workload', injectServiceNodes: true });
    const badges = badgesByTitle(model, 'reviews.bookinfo');
    expect(badges['workload:ingressgateway-unknown']).toEqual(['root', 'outside']);
    expect(badges['unknown:unknown']).toEqual(['root']);
    expect(badges['service:reviews']).toEqual(['virtualService']);
    expect(badgesByTitle(model)['service:reviews']).toBeUndefined();
  });

  it('a circuit breaker that opened (UO) badges the destination', () => {
    const model = bookinfoModel({ graphType: 'workload' });
    const edge = model.edges.find((e) => model.nodes.find((n) => n.id === e.target)?.workload === 'ratings-v1')!;
    const withUO: MeshGraphModel = {
      ...model,
      edges: model.edges.map((e) => (e === edge ? { ...e, responses: new Map([['503', { flags: { UO: 100 }, hosts: {} }]]) } : e)),
    };
    expect(badgesByTitle(withUO)['workload:ratings-v1']).toEqual(['circuitBreaker']);
    expect(badgesByTitle(model)['workload:ratings-v1']).toBeUndefined();
  });
});
