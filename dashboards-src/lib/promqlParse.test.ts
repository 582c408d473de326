/** @jest-environment node */
import { promqlSyntaxErrors } from './promqlParse';
import { formatValue, interpolate } from './interpolate';

describe('promqlSyntaxErrors', () => {
  it('accepts valid PromQL and reports broken PromQL', () => {
    expect(promqlSyntaxErrors('sum by (le) (rate(x_bucket{a=~"b|c"}[1m]))')).toEqual([]);
    expect(promqlSyntaxErrors('sum(rate(x[1m])')).not.toEqual([]);
    // Grafana's macros are not PromQL: uninterpolated queries must fail, so the tests really interpolate.
    expect(promqlSyntaxErrors('rate(x[$__rate_interval])')).not.toEqual([]);
  });
});

describe('interpolate (as Grafana’s Prometheus data source does)', () => {
  const multi = (values: string[]) => ({ values, multi: true, includeAll: true, allValue: '.*' });

  it('inserts the custom all value raw for All', () => {
    expect(interpolate('x{a=~"$ns"}[$__rate_interval]', { ns: multi(['$__all']) })).toBe('x{a=~".*"}[1m]');
  });

  it('regex-escapes multi-value selections, so a ServiceEntry wildcard host matches only itself', () => {
    expect(formatValue(multi(['*.example.com']))).toBe('\\\\*\\\\.example\\\\.com');
    expect(formatValue(multi(['a.b', 'c']))).toBe('(a\\\\.b|c)');
  });

  it('leaves single-value selections unescaped except backslashes', () => {
    expect(formatValue({ values: ['*.example.com'], multi: false, includeAll: false })).toBe('*.example.com');
    expect(formatValue({ values: ['a\\b'], multi: false, includeAll: false })).toBe('a\\\\b');
  });

  it('replaces longer names first and fails on unknown variables', () => {
    const v = { values: ['n'], multi: false, includeAll: false };
    expect(interpolate('$namespace $name ${name}', { name: v, namespace: { ...v, values: ['ns'] } })).toBe('ns n n');
    expect(() => interpolate('$missing', {})).toThrow('no value for $missing');
  });
});
