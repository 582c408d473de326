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
    const href = meshGraph(builtInLinks(serviceContext('reviews.bookinfo', [{ key: 'component', value: 'proxy' }], [])));
    const [path, search] = href.split('?');
    const params = new URLSearchParams(search);
    expect(path).toBe('/a/meshlens-istio-app/graph');
    expect(params.getAll('var-namespace')).toEqual(['bookinfo']);
    expect(parseFocus(params.get('focus'))).toEqual({ kind: 'service', namespace: 'bookinfo', name: 'reviews' });
  });

  it('without a namespace the mesh graph opens unfocused instead of with a focus the page cannot read', () => {
    expect(meshGraph(builtInLinks({ service: 'frontend', namespace: '', workload: '' }))).toBe('/a/meshlens-istio-app/graph');
  });

  it('a dotted service name is not split into name and namespace', () => {
    // An SDK's service `my.app`: no Istio proxy attributes, so no namespace is guessed from the dot.
    expect(serviceContext('my.app', [], [])).toEqual({ service: 'my.app', namespace: '', workload: '' });
    expect(serviceContext('my.app', [], [{ key: 'k8s.namespace.name', value: 'shop' }])).toEqual({
      service: 'my.app',
      namespace: 'shop',
      workload: '',
    });
    // An Istio proxy's `<canonical service>.<namespace>` with a dotted canonical service: split at the last dot.
    expect(serviceContext('my.app.shop', [{ key: 'upstream_cluster', value: 'inbound|8080||' }], [])).toEqual({
      service: 'my.app',
      namespace: 'shop',
      workload: '',
    });
    expect(serviceContext('my.app.shop', [{ key: 'istio.namespace', value: 'shop' }], [])).toMatchObject({
      service: 'my.app',
      namespace: 'shop',
    });
  });

  it('every link carries the span time ± 5 minutes as from/to', () => {
    const links = builtInLinks({ service: 'reviews', namespace: 'bookinfo', workload: 'reviews-v2' }, { from: 1000, to: 2000 });
    expect(links).toEqual([
      { title: 'Istio service dashboard', href: '/d/meshlens-istio-service?var-namespace=bookinfo&var-service=reviews.bookinfo.svc.cluster.local&from=1000&to=2000' },
      { title: 'Istio workload dashboard', href: '/d/meshlens-istio-workload?var-workload=reviews-v2&var-namespace=bookinfo&from=1000&to=2000' },
      { title: 'Mesh graph', href: '/a/meshlens-istio-app/graph?var-namespace=bookinfo&focus=service%3Abookinfo%2Freviews&from=1000&to=2000' },
      { title: 'MeshLens service page', href: '/a/meshlens-istio-app/overview/service/bookinfo/reviews?from=1000&to=2000' },
    ]);
  });
});
