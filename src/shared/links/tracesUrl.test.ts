import { tracesPageUrl } from './tracesUrl';

test('the traces page URL: service verbatim, the peer as one DNS-safe value, the time range', () => {
  expect(
    tracesPageUrl({
      service: 'my.app.shop',
      peer: { service: 'details', namespace: 'bookinfo' },
      range: { from: 1000, to: 2000 },
    })
  ).toBe('/a/meshlens-istio-app/traces?service=my.app.shop&peer=details.bookinfo&from=1000&to=2000');
  expect(tracesPageUrl({ service: 'a&b', operation: 'GET /x?y' })).toBe(
    '/a/meshlens-istio-app/traces?service=a%26b&operation=GET+%2Fx%3Fy'
  );
  expect(tracesPageUrl({})).toBe('/a/meshlens-istio-app/traces');
});
