import { bookinfoModel } from './__fixtures__/kialiSamples';
import { defaultHealthThresholds } from '../../../shared/health';
import { parseFocus } from '../../../shared/links/appUrls';
import { edgeLinks, nodeLinks } from './links';
import { viewFromMesh } from './view/fromMesh';

const graph = viewFromMesh(bookinfoModel(), defaultHealthThresholds, []);
const node = (title: string) => graph.nodes.find((n) => n.title === title)!;
const o = { tracesDatasourceUid: '', serviceDashboardUid: 'svc-uid', workloadDashboardUid: 'wl-uid' };

describe('links', () => {
  it('links a workload to its traces page, dashboard and focused graph, encoded', () => {
    expect(nodeLinks(node('productpage-v1'), o)).toEqual([
      {
        label: 'Workload page',
        href: '/a/meshlens-istio-app/graph/workload/bookinfo/productpage-v1?var-namespace=bookinfo&var-cluster=east&focus=workload%3Abookinfo%2Fproductpage-v1',
      },
      { label: 'Traces', href: '/a/meshlens-istio-app/traces?service=productpage.bookinfo' },
      { label: 'Workload dashboard', href: '/d/wl-uid?var-namespace=bookinfo&var-workload=productpage-v1&var-cluster=east' },
      { label: 'Graph focused on this node', href: '/a/meshlens-istio-app/graph?var-namespace=bookinfo&var-cluster=east&focus=workload%3Abookinfo%2Fproductpage-v1' },
    ]);
  });

  it('focuses the graph page by the node type’s name, readable back by parseFocus', () => {
    const appGraph = viewFromMesh(bookinfoModel({ graphType: 'versionedApp', injectServiceNodes: true }), defaultHealthThresholds, []);
    const focusLink = (id: string) => {
      const href = nodeLinks(appGraph.nodes.find((n) => n.id === id)!, o).find((l) => l.label === 'Graph focused on this node')?.href;
      return href ? parseFocus(new URL(href, 'http://x').searchParams.get('focus')) : undefined;
    };
    expect(focusLink('svc_east_bookinfo_reviews')).toEqual({ kind: 'service', namespace: 'bookinfo', name: 'reviews' });
    expect(focusLink('vapp_east_bookinfo_reviews-v2')).toEqual({ kind: 'app', namespace: 'bookinfo', name: 'reviews' });
    // The unknown service has no name to focus on.
    expect(focusLink('svc_unknown_unknown_unknown')).toBeUndefined();
  });

  it('links a service node to its service page; on the graph page the graph’s own query rides along', () => {
    const appGraph = viewFromMesh(bookinfoModel({ graphType: 'versionedApp', injectServiceNodes: true }), defaultHealthThresholds, []);
    const byId = (id: string) => appGraph.nodes.find((n) => n.id === id)!;
    const here = { pathname: '/a/meshlens-istio-app/graph', search: '?var-namespace=bookinfo&display=mtls' };
    const page = (id: string) => nodeLinks(byId(id), o, here).find((l) => l.label.endsWith(' page'));
    expect(page('svc_east_bookinfo_reviews')).toEqual({
      label: 'Service page',
      href: '/a/meshlens-istio-app/graph/service/bookinfo/reviews?var-namespace=bookinfo&display=mtls',
    });
    // A versioned app node is drawn for one workload: its page is that workload's.
    expect(page('vapp_east_bookinfo_reviews-v2')).toEqual({
      label: 'Workload page',
      href: '/a/meshlens-istio-app/graph/workload/bookinfo/reviews-v2?var-namespace=bookinfo&display=mtls',
    });
    expect(page('svc_unknown_unknown_unknown')).toBeUndefined();
  });

  it('opens Explore on the Jaeger data source when one is set', () => {
    const traces = nodeLinks(node('productpage-v1'), { ...o, tracesDatasourceUid: 'jaeger"1' }).find((l) => l.label === 'Traces')!;
    expect(traces.href.startsWith('/explore?schemaVersion=1&panes=')).toBe(true);
    const pane = JSON.parse(decodeURIComponent(traces.href.split('panes=')[1]));
    expect(pane.a.queries[0]).toMatchObject({ datasource: { type: 'jaeger', uid: 'jaeger"1' }, service: 'productpage.bookinfo' });
  });

  it('gives the unknown source no links and edges their traces', () => {
    expect(nodeLinks(graph.nodes.find((n) => n.mesh?.nodeType === 'unknown')!, o)).toEqual([]);
    const e = graph.edges.find((x) => x.source === node('productpage-v1').id && x.target === node('details-v1').id)!;
    expect(edgeLinks(e, node('productpage-v1'), node('details-v1'), o)).toEqual([
      { label: 'Traces for this edge', href: '/a/meshlens-istio-app/traces?service=productpage.bookinfo&peer=details.bookinfo' },
    ]);
  });

  it('edge traces carry the panel\'s time range', () => {
    const e = graph.edges.find((x) => x.source === node('productpage-v1').id && x.target === node('details-v1').id)!;
    const range = { from: 1764979200000, to: 1764982800000 };
    expect(edgeLinks(e, node('productpage-v1'), node('details-v1'), { ...o, range })).toEqual([
      {
        label: 'Traces for this edge',
        href: '/a/meshlens-istio-app/traces?service=productpage.bookinfo&peer=details.bookinfo&from=1764979200000&to=1764982800000',
      },
    ]);
    // A callee with no Kubernetes service (no peer): the caller's traces in Explore, over the same range.
    const href = edgeLinks(e, node('productpage-v1'), undefined, { ...o, tracesDatasourceUid: 'jaeger', range })[0].href;
    const pane = JSON.parse(decodeURIComponent(href.split('panes=')[1]));
    expect(pane.a.range).toEqual({ from: '1764979200000', to: '1764982800000' });
    expect(edgeLinks(e, node('productpage-v1'), undefined, { ...o, range })[0].href).toBe(
      '/a/meshlens-istio-app/traces?service=productpage.bookinfo&from=1764979200000&to=1764982800000'
    );
  });
});

describe('details', () => {
  it('summarises inbound and outbound traffic of a node', async () => {
    const { nodeSummary, responseShares } = await import('./view/details');
    const s = nodeSummary(graph, node('details-v1'));
    expect(s.inbound.rps).toBe(80);
    expect(s.inbound.errorPct).toBe(50);
    expect(s.outbound.edges).toBe(0);
    const e = graph.edges.find((x) => x.target === node('details-v1').id)!;
    expect(responseShares(e).map((r) => `${r.code}:${r.pct}`)).toEqual(['200:25', '300:25', '400:25', '500:25']);
  });
});
