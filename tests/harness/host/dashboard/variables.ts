import { type ScopedVars } from '@grafana/data';
import { csvValue, formatValue, type VariableValue } from '../../../../dashboards-src/lib/interpolate';

/** The parts of a saved variable the preview reads (classic dashboard JSON). */
export interface SavedVariable {
  name: string;
  type: string;
  query?: unknown;
  regex?: string;
  multi?: boolean;
  includeAll?: boolean;
  allValue?: string;
  sort?: number;
  current?: { text?: unknown; value?: unknown };
}

/** A variable as resolved for the preview: what it offers, what is selected, and how a query sees it. */
export interface ResolvedVariable extends VariableValue {
  name: string;
  options: string[];
}

/** The Prometheus and Jaeger data sources the harness provisions, chosen for datasource variables by type. */
const DATASOURCE_BY_TYPE: Record<string, string> = { prometheus: 'meshlens-prometheus', jaeger: 'meshlens-jaeger' };
const PROM_PROXY = '/api/datasources/proxy/uid/meshlens-prometheus';

interface Range {
  fromSec: number;
  toSec: number;
}

/** Formatted values for interpolation, as scoped vars (the harness data sources replace `$name` from these). */
export function scopedVarsOf(vars: ResolvedVariable[]): ScopedVars {
  const out: ScopedVars = {};
  for (const v of vars) {
    // A query variable that offers nothing interpolates as empty, as in Grafana.
    const value = v.values.length === 0 ? '' : formatValue(v);
    out[v.name] = { text: value, value };
  }
  return out;
}

/** `$name`, `${name}`, `${name:fmt}` and `[[name]]` replaced by the formatted values (queries only; no formats). */
export function substitute(text: string, scoped: ScopedVars): string {
  return text.replace(/\$\{(\w+)(?::\w+)?\}|\$(\w+)|\[\[(\w+)\]\]/g, (match, a, b, c) => {
    const v = scoped[a ?? b ?? c];
    return v === undefined ? match : String(v.value);
  });
}

/**
 * A panel's `replaceVariables(text, scopedVars, format)`: `csv` as Grafana formats it (values joined by commas, All
 * as the custom all value), any other format as the queries see it.
 */
export function replaceForPanel(text: string, scoped: ScopedVars, vars: ResolvedVariable[], format?: string): string {
  if (format !== 'csv') {
    return substitute(text, scoped);
  }
  return text.replace(/\$\{(\w+)(?::\w+)?\}|\$(\w+)|\[\[(\w+)\]\]/g, (match, a, b, c) => {
    const v = vars.find((x) => x.name === (a ?? b ?? c));
    return v === undefined ? match : csvValue(v);
  });
}

async function promGet(path: string, params: URLSearchParams): Promise<unknown> {
  const res = await fetch(`${PROM_PROXY}${path}?${params}`);
  const body = (await res.json().catch(() => undefined)) as
    { status?: string; data?: unknown; error?: string } | undefined;
  if (!res.ok || body?.status !== 'success') {
    throw new Error(body?.error ?? `Prometheus answered HTTP ${res.status} for ${path}`);
  }
  return body.data;
}

/** Grafana's Prometheus variable queries: `label_values([selector,] label)` and `query_result(expr)`. */
async function runVariableQuery(query: string, range: Range): Promise<string[]> {
  const lv = /^\s*label_values\(\s*(?:(.+?)\s*,\s*)?(\w+)\s*\)\s*$/.exec(query);
  if (lv) {
    const params = new URLSearchParams({ start: String(range.fromSec), end: String(range.toSec) });
    if (lv[1]) {
      params.append('match[]', lv[1]);
    }
    return (await promGet(`/api/v1/label/${encodeURIComponent(lv[2])}/values`, params)) as string[];
  }
  const qr = /^\s*query_result\((.*)\)\s*$/s.exec(query);
  if (qr) {
    const data = (await promGet('/api/v1/query', new URLSearchParams({ query: qr[1], time: String(range.toSec) }))) as {
      result: Array<{ metric: Record<string, string>; value: [number, string] }>;
    };
    // Grafana's text for each series: `name{a="x", b="y"} value timestamp`; the variable's regex picks from it.
    return data.result.map(({ metric, value }) => {
      const { __name__, ...labels } = metric;
      const body = Object.entries(labels)
        .map(([k, v]) => `${k}="${v}"`)
        .join(', ');
      return `${__name__ ?? ''}{${body}} ${value[1]} ${value[0] * 1000}`;
    });
  }
  throw new Error(
    `The dashboard preview only answers label_values(...) and query_result(...) variables, got: ${query}`
  );
}

/** Applies a variable's `/regex/`: the first capture group (or the whole match) of each option that matches. */
function applyRegex(options: string[], regex: string | undefined): string[] {
  const m = regex ? /^\/(.*)\/([a-z]*)$/s.exec(regex) : null;
  if (!m) {
    return options;
  }
  const re = new RegExp(m[1], m[2]);
  return options.flatMap((o) => {
    const hit = re.exec(o);
    return hit ? [hit[1] ?? hit[0]] : [];
  });
}

function savedValues(v: SavedVariable): string[] {
  const value = v.current?.value;
  return Array.isArray(value) ? value.map(String) : value === undefined || value === null ? [] : [String(value)];
}

/**
 * Resolves the variables in order, as Grafana does on load: data sources by type, query variables from the
 * real Prometheus (each sees the ones before it), the saved selection if it is still offered (All stays All),
 * else the first option; `overrides` play the part of `var-<name>` URL parameters.
 */
export async function resolveVariables(
  saved: SavedVariable[],
  range: Range,
  overrides: Record<string, string[]>
): Promise<ResolvedVariable[]> {
  const out: ResolvedVariable[] = [];
  for (const v of saved) {
    const base = { name: v.name, multi: !!v.multi, includeAll: !!v.includeAll, allValue: v.allValue };
    if (v.type === 'datasource') {
      const uid = DATASOURCE_BY_TYPE[String(v.query)];
      if (!uid) {
        throw new Error(`variable ${v.name}: the harness has no ${String(v.query)} data source`);
      }
      out.push({ ...base, options: [uid], values: [uid] });
      continue;
    }
    if (v.type !== 'query') {
      // textbox, constant, custom: the saved value (or the override) as written.
      out.push({ ...base, options: [], values: overrides[v.name] ?? savedValues(v) });
      continue;
    }
    const query = substitute(String(v.query ?? ''), scopedVarsOf(out));
    let options = [...new Set(applyRegex(await runVariableQuery(query, range), v.regex))];
    if (v.sort === 1 || v.sort === 5) {
      options = options.sort((a, b) => a.localeCompare(b));
    }
    const override = overrides[v.name];
    const missing = override?.filter((o) => o !== '$__all' && !options.includes(o)) ?? [];
    if (missing.length > 0) {
      throw new Error(
        `variable ${v.name}: ${missing.join(', ')} not offered by ${query} (offers ${options.join(', ') || 'nothing'})`
      );
    }
    const wanted = override ?? savedValues(v);
    const values =
      wanted.length === 1 && wanted[0] === '$__all' && v.includeAll
        ? wanted
        : wanted.filter((w) => options.includes(w)).length > 0
          ? wanted.filter((w) => options.includes(w))
          : options.slice(0, 1);
    out.push({ ...base, options, values });
  }
  return out;
}
