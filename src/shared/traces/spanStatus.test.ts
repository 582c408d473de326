import { spanStatus } from './spanStatus';

describe('the shared span error rule', () => {
  it.each([
    [2, [], 'error'],
    ['STATUS_CODE_ERROR', [], 'error'],
    [undefined, [{ key: 'otel.status_code', value: 'ERROR' }], 'error'],
    [undefined, [{ key: 'error', value: true }], 'error'],
    [undefined, [{ key: 'error', value: 'true' }], 'error'],
    [undefined, [{ key: 'error', value: false }], 'unset'],
    [undefined, [{ key: 'http.status_code', value: 503 }], 'error'],
    [undefined, [{ key: 'http.response.status_code', value: '500' }], 'error'],
    [undefined, [{ key: 'http.status_code', value: 404 }], 'unset'],
    // An explicit OK is final (OTel): neither the error tag nor a 5xx overrides it.
    [1, [{ key: 'error', value: true }], 'ok'],
    [undefined, [{ key: 'otel.status_code', value: 'OK' }, { key: 'http.status_code', value: 500 }], 'ok'],
    [0, undefined, 'unset'],
  ])('status %j with tags %j is %s', (code, tags, expected) => {
    expect(spanStatus(code, tags)).toBe(expected);
  });
});
