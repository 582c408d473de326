/**
 * Running the bundled dashboards' queries against any Prometheus-compatible query API (Prometheus, VictoriaMetrics)
 * the way Grafana would, and comparing two backends' answers series by series.
 */
import type { Dashboard, VariableModel } from '@grafana/grafana-foundation-sdk/dashboard';
import { promTargets, variablesOf, type PromTarget } from '../../dashboards-src/lib/inspect';
import { BUILTIN_INTERVALS, interpolate, type VariableValue } from '../../dashboards-src/lib/interpolate';
import { newestInstantWhere, steadyCheck } from '../lib/instants';

export interface Sample {
  metric: Record<string, string>;
  value: [number, string];
}

export interface ApiResult {
  status: string;
  error?: string;
  data?: { result: unknown; stats?: { samples?: { totalQueryableSamples?: number } } };
}

export async function api(base: string, path: string, params: Record<string, string>): Promise<ApiResult> {
  const res = await fetch(`${base}${path}?${new URLSearchParams(params)}`);
  const text = await res.text();
  try {
    return JSON.parse(text) as ApiResult;
  } catch {
    return { status: 'error', error: `HTTP ${res.status}: ${text.slice(0, 300)}` };
  }
}

/** An instant query at `time` (seconds), optionally with Prometheus' `stats=all`. */
export async function instant(base: string, expr: string, time: number, stats = false): Promise<ApiResult> {
  return api(base, '/api/v1/query', { query: expr, time: String(time), ...(stats ? { stats: 'all' } : {}) });
}

/** Values for every variable: overrides, else All for filters, else the saved default. */
export function scenarioValues(
  vars: VariableModel[],
  overrides: Record<string, string[]>
): Record<string, VariableValue> {
  const out: Record<string, VariableValue> = {};
  for (const v of vars) {
    const current = v.current?.value;
    const fallback = v.includeAll ? ['$__all'] : typeof current === 'string' ? [current] : [''];
    out[v.name] = {
      values: overrides[v.name] ?? fallback,
      multi: !!v.multi,
      includeAll: !!v.includeAll,
      allValue: v.allValue,
    };
  }
  return out;
}

/**
 * Resolves a `query_result(...)` variable as Grafana does: runs the query, applies the variable's regex (named groups
 * `value`/`text`, or the first group) to each `{labels} value timestamp` line. Returns the values.
 */
export async function resolveQueryResultVariable(base: string, v: VariableModel, time: number): Promise<string[]> {
  const m = /^query_result\((.*)\)$/s.exec(String(v.query));
  if (!m) {
    throw new Error(`resolveQueryResultVariable: ${v.name} is not a query_result variable`);
  }
  const r = await instant(base, m[1], time);
  if (r.status !== 'success') {
    throw new Error(`${v.name}: ${r.error}`);
  }
  const regex = new RegExp(String(v.regex).replace(/^\/|\/$/g, ''));
  return (r.data!.result as Sample[]).map((s) => {
    const labels = Object.entries(s.metric)
      .map(([k, val]) => `${k}="${val}"`)
      .join(', ');
    const line = `{${labels}} ${s.value[1]} ${s.value[0] * 1000}`;
    const hit = regex.exec(line);
    if (!hit) {
      throw new Error(`${v.name}: regex ${v.regex} does not match ${line}`);
    }
    return hit.groups?.value ?? hit[1];
  });
}

export interface Job extends PromTarget {
  dashboard: string;
  /** The query as Grafana would send it. */
  query: string;
}

export function jobs(
  dashboards: Record<string, Dashboard>,
  picks: Record<string, Record<string, string[]>>,
  builtins: Record<string, string> = BUILTIN_INTERVALS
): Job[] {
  const out: Job[] = [];
  for (const [key, dash] of Object.entries(dashboards)) {
    const values = scenarioValues(variablesOf(dash), { ...picks.all, ...picks[key] });
    for (const t of promTargets(dash)) {
      out.push({ ...t, dashboard: key, query: interpolate(t.expr, values, builtins) });
    }
  }
  return out;
}

/**
 * Series of a result keyed by their label set (without `__name__`, which functions keep or drop differently, and
 * without empty-valued labels, which PromQL treats as absent: VictoriaMetrics' label_replace returns `x=""` where
 * Prometheus drops the label).
 */
export function byLabels(result: Sample[]): Map<string, number> {
  const out = new Map<string, number>();
  for (const s of result) {
    const { __name__: _name, ...labels } = s.metric;
    const present = Object.entries(labels).filter(([, v]) => v !== '');
    const key = JSON.stringify(Object.fromEntries(present.sort(([a], [b]) => a.localeCompare(b))));
    out.set(key, Number(s.value[1]));
  }
  return out;
}

/** Relative difference of two values; 0 for two NaNs, Infinity when only one is NaN. */
export function relativeDiff(a: number, b: number): number {
  if (Number.isNaN(a) || Number.isNaN(b)) {
    return Number.isNaN(a) && Number.isNaN(b) ? 0 : Infinity;
  }
  const scale = Math.max(Math.abs(a), Math.abs(b));
  return scale < 1e-9 ? 0 : Math.abs(a - b) / scale;
}

export interface Comparison {
  /** Label sets only one side returned. */
  onlyLeft: string[];
  onlyRight: string[];
  /** Largest relative difference of the values of common series, with its series. */
  worst: { key: string; diff: number; left: number; right: number } | undefined;
  series: number;
}

export function compare(left: Sample[], right: Sample[]): Comparison {
  const a = byLabels(left);
  const b = byLabels(right);
  const c: Comparison = {
    onlyLeft: [...a.keys()].filter((k) => !b.has(k)),
    onlyRight: [...b.keys()].filter((k) => !a.has(k)),
    worst: undefined,
    series: a.size,
  };
  for (const [key, va] of a) {
    const vb = b.get(key);
    if (vb === undefined) {
      continue;
    }
    const diff = relativeDiff(va, vb);
    if (!c.worst || diff > c.worst.diff) {
      c.worst = { key, diff, left: va, right: vb };
    }
  }
  return c;
}

/** `topk(k, inner)` → inner: near-equal values may rank differently on two backends sampled a moment apart. */
export function withoutTopk(expr: string): string {
  const m = /^topk\(\d+, (.*)\)$/s.exec(expr);
  return m ? m[1] : expr;
}

/**
 * The newest instant, from `latest` back by at most 30 s (then waiting up to 40 s for new ones), at which every
 * `window` rate, recorded (on the server with MeshLens' rules) and raw (on the one without), has had one value through
 * the last `span`: the longest range the assertions read (`window` for rates, more for averages over a range).
 * The fixture's counters grow exactly linearly, so every evaluation gives the same rate, unless a scrape was late or
 * missing when it ran (a loaded CI machine): Prometheus then extrapolates that window short (CI read 17.937 rps for
 * 18 with one evaluation in 10 short, and 17.699 with one in 20). A wrong query gives wrong figures at every instant,
 * so the assertions stay exact at the instant picked. Throws when no instant is steady.
 */
export async function steadyInstant(
  recordedUrl: string,
  rawUrl: string,
  window: string,
  latest: number,
  span = window
): Promise<number> {
  // label_replace keeps each family apart once *_over_time drops the metric name.
  const recorded = 'label_replace({__name__=~".+:.+:rate1m"}, "family", "$1", "__name__", "(.+)")';
  return newestInstantWhere(
    [steadyCheck(recordedUrl, recorded, span), steadyCheck(rawUrl, `rate(istio_requests_total[${window}])`, span)],
    latest - 30,
    { lag: Math.floor(Date.now() / 1000) - latest }
  );
}
