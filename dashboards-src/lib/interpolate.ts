/**
 * Template interpolation as Grafana's Prometheus data source does it (classic escaping, Grafana 12): a variable
 * that is neither multi nor includeAll gets only backslashes (and single quotes) escaped; multi/All values get
 * RE2 metacharacters escaped and several values become `(a|b)`; All with a custom all value is inserted raw.
 * Used to run the dashboards' queries the way Grafana would send them.
 */
export interface VariableValue {
  /** Selected values; `['$__all']` for All. */
  values: string[];
  multi: boolean;
  includeAll: boolean;
  allValue?: string;
}

function regularEscape(value: string): string {
  return value.replace(/\\/g, '\\\\').replace(/'/g, "\\\\'");
}

function regexEscape(value: string): string {
  return value.replace(/\\/g, '\\\\\\\\').replace(/[$^*{}[\]+?.()|]/g, '\\\\$&');
}

export function formatValue(v: VariableValue): string {
  if (v.values.length === 1 && v.values[0] === '$__all' && v.allValue !== undefined) {
    return v.allValue;
  }
  if (!v.multi && !v.includeAll) {
    return regularEscape(v.values[0] ?? '');
  }
  const escaped = v.values.map(regexEscape);
  return escaped.length === 1 ? escaped[0] : `(${escaped.join('|')})`;
}

/**
 * `${name:csv}` as Grafana replaces it (what the mesh graph panel asks for its namespaces and clusters): the
 * values joined with commas, unescaped; All with a custom all value is that value (`.*`), as Grafana inserts it.
 */
export function csvValue(v: VariableValue): string {
  if (v.values.length === 1 && v.values[0] === '$__all' && v.allValue !== undefined) {
    return v.allValue;
  }
  return v.values.join(',');
}

/** Built-in interval variables with realistic values for a 30-minute range at 15 s scrape. */
export const BUILTIN_INTERVALS: Record<string, string> = {
  __rate_interval: '1m',
  __interval: '15s',
  __range: '30m',
};

/** Replaces `$name` and `${name}` (longest names first, so `$namespace` never eats `$name`). */
export function interpolate(
  expr: string,
  variables: Record<string, VariableValue>,
  builtins = BUILTIN_INTERVALS
): string {
  const values: Record<string, string> = { ...builtins };
  for (const [name, v] of Object.entries(variables)) {
    values[name] = formatValue(v);
  }
  const names = Object.keys(values).sort((a, b) => b.length - a.length);
  let out = expr;
  for (const name of names) {
    out = out
      .split(`\${${name}}`)
      .join(values[name])
      .replace(new RegExp(`\\$${name}(?![A-Za-z0-9_])`, 'g'), () => values[name]);
  }
  const left = out.match(/\$\{?[A-Za-z_][A-Za-z0-9_]*/);
  if (left) {
    throw new Error(`interpolate: no value for ${left[0]} in ${expr}`);
  }
  return out;
}
