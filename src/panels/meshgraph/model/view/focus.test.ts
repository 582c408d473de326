import { bookinfoModel } from '../__fixtures__/kialiSamples';
import { defaultHealthThresholds } from '../mesh/health';
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
});
