/**
 * Escaping for values that come from users or from label values (untrusted) into PromQL.
 * Kept in one place so panels, app pages and dashboards escape the same way.
 *
 * Every query MeshLens builds goes through Grafana's template service before it reaches Prometheus, and that
 * service expands `$name`, `${name}` and `[[name]]` anywhere in the text. A label value such as
 * `reviews${__range}-v1` must reach Prometheus as written, so `$` is never written as itself: inside a PromQL string
 * it becomes the Go escape `\x24` (PromQL strings take Go's escapes), which the template service does not see; the
 * first `[` of `[[` likewise becomes `\x5b`. The queries need no further escaping (escapeTemplateDollar is for TraceQL).
 */

/** `$` as a PromQL string escape: the template service leaves it alone; Prometheus reads `$`. */
const DOLLAR = '\\x24';
/** `[` as a PromQL string escape, for the first `[` of `[[` (the template service's `[[name]]` syntax). */
const BRACKET = '\\x5b';

/** A PromQL string literal body (inside double quotes): backslash, quote, newlines, `$` and `[[` escaped. */
export function escapeLabelValue(value: string): string {
  return value
    .replace(/\\/g, '\\\\')
    .replace(/"/g, '\\"')
    .replace(/\n/g, '\\n')
    .replace(/\r/g, '\\r')
    .replace(/\$/g, DOLLAR)
    .replace(/\[(?=\[)/g, BRACKET);
}

/**
 * A value matched literally inside a `=~` regex matcher: RE2 metacharacters escaped, then quoted-escaped.
 * `$` becomes RE2's `\x24` (a literal dollar), so neither RE2 nor Grafana's template service reads it.
 */
export function escapeRegexValue(value: string): string {
  return escapeLabelValue(value.replace(/[\\^.|?*+()[\]{}]/g, '\\$&').replace(/\$/g, DOLLAR));
}
