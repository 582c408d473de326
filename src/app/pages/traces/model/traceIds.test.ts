import { checkComparePair, checkTraceId } from './traceIds';

test('16 or 32 hex digits, trimmed and lower-cased', () => {
  expect(checkTraceId(' 4A1B2C3D4E5F60718293A4B5C6D7E8F9 ')).toEqual({
    ok: true,
    id: '4a1b2c3d4e5f60718293a4b5c6d7e8f9',
  });
  expect(checkTraceId('0000000000000001')).toEqual({ ok: true, id: '0000000000000001' });
});

test('anything else is refused with the reason, never queried', () => {
  expect(checkTraceId('{ .http.status_code = 500 }')).toEqual({
    ok: false,
    error:
      '"{ .http.status_code = 500 }" is not a trace id (it holds characters other than 0-9 and a-f): a trace id is 16 or 32 hexadecimal digits.',
  });
  expect(checkTraceId('abc')).toEqual({
    ok: false,
    error: '"abc" is not a trace id (it has 3 digits): a trace id is 16 or 32 hexadecimal digits.',
  });
  expect(checkTraceId('')).toMatchObject({ ok: false });
  expect(checkTraceId('a'.repeat(70))).toEqual({
    ok: false,
    error: `"${'a'.repeat(64)}…" is not a trace id (it has 70 digits): a trace id is 16 or 32 hexadecimal digits.`,
  });
});

test('a comparison needs exactly two valid ids; each bad side is named', () => {
  expect(checkComparePair('0000000000000001,4A1B2C3D4E5F60718293A4B5C6D7E8F9')).toEqual({
    ok: true,
    ids: ['0000000000000001', '4a1b2c3d4e5f60718293a4b5c6d7e8f9'],
  });
  expect(checkComparePair('only-one')).toEqual({
    ok: false,
    error: 'A comparison needs two trace ids separated by a comma; got 1.',
  });
  expect(checkComparePair('0000000000000001,{}')).toEqual({
    ok: false,
    error:
      'B: "{}" is not a trace id (it holds characters other than 0-9 and a-f): a trace id is 16 or 32 hexadecimal digits.',
  });
});
