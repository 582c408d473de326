/** @jest-environment node */
import { notLiteralRegex } from './variables';

describe('notLiteralRegex', () => {
  const matches = (regex: string, value: string) => new RegExp(`^(?:${regex})$`).test(value);

  it('matches every namespace except the literal, as PromQL anchors it', () => {
    const r = notLiteralRegex('istio-system');
    expect(
      ['bookinfo', 'istio', 'istio-systems', 'istio-systen', 'xistio-system', ''].filter((v) => matches(r, v))
    ).toEqual(['bookinfo', 'istio', 'istio-systems', 'istio-systen', 'xistio-system', '']);
    expect(matches(r, 'istio-system')).toBe(false);
    expect(notLiteralRegex('ab')).toBe('([^a].*)?|a([^b].*)?|ab.+');
  });

  it('refuses literals it cannot complement safely', () => {
    expect(() => notLiteralRegex('a.b')).toThrow('only [a-z0-9-] literals are supported, got "a.b"');
  });
});
