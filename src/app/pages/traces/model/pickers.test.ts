import { operationsLookup, readLookup, servicesLookup } from './pickers';

const range = { fromMs: 1_700_000_000_500, toMs: 1_700_003_600_200 };

test("Jaeger's data source lists services and a service's operations by its metadata paths", () => {
  expect(servicesLookup('jaeger', range)).toEqual({ url: 'services' });
  expect(operationsLookup('jaeger', 'my svc/1', range)).toEqual({ url: 'services/my%20svc%2F1/operations' });
  expect(operationsLookup('jaeger', ' ', range)).toBeUndefined();
});

test('Tempo: tag values of resource.service.name, and of name scoped to the service, in the time range', () => {
  expect(servicesLookup('tempo', range)).toEqual({
    url: '/api/v2/search/tag/resource.service.name/values',
    params: { start: 1700000000, end: 1700003601 },
  });
  expect(operationsLookup('tempo', 'a"b', range)).toEqual({
    url: '/api/v2/search/tag/name/values',
    params: { q: '{ resource.service.name = "a\\"b" }', start: 1700000000, end: 1700003601 },
  });
  expect(servicesLookup('zipkin', range)).toBeUndefined();
});

test('answers: a list, a proxied { data }, a Tempo fetch response; sorted, unique, non-empty strings', () => {
  expect(readLookup(['b', 'a', 'b', '', 3])).toEqual({ values: ['a', 'b'] });
  expect(readLookup({ data: ['z', 'y'] })).toEqual({ values: ['y', 'z'] });
  expect(
    readLookup({
      data: {
        tagValues: [
          { type: 'string', value: 'reviews.bookinfo' },
          { type: 'string', value: 'details.bookinfo' },
        ],
      },
    })
  ).toEqual({ values: ['details.bookinfo', 'reviews.bookinfo'] });
  expect(readLookup({ data: null })).toEqual({
    error: 'The data source answered an object with data instead of a list of names.',
  });
  expect(readLookup(undefined)).toEqual({ error: 'The data source answered nothing instead of a list of names.' });
});
