/**
 * Escaping for values that come from users or from label values (untrusted) into PromQL.
 * Kept in one place so panels, app pages and dashboards escape the same way.
 */

/** A PromQL string literal body (inside double quotes): backslash, quote and newlines escaped. */
export function escapeLabelValue(value: string): string {
  return value.replace(/\\/g, '\\\\').replace(/"/g, '\\"').replace(/\n/g, '\\n').replace(/\r/g, '\\r');
}

/** A value matched literally inside a `=~` regex matcher: RE2 metacharacters escaped, then quoted-escaped. */
export function escapeRegexValue(value: string): string {
  return escapeLabelValue(value.replace(/[\\^$.|?*+()[\]{}]/g, '\\$&'));
}

/** `label="value"` with the value escaped. */
export function labelEquals(label: string, value: string): string {
  return `${label}="${escapeLabelValue(value)}"`;
}

/** `label=~"a|b"` matching any of the values literally. */
export function labelIn(label: string, values: readonly string[]): string {
  return `${label}=~"${values.map(escapeRegexValue).join('|')}"`;
}
