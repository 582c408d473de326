import '../../app/testing/jsdomShims';
import fc from 'fast-check';
import { type ScopedVars } from '@grafana/data';
import { EmbeddedScene, SceneFlexLayout, sceneGraph } from '@grafana/scenes';
import { detailRequestRate } from '../istio/appQueries';
import { traceqlString } from '../traces/traceSource';
import { eq, inList } from './matchers';
import { escapeTemplateDollar } from './templateEscape';

// What Grafana's template service does to a query from a scene: it delegates to @grafana/scenes' interpolator
// (the real one, from node_modules), with the data source's macros in scopedVars.
const scene = new EmbeddedScene({ body: new SceneFlexLayout({ children: [] }) });
const vars: ScopedVars = {
  __range: { text: '900s', value: '900s' },
  __rate_interval: { text: '1m', value: '1m' },
  __interval: { text: '15s', value: '15s' },
  x: { text: 'X', value: 'X' },
};
const interpolate = (query: string) => sceneGraph.interpolate(scene, query, vars);

/** Go's strconv.Unquote for a double-quoted body (what Prometheus and Tempo do); throws on what Go refuses. */
function unquote(body: string): string {
  return body.replace(/\\(x[0-9a-fA-F]{2}|u[0-9a-fA-F]{4}|[\\"'abfnrtv]|.)/g, (_, e: string) => {
    if (e[0] === 'x' || e[0] === 'u') {
      return String.fromCharCode(parseInt(e.slice(1), 16));
    }
    const simple: Record<string, string> = { '\\': '\\', '"': '"', "'": "'", n: '\n', r: '\r', t: '\t', a: '\x07', b: '\b', f: '\f', v: '\v' };
    if (!(e in simple)) {
      throw new Error(`invalid escape \\${e}`);
    }
    return simple[e];
  });
}

/** The value of `label="..."` or `label=~"..."` in a query, as Prometheus reads it. */
function matcherValue(query: string, label: string): string {
  const m = new RegExp(`${label}=~?"((?:[^"\\\\]|\\\\.)*)"`).exec(query);
  if (!m) {
    throw new Error(`no ${label} matcher in ${query}`);
  }
  return unquote(m[1]);
}

describe('escapeTemplateDollar', () => {
  test('the reported case: reviews${__range}-v1 is not queried as reviews900s-v1', () => {
    const target = { kind: 'workload' as const, namespace: 'bookinfo', name: 'reviews${__range}-v1' };
    // Pasted as typed, the template service rewrites the workload name.
    const pasted = 'sum(rate(istio_requests_total{destination_workload="reviews${__range}-v1"}[$__range]))';
    expect(matcherValue(interpolate(pasted), 'destination_workload')).toBe('reviews900s-v1');
    expect(matcherValue(interpolate(escapeTemplateDollar(pasted)), 'destination_workload')).toBe('reviews${__range}-v1');
    // The app's builders escape it themselves (src/shared/promql/escape.ts); escaping again changes nothing.
    const built = detailRequestRate(target);
    expect(built).toContain('destination_workload="reviews\\x24{__range}-v1"');
    expect(escapeTemplateDollar(built)).toBe(built);
    const sent = interpolate(built);
    expect(sent).toBe(built.replace('[$__range]', '[900s]'));
    expect(matcherValue(sent, 'destination_workload')).toBe('reviews${__range}-v1');
  });

  test('outside string literals Grafana still expands its macros; [[x]] inside a string is kept too', () => {
    expect(escapeTemplateDollar('rate(m{a="$x",b="[[x]]",c=~"p\\\\$"}[$__rate_interval])')).toBe(
      'rate(m{a="\\x24x",b="\\x5b[x]]",c=~"p\\\\\\x24"}[$__rate_interval])'
    );
    expect(interpolate(escapeTemplateDollar('rate(m{a="$x",b="[[x]]"}[$__rate_interval])'))).toBe('rate(m{a="\\x24x",b="\\x5b[x]]"}[1m])');
  });

  test('escape pairs are kept whole, single quotes handled, raw strings and already escaped text unchanged', () => {
    expect(escapeTemplateDollar('m{a="q\\"$x"}')).toBe('m{a="q\\"\\x24x"}');
    expect(escapeTemplateDollar("m{a='$x'}")).toBe("m{a='\\x24x'}");
    expect(escapeTemplateDollar('m{a=`$x`}')).toBe('m{a=`$x`}');
    const once = escapeTemplateDollar('m{a="${x}[[x]]"}');
    expect(escapeTemplateDollar(once)).toBe(once);
    expect(escapeTemplateDollar('sum(rate(m[$__range]))')).toBe('sum(rate(m[$__range]))');
  });

  const text = fc.string({ unit: fc.constantFrom('$', '{', '}', '[', ']', '\\', '"', "'", '_', 'x', 'r', 'a', 'n', 'g', 'e', '_', ':', '-', '.', '\n'), maxLength: 24 });

  test('property: any label value survives escape + interpolation exactly, in = and in =~ matchers', () => {
    fc.assert(
      fc.property(text, (value) => {
        const sent = interpolate(escapeTemplateDollar(`m{${eq('a', value)},${inList('b', [value])}}[$__range]`));
        expect(sent.endsWith('}[900s]')).toBe(true);
        expect(matcherValue(sent, 'a')).toBe(value);
        // As a regex the =~ value matches exactly the value (RE2 and JS agree on these escapes).
        expect(new RegExp(`^(?:${matcherValue(sent, 'b')})$`).test(value)).toBe(true);
      }),
      { seed: 14, numRuns: 400 }
    );
  });

  test('property: a TraceQL string literal survives too', () => {
    fc.assert(
      fc.property(text, (value) => {
        const sent = interpolate(escapeTemplateDollar(`{ resource.service.name = ${traceqlString(value)} && duration >= 5ms }`));
        const m = /= "((?:[^"\\]|\\.)*)" &&/.exec(sent);
        expect(m && unquote(m[1])).toBe(value);
      }),
      { seed: 14, numRuns: 200 }
    );
  });
});
