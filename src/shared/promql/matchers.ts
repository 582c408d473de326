/**
 * The one PromQL vocabulary of MeshLens: label matchers and selectors for the app pages, the mesh graph's queries
 * and the bundled dashboards. Values we are given (namespaces, names, label values) are escaped by escape.ts;
 * regexes we write ourselves are only string-escaped; Grafana variables are left for Grafana to interpolate.
 */
import { escapeLabelValue, escapeRegexValue } from './escape';

/**
 * A string-literal body for text we write ourselves (a regex, or a value holding a Grafana variable such as
 * `$istiod_pod`): backslash, quote and newlines escaped, `$` left for the template service to interpolate.
 */
function ownText(text: string): string {
  return text.replace(/\\/g, '\\\\').replace(/"/g, '\\"').replace(/\n/g, '\\n').replace(/\r/g, '\\r');
}

/** One label matcher as PromQL text, e.g. `reporter=~"source|waypoint"`. */
export type Matcher = string;

/** `label="value"`, the value matched literally. */
export function eq(label: string, value: string): Matcher {
  return `${label}="${escapeLabelValue(value)}"`;
}

/** `label!="value"`. */
export function neq(label: string, value: string): Matcher {
  return `${label}!="${escapeLabelValue(value)}"`;
}

/** `label=~"regex"`: a regex we write (not data), so only string-literal escaping applies. */
export function re(label: string, regex: string): Matcher {
  return `${label}=~"${ownText(regex)}"`;
}

/** `label!~"regex"`. */
export function notRe(label: string, regex: string): Matcher {
  return `${label}!~"${ownText(regex)}"`;
}

/** A regex matching any of the values literally (RE2 alternation, each value escaped), without the quotes. */
export function anyOfRegex(values: readonly string[]): string {
  if (values.length === 0) {
    throw new Error('anyOfRegex: at least one value is needed (an empty alternation would match everything)');
  }
  return values.map(escapeRegexValue).join('|');
}

/** `label="v"` for one value, `label=~"a|b"` for several, each matched literally. */
export function oneOf(label: string, values: readonly string[]): Matcher {
  return values.length === 1 ? eq(label, values[0]) : `${label}=~"${anyOfRegex(values)}"`;
}

/** `label!="v"` for one value, `label!~"a|b"` for several. */
export function noneOf(label: string, values: readonly string[]): Matcher {
  return values.length === 1 ? neq(label, values[0]) : `${label}!~"${anyOfRegex(values)}"`;
}

/** `label=~"a|b"` even for one value (a regex matcher, for callers whose text must not depend on the count). */
export function inList(label: string, values: readonly string[]): Matcher {
  return `${label}=~"${anyOfRegex(values)}"`;
}

/** `label=~"$variable"` for multi-value / All variables (Grafana regex-escapes each selected value). */
export function inVar(label: string, variable: string): Matcher {
  return `${label}=~"$${variable}"`;
}

/** `label="$variable"` for single-value variables: matched literally, never as a regex. */
export function eqVar(label: string, variable: string): Matcher {
  return `${label}="$${variable}"`;
}

/**
 * `metric{m1, m2}` (`separator` between matchers: `, ` for dashboards, `,` where Kiali's exact text is kept);
 * undefined matchers are skipped; no matchers give the bare metric name (or `{}` without a metric).
 */
export function selector(metric: string, matchers: ReadonlyArray<Matcher | undefined>, separator = ', '): string {
  const list = matchers.filter((m): m is Matcher => Boolean(m));
  return list.length === 0 && metric ? metric : `${metric}{${list.join(separator)}}`;
}
