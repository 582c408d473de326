import { dashboardUrl, detailUrl, graphUrlForNamespace, isKnownAppPath, pageUrl, tracesUrlForService } from './routes';

test('page URLs encode values and repeat array keys', () => {
  expect(graphUrlForNamespace('a b&c')).toBe('/a/meshlens-istio-app/graph?var-namespace=a+b%26c');
  expect(graphUrlForNamespace('bookinfo', { kind: 'service', namespace: 'bookinfo', name: 'reviews' })).toBe(
    '/a/meshlens-istio-app/graph?var-namespace=bookinfo&focus=service%3Abookinfo%2Freviews'
  );
  expect(pageUrl('graph', { 'var-namespace': ['x', 'y'], empty: undefined })).toBe('/a/meshlens-istio-app/graph?var-namespace=x&var-namespace=y');
  expect(pageUrl('overview')).toBe('/a/meshlens-istio-app/overview');
});

test('detail, dashboard and trace URLs encode untrusted names', () => {
  expect(detailUrl('service', 'book info', 'a/b')).toBe('/a/meshlens-istio-app/overview/service/book%20info/a%2Fb');
  expect(detailUrl('workload', 'bookinfo', 'reviews-v2', 'graph', '?var-namespace=bookinfo&graphType=workload')).toBe(
    '/a/meshlens-istio-app/graph/workload/bookinfo/reviews-v2?var-namespace=bookinfo&graphType=workload'
  );
  expect(dashboardUrl('meshlens-istio-service', { namespace: 'bookinfo', service: 'reviews.bookinfo.svc.cluster.local', cluster: undefined })).toBe(
    '/d/meshlens-istio-service?var-namespace=bookinfo&var-service=reviews.bookinfo.svc.cluster.local'
  );
  expect(tracesUrlForService('reviews.bookinfo')).toBe('/a/meshlens-istio-app/traces?service=reviews.bookinfo');
});

test('known app paths: the pages and their drill-downs; anything else is not found', () => {
  expect(isKnownAppPath('/a/meshlens-istio-app')).toBe(true);
  expect(isKnownAppPath('/a/meshlens-istio-app/graph')).toBe(true);
  expect(isKnownAppPath('/a/meshlens-istio-app/graph/service/bookinfo/reviews')).toBe(true);
  expect(isKnownAppPath('/a/meshlens-istio-app/traces')).toBe(true);
  expect(isKnownAppPath('/a/meshlens-istio-app/nope')).toBe(false);
  expect(isKnownAppPath('/a/meshlens-istio-app/graphs')).toBe(false);
});
