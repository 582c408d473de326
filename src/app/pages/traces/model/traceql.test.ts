import { parseAttributes, traceqlQuery } from './traceql';

const base = { service: 'reviews.bookinfo', operation: '', attributes: [], minDuration: '', maxDuration: '' };

test('service only', () => {
  expect(traceqlQuery(base)).toBe('{ resource.service.name = "reviews.bookinfo" }');
});

test('every field, in one span selector', () => {
  const parsed = parseAttributes(
    'http.status_code=500 error=true user="Ann \\"A\\" B" span.peer=db resource.k8s.ns=default'
  );
  expect('attributes' in parsed).toBe(true);
  const attributes = 'attributes' in parsed ? parsed.attributes : [];
  expect(
    traceqlQuery({
      service: 'api-edge',
      operation: 'POST /api/graphql',
      attributes,
      minDuration: '1.5ms',
      maxDuration: '300µs',
    })
  ).toBe(
    '{ resource.service.name = "api-edge" && name = "POST /api/graphql" && .http.status_code = 500 && .error = true' +
      ' && .user = "Ann \\"A\\" B" && span.peer = "db" && resource.k8s.ns = "default" && duration >= 1.5ms && duration <= 300us }'
  );
});

test('a quoted number stays a string; untrusted values cannot close the selector', () => {
  const parsed = parseAttributes('code="500" x=a}||{true');
  expect(parsed).toEqual({
    attributes: [
      { key: 'code', value: '500', quoted: true },
      { key: 'x', value: 'a}||{true', quoted: false },
    ],
  });
  const attributes = 'attributes' in parsed ? parsed.attributes : [];
  expect(traceqlQuery({ ...base, service: 'a" || "', attributes })).toBe(
    '{ resource.service.name = "a\\" || \\"" && .code = "500" && .x = "a}||{true" }'
  );
});

test('unreadable attributes are explained', () => {
  expect(parseAttributes('   ')).toEqual({ attributes: [] });
  expect(parseAttributes('novalue')).toEqual({
    error: 'Attributes are key=value pairs separated by spaces; cannot read "novalue".',
  });
  expect(parseAttributes('a="unclosed')).toEqual({
    error: 'Attributes are key=value pairs separated by spaces; cannot read "a="unclosed".',
  });
  expect(parseAttributes('{x}=1')).toEqual({
    error: 'Attribute names hold letters, digits and _ . - / : only; "{x}" does not.',
  });
});
