/**
 * What a dashboard's queries cost a real Prometheus, for bench/dashboards.ts and bench/dashboards-scale.ts: the jobs
 * of our bundled dashboards and of Istio's (tests/fixtures/istio-dashboard-queries.json) with their variables set the
 * way Grafana would, and each query run once with `stats=all`.
 */
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { type Dashboard } from '@grafana/grafana-foundation-sdk/dashboard';
import { promTargets, variablesOf } from '../../dashboards-src/lib/inspect';
import { BUILTIN_INTERVALS, interpolate, type VariableValue } from '../../dashboards-src/lib/interpolate';

/** One query of a panel, interpolated. */
export interface QueryJob {
  panel: string;
  expr: string;
  instant: boolean;
}

/** Range queries from `end - rangeSeconds` to `end` at `stepSeconds`; instant queries at `end` (unix seconds). */
export interface QueryWindow {
  end: number;
  rangeSeconds: number;
  stepSeconds: number;
}

export interface QueryCost {
  /** `stats=all` totalQueryableSamples (0 when the query failed). */
  samples: number;
  /** `stats=all` peakSamples (0 when the query failed). */
  peak: number;
  /** Prometheus' evalTotalTime (0 when the query failed). */
  evalSeconds: number;
  /** Wall time of the HTTP query as the client saw it. */
  wallSeconds: number;
  /** 1 when Prometheus refused or failed the query. */
  failed: number;
}

export const NO_COST: QueryCost = { samples: 0, peak: 0, evalSeconds: 0, wallSeconds: 0, failed: 0 };

/** Sums of two costs; the peak is the larger one. */
export function addCost(a: QueryCost, b: QueryCost): QueryCost {
  return {
    samples: a.samples + b.samples,
    peak: Math.max(a.peak, b.peak),
    evalSeconds: a.evalSeconds + b.evalSeconds,
    wallSeconds: a.wallSeconds + b.wallSeconds,
    failed: a.failed + b.failed,
  };
}

export interface JobCost {
  job: QueryJob;
  cost: QueryCost;
  /** Prometheus' error for a failed query. */
  error?: string;
}

/** Runs one job (a form POST, so long expressions fit) and reads its cost. */
export async function queryCost(url: string, job: QueryJob, window: QueryWindow): Promise<JobCost> {
  const params: Record<string, string> = job.instant
    ? { query: job.expr, time: String(window.end), stats: 'all' }
    : {
        query: job.expr,
        start: String(window.end - window.rangeSeconds),
        end: String(window.end),
        step: String(window.stepSeconds),
        stats: 'all',
      };
  const started = process.hrtime.bigint();
  const res = await fetch(`${url}/api/v1/${job.instant ? 'query' : 'query_range'}`, {
    method: 'POST',
    headers: { 'Content-Type': 'application/x-www-form-urlencoded' },
    body: new URLSearchParams(params),
  });
  const wallSeconds = Number(process.hrtime.bigint() - started) / 1e9;
  const body = (await res.json()) as {
    status: string;
    error?: string;
    data?: {
      stats?: {
        timings?: { evalTotalTime?: number };
        samples?: { totalQueryableSamples?: number; peakSamples?: number };
      };
    };
  };
  if (body.status !== 'success') {
    return { job, cost: { ...NO_COST, wallSeconds, failed: 1 }, error: body.error ?? `HTTP ${res.status}` };
  }
  const stats = body.data?.stats;
  return {
    job,
    cost: {
      samples: stats?.samples?.totalQueryableSamples ?? 0,
      peak: stats?.samples?.peakSamples ?? 0,
      evalSeconds: stats?.timings?.evalTotalTime ?? 0,
      wallSeconds,
      failed: 0,
    },
  };
}

/** The jobs run one after another (as a dashboard's panels load on a quiet Prometheus), each with its cost. */
export async function jobCosts(url: string, jobs: readonly QueryJob[], window: QueryWindow): Promise<JobCost[]> {
  const out: JobCost[] = [];
  for (const job of jobs) {
    out.push(await queryCost(url, job, window));
  }
  return out;
}

/** Cost per panel title, summed over its queries. */
export function costByPanel(costs: readonly JobCost[]): Map<string, QueryCost> {
  const out = new Map<string, QueryCost>();
  for (const { job, cost } of costs) {
    out.set(job.panel, addCost(out.get(job.panel) ?? NO_COST, cost));
  }
  return out;
}

/**
 * One of our dashboards' jobs: a variable named in `pick` set to that value (single-value variables only), else All
 * where it has All, else its current value.
 */
export function ourDashboardJobs(
  dash: Dashboard,
  pick: Record<string, string | undefined>,
  builtins: Record<string, string> = BUILTIN_INTERVALS
): QueryJob[] {
  const values: Record<string, VariableValue> = {};
  for (const v of variablesOf(dash)) {
    const current = typeof v.current?.value === 'string' ? v.current.value : '';
    const picked = pick[v.name];
    values[v.name] = {
      values: picked !== undefined && !v.multi ? [picked] : v.includeAll ? ['$__all'] : [current],
      multi: !!v.multi,
      includeAll: !!v.includeAll,
      allValue: v.allValue,
    };
  }
  return promTargets(dash).map((t) => ({ panel: t.panel, expr: interpolate(t.expr, values, builtins), instant: t.instant }));
}

/** Istio's dashboards (queries copied in tests/fixtures) by title, with the same service, namespace and workload. */
export function istioDashboardJobs(
  pick: { service: string; namespace: string; workload: string },
  builtins: Record<string, string> = BUILTIN_INTERVALS
): Array<[string, QueryJob[]]> {
  const file = JSON.parse(
    readFileSync(resolve(__dirname, '..', '..', 'tests', 'fixtures', 'istio-dashboard-queries.json'), 'utf8')
  ) as { dashboards: Array<{ title: string; queries: QueryJob[] }> };
  const all = { values: ['$__all'], multi: true, includeAll: true, allValue: '.*' };
  const single = (v: string) => ({ values: [v], multi: false, includeAll: false });
  const values: Record<string, VariableValue> = {
    qrep: { values: ['source', 'destination'], multi: true, includeAll: false },
    service: single(pick.service),
    namespace: single(pick.namespace),
    workload: single(pick.workload),
    srcns: all,
    srcwl: all,
    srccluster: all,
    dstns: all,
    dstwl: all,
    dstcluster: all,
    dstsvc: all,
  };
  return file.dashboards.map((d) => [
    d.title,
    d.queries.map((q) => ({ panel: q.panel, expr: interpolate(q.expr, values, builtins), instant: q.instant })),
  ]);
}
