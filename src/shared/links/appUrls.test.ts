import { detailPageUrl, detailPageUrlFromGraph, formatFocus, graphPageUrl, parseFocus } from './appUrls';

describe('graph page URLs', () => {
  it('round-trips a focus through its text form', () => {
    const focus = { kind: 'service' as const, namespace: 'bookinfo', name: 'reviews' };
    expect(formatFocus(focus)).toBe('service:bookinfo/reviews');
    expect(parseFocus(formatFocus(focus))).toEqual(focus);
  });

  it('keeps slashes and odd characters in the name', () => {
    expect(parseFocus('workload:ns/a/b c')).toEqual({ kind: 'workload', namespace: 'ns', name: 'a/b c' });
  });

  it.each(['', 'pod:ns/x', 'service:/x', 'service:ns/', 'service ns/x', undefined, null])('rejects %p', (text) => {
    expect(parseFocus(text)).toBeUndefined();
  });

  it('encodes untrusted values', () => {
    const url = graphPageUrl({
      namespaces: ['a&b', 'c'],
      clusters: ['east'],
      focus: { kind: 'app', namespace: 'a&b', name: '<script>' },
    });
    expect(url).toBe('/a/meshlens-istio-app/graph?var-namespace=a%26b&var-namespace=c&var-cluster=east&focus=app%3Aa%26b%2F%3Cscript%3E');
    const params = new URL(url, 'http://x').searchParams;
    expect(parseFocus(params.get('focus'))).toEqual({ kind: 'app', namespace: 'a&b', name: '<script>' });
  });

  it('has no query string without parameters', () => {
    expect(graphPageUrl({})).toBe('/a/meshlens-istio-app/graph');
  });
});

describe('detail page URLs', () => {
  it('builds the drill-down path, encoded, with the parent query riding along', () => {
    expect(detailPageUrl('service', 'bookinfo', 'reviews')).toBe('/a/meshlens-istio-app/overview/service/bookinfo/reviews');
    expect(detailPageUrl('workload', 'a/b', 'x?y#z', 'graph', '?var-namespace=a')).toBe(
      '/a/meshlens-istio-app/graph/workload/a%2Fb/x%3Fy%23z?var-namespace=a'
    );
  });

  const graph = { namespaces: ['bookinfo'], clusters: ['east'], focus: { kind: 'service' as const, namespace: 'bookinfo', name: 'reviews' } };

  it('keeps the graph page’s own query when linked from the graph page', () => {
    const here = { pathname: '/a/meshlens-istio-app/graph', search: '?var-namespace=bookinfo&display=mtls' };
    expect(detailPageUrlFromGraph('service', 'bookinfo', 'reviews', graph, here)).toBe(
      '/a/meshlens-istio-app/graph/service/bookinfo/reviews?var-namespace=bookinfo&display=mtls'
    );
  });

  it('leads back to the graph scoped to the node when linked from elsewhere (a dashboard)', () => {
    const url = new URL(detailPageUrlFromGraph('service', 'bookinfo', 'reviews', graph, { pathname: '/d/abc', search: '?x=1' }), 'http://x');
    expect(url.pathname).toBe('/a/meshlens-istio-app/graph/service/bookinfo/reviews');
    expect(url.searchParams.getAll('var-namespace')).toEqual(['bookinfo']);
    expect(url.searchParams.getAll('var-cluster')).toEqual(['east']);
    expect(parseFocus(url.searchParams.get('focus'))).toEqual(graph.focus);
    expect(detailPageUrlFromGraph('workload', 'ns', 'w', {}, undefined)).toBe('/a/meshlens-istio-app/graph/workload/ns/w');
  });
});
