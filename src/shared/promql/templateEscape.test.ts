import fc from 'fast-check';
import { goUnquote as unquote, grafanaInterpolate as interpolate, matcherValue, withMacros } from '../../app/testing/templateService';
import { detailRequestRate } from '../istio/appQueries';
import { traceqlString } from '../traces/traceSource';
import { eq, inList } from './matchers';
import { escapeTemplateDollar } from './templateEscape';

/** Label values and search terms with what the template service would expand: `$x`, `${__range}`, `[[x]]`, `$$`. */
const text = fc.string({ unit: fc.constantFrom('$', '{', '}', '[', ']', '\\', '"', "'", '_', 'x', 'r', 'a', 'n', 'g', 'e', '_', ':', '-', '.', '\n'), maxLength: 24 });

describe('PromQL: the builders escape data themselves (escape.ts), no escapeTemplateDollar', () => {
  test('the reported case: reviews${__range}-v1 is not queried as reviews900s-v1', () => {
    const target = { kind: 'workload' as const, namespace: 'bookinfo', name: 'reviews${__range}-v1' };
    // Pasted as typed, the template service rewrites the workload name.
    const pasted = 'sum(rate(istio_requests_total{destination_workload="reviews${__range}-v1"}[$__range]))';
    expect(matcherValue(interpolate(pasted), 'destination_workload')).toBe('reviews900s-v1');
    // The app's builders write the `$` as `\x24`: the template service leaves it, Prometheus reads `$`.
    const built = detailRequestRate(target);
    expect(built).toContain('destination_workload="reviews\\x24{__range}-v1"');
    const sent = interpolate(built);
    expect(sent).toBe(withMacros(built));
    expect(matcherValue(sent, 'destination_workload')).toBe('reviews${__range}-v1');
    // escapeTemplateDollar (for TraceQL) would change nothing in a built query: nothing was left to escape.
    expect(escapeTemplateDollar(built)).toBe(built);
  });

  test('property: any label value in a built PromQL matcher survives interpolation exactly, in = and in =~ (no escapeTemplateDollar)', () => {
    fc.assert(
      fc.property(text, (value) => {
        const built = `m{${eq('a', value)},${inList('b', [value])}}[$__range]`;
        const sent = interpolate(built);
        expect(sent).toBe(withMacros(built));
        expect(sent.endsWith('}[900s]')).toBe(true);
        expect(matcherValue(sent, 'a')).toBe(value);
        // As a regex the =~ value matches exactly the value (RE2 and JS agree on these escapes).
        expect(new RegExp(`^(?:${matcherValue(sent, 'b')})$`).test(value)).toBe(true);
      }),
      { seed: 14, numRuns: 400, examples: [['a[[x]]$$b${__range}$x']] }
    );
  });
});

describe('escapeTemplateDollar (TraceQL search terms)', () => {
  test('a pasted query: $ in strings escaped, macros outside left for Grafana', () => {
    const pasted = 'sum(rate(istio_requests_total{destination_workload="reviews${__range}-v1"}[$__range]))';
    expect(matcherValue(interpolate(escapeTemplateDollar(pasted)), 'destination_workload')).toBe(
      'reviews${__range}-v1'
    );
  });

  test('outside string literals Grafana still expands its macros; [[x]] inside a string is kept too', () => {
    expect(escapeTemplateDollar('rate(m{a="$x",b="[[x]]",c=~"p\\\\$"}[$__rate_interval])')).toBe(
      'rate(m{a="\\x24x",b="\\x5b[x]]",c=~"p\\\\\\x24"}[$__rate_interval])'
    );
    expect(interpolate(escapeTemplateDollar('rate(m{a="$x",b="[[x]]"}[$__rate_interval])'))).toBe(
      'rate(m{a="\\x24x",b="\\x5b[x]]"}[1m])'
    );
  });

  test('escape pairs are kept whole, single quotes handled, raw strings and already escaped text unchanged', () => {
    expect(escapeTemplateDollar('m{a="q\\"$x"}')).toBe('m{a="q\\"\\x24x"}');
    expect(escapeTemplateDollar("m{a='$x'}")).toBe("m{a='\\x24x'}");
    expect(escapeTemplateDollar('m{a=`$x`}')).toBe('m{a=`$x`}');
    const once = escapeTemplateDollar('m{a="${x}[[x]]"}');
    expect(escapeTemplateDollar(once)).toBe(once);
    expect(escapeTemplateDollar('sum(rate(m[$__range]))')).toBe('sum(rate(m[$__range]))');
  });

  test('property: a TraceQL string literal survives too', () => {
    fc.assert(
      fc.property(text, (value) => {
        const sent = interpolate(
          escapeTemplateDollar(`{ resource.service.name = ${traceqlString(value)} && duration >= 5ms }`)
        );
        const m = /= "((?:[^"\\]|\\.)*)" &&/.exec(sent);
        expect(m && unquote(m[1])).toBe(value);
      }),
      { seed: 14, numRuns: 200 }
    );
  });
});
