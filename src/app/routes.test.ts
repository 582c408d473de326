import { graphUrlForNamespace, pageUrl } from './routes';

test('page URLs encode values and repeat array keys', () => {
  expect(graphUrlForNamespace('a b&c')).toBe('/a/meshlens-istio-app/graph?var-namespace=a+b%26c');
  expect(pageUrl('graph', { 'var-namespace': ['x', 'y'], empty: undefined })).toBe('/a/meshlens-istio-app/graph?var-namespace=x&var-namespace=y');
  expect(pageUrl('overview')).toBe('/a/meshlens-istio-app/overview');
});
