import fc from 'fast-check';
import { bookinfoModel } from '../__fixtures__/kialiSamples';
import { syntheticMesh } from '../__fixtures__/syntheticMesh';
import { buildMeshGraph } from '../mesh/buildMeshGraph';
import { defaultHealthThresholds } from '../../../../shared/health';
import { type GraphType } from '../mesh/types';
import { applyFocus } from './focus';
import { viewFromMesh } from './fromMesh';

const graphOf = (graphType: GraphType) => viewFromMesh(bookinfoModel({ graphType, injectServiceNodes: graphType !== 'workload' }), defaultHealthThresholds, []);
const ids = (r: ReturnType<typeof applyFocus>) => r.graph.nodes.map((n) => n.id).sort();

describe('applyFocus', () => {
  it('service: the service node, its callers and its callees, with the hidden rest counted', () => {
    const graph = graphOf('versionedApp');
    const r = applyFocus(graph, 'service:bookinfo/reviews');
    expect(ids(r)).toEqual([
      'svc_east_bookinfo_reviews',
      'vapp_east_bookinfo_productpage-v1',
      'vapp_east_bookinfo_reviews-v1',
      'vapp_east_bookinfo_reviews-v2',
      'vapp_east_bookinfo_reviews-v3',
    ]);
    expect(r.graph.edges).toHaveLength(6);
    expect(r).toMatchObject({ status: 'focused', text: 'service:bookinfo/reviews', focused: 1, hiddenNodes: 15, totalNodes: 20, hiddenEdges: 25 - 6 });
    // Edges between two neighbours are not the focus's: reviews-v3 → ratings is hidden, not drawn.
    expect(r.graph.edges.every((e) => e.source === 'svc_east_bookinfo_reviews' || e.target === 'svc_east_bookinfo_reviews')).toBe(true);
    expect(graph.nodes).toHaveLength(20);
  });

  it('workload on a workload graph: the node with its neighbours, its self-call kept', () => {
    const r = applyFocus(graphOf('workload'), ' workload:bookinfo/reviews-v2 ');
    expect(ids(r)).toEqual(['wl_east_bookinfo_productpage-v1', 'wl_east_bookinfo_ratings-v1', 'wl_east_bookinfo_reviews-v2']);
    expect(r).toMatchObject({ status: 'focused', focused: 1, hiddenNodes: 10, totalNodes: 13 });
    expect(r.graph.edges.map((e) => `${e.source}>${e.target}`)).toContain('wl_east_bookinfo_reviews-v2>wl_east_bookinfo_reviews-v2');
  });

  it('falls back to nodes whose identity has the name when the graph type has no node of that kind', () => {
    const workloadOnAppGraph = applyFocus(graphOf('versionedApp'), 'workload:bookinfo/reviews-v2');
    expect(workloadOnAppGraph).toMatchObject({ status: 'focused', focused: 1 });
    expect(ids(workloadOnAppGraph)).toContain('vapp_east_bookinfo_reviews-v2');
    const appOnWorkloadGraph = applyFocus(graphOf('workload'), 'app:bookinfo/reviews');
    expect(appOnWorkloadGraph).toMatchObject({ status: 'focused', focused: 3 });
  });

  it('app on an app graph focuses every version of it', () => {
    const r = applyFocus(graphOf('versionedApp'), 'app:bookinfo/reviews');
    expect(r).toMatchObject({ status: 'focused', focused: 3 });
  });

  it('leaves the graph whole for no focus, a malformed one and one that matches nothing', () => {
    const graph = graphOf('workload');
    expect(applyFocus(graph, '')).toEqual({ status: 'none', graph });
    expect(applyFocus(graph, 'reviews')).toEqual({ status: 'invalid', graph, text: 'reviews' });
    expect(applyFocus(graph, 'service:bookinfo/nope')).toEqual({ status: 'unmatched', graph, text: 'service:bookinfo/nope' });
    // Namespace matters: reviews-v2 lives in bookinfo, not bankapp.
    expect(applyFocus(graph, 'workload:bankapp/reviews-v2').status).toBe('unmatched');
  });

  it('property: on any graph and any focus, shown + hidden = total and every shown edge touches a focused node', () => {
    const graphs = (['app', 'versionedApp', 'workload', 'service'] as const).map((graphType) =>
      viewFromMesh(
        buildMeshGraph(syntheticMesh(120, 7), { graphType, injectServiceNodes: true, httpRequests: true, grpcRequests: true, namespaces: [], boxBy: { namespace: true, cluster: false } }),
        defaultHealthThresholds,
        []
      )
    );
    fc.assert(
      fc.property(
        fc.constantFrom(...graphs),
        fc.constantFrom('app', 'service', 'workload'),
        fc.constantFrom('ns0', 'ns1', 'ns2', 'unknown', 'nope'),
        fc.constantFrom('frontend', 'frontend-v1', 'db', 'db-v1', 'cache', 'svc1', 'svc2-v1', 'x'),
        (graph, kind, ns, name) => {
          const r = applyFocus(graph, `${kind}:${ns}/${name}`);
          if (r.status !== 'focused') {
            expect(r.status).toBe('unmatched');
            expect(r.graph).toBe(graph);
            return;
          }
          expect(r.graph.nodes.length + r.hiddenNodes).toBe(graph.nodes.length);
          expect(r.graph.edges.length + r.hiddenEdges).toBe(graph.edges.length);
          const shown = new Set(r.graph.nodes.map((n) => n.id));
          const centre = new Set(graph.nodes.filter((n) => n.namespace === ns).map((n) => n.id));
          for (const e of r.graph.edges) {
            expect(shown.has(e.source) && shown.has(e.target)).toBe(true);
            expect(centre.has(e.source) || centre.has(e.target)).toBe(true);
          }
        }
      ),
      { numRuns: 200 }
    );
  });
});
