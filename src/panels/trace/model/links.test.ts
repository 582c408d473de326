import { builtInLinks, serviceContext } from './links';

describe('trace span links', () => {
  it('reads an Istio sidecar span: service, namespace and workload from its name and node_id', () => {
    const ctx = serviceContext('reviews.bookinfo', [{ key: 'node_id', value: 'sidecar~10.0.0.1~reviews-v2-5b9c8d7f4-x2xkq.bookinfo~bookinfo.svc.cluster.local' }], []);
    expect(ctx).toEqual({ service: 'reviews', namespace: 'bookinfo', workload: 'reviews-v2' });
  });

  it('links to the service dashboard by FQDN, the graph page by namespace and the service page, encoding values', () => {
    const links = builtInLinks({ service: 'a b', namespace: 'ns&x', workload: '' });
    expect(links).toEqual([
      { title: 'Istio service dashboard', href: '/d/meshlens-istio-service?var-namespace=ns%26x&var-service=a%20b.ns%26x.svc.cluster.local' },
      { title: 'Mesh graph', href: '/a/meshlens-istio-app/graph?var-namespace=ns%26x' },
      { title: 'MeshLens service page', href: '/a/meshlens-istio-app/overview/service/ns%26x/a%20b' },
    ]);
  });
});
