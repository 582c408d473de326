import { formatFocus, graphPageUrl, parseFocus } from './appUrls';

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
