import { parseFocus } from '../../../shared/links/appUrls';
import { builtInLinks, serviceContext } from './links';

const meshGraph = (links: ReturnType<typeof builtInLinks>) => links.find((l) => l.title === 'Mesh graph')!.href;

describe('trace span links', () => {
  it('reads an Istio sidecar span: service, namespace and workload from its name and node_id', () => {
    const ctx = serviceContext('reviews.bookinfo', [{ key: 'node_id', value: 'sidecar~10.0.0.1~reviews-v2-5b9c8d7f4-x2xkq.bookinfo~bookinfo.svc.cluster.local' }], []);
    expect(ctx).toEqual({ service: 'reviews', namespace: 'bookinfo', workload: 'reviews-v2' });
  });

  it('links to the service dashboard by FQDN, the graph focused on the service and the service page, encoding values', () => {
    const links = builtInLinks({ service: 'a b', namespace: 'ns&x', workload: '' });
    expect(links).toEqual([
      { title: 'Istio service dashboard', href: '/d/meshlens-istio-service?var-namespace=ns%26x&var-service=a%20b.ns%26x.svc.cluster.local' },
      { title: 'Mesh graph', href: '/a/meshlens-istio-app/graph?var-namespace=ns%26x&focus=service%3Ans%26x%2Fa+b' },
      { title: 'MeshLens service page', href: '/a/meshlens-istio-app/overview/service/ns%26x/a%20b' },
    ]);
  });

  it('the mesh graph link reads back, through the shared contract, as the span service in its namespace', () => {
    const href = meshGraph(builtInLinks(serviceContext('reviews.bookinfo', [], [])));
    const [path, search] = href.split('?');
    const params = new URLSearchParams(search);
    expect(path).toBe('/a/meshlens-istio-app/graph');
    expect(params.getAll('var-namespace')).toEqual(['bookinfo']);
    expect(parseFocus(params.get('focus'))).toEqual({ kind: 'service', namespace: 'bookinfo', name: 'reviews' });
  });

  it('without a namespace the mesh graph opens unfocused instead of with a focus the page cannot read', () => {
    expect(meshGraph(builtInLinks({ service: 'frontend', namespace: '', workload: '' }))).toBe('/a/meshlens-istio-app/graph');
  });
});
