/**
 * Times PromQL queries one at a time against a Prometheus, with its own `stats=all` figures
 * (evaluation time, samples touched), so a page's expensive queries are found by measurement.
 * Macros are expanded as the harness expands them for a 1 m range at a 5 s scrape interval.
 */
const ROUNDS = 3;
export const RANGE_S = 60;
const STEP_S = 5;
const RATE_INTERVAL = '20s';

interface Timing {
  wallMs: number;
  evalMs: number;
  samples: number;
  series: number;
}

function expand(expr: string): string {
  return expr.replaceAll('$__rate_interval', RATE_INTERVAL).replaceAll('$__range', `${RANGE_S}s`);
}

async function timeQuery(url: string, expr: string, range: boolean, steps: number): Promise<Timing> {
  const end = Math.floor(Date.now() / 1000);
  const params = new URLSearchParams({ query: expand(expr), stats: 'all' });
  if (range) {
    params.set('start', String(end - RANGE_S));
    params.set('end', String(end));
    params.set('step', String(Math.max(1, Math.round(RANGE_S / steps))));
  } else {
    params.set('time', String(end));
  }
  const started = performance.now();
  const res = await fetch(`${url}/api/v1/${range ? 'query_range' : 'query'}`, { method: 'POST', body: params });
  const body = (await res.json()) as {
    status: string;
    error?: string;
    data?: { result: unknown[]; stats?: { timings?: { evalTotalTime?: number }; samples?: { totalQueryableSamples?: number } } };
  };
  const wallMs = performance.now() - started;
  if (body.status !== 'success') {
    throw new Error(`query failed: ${body.error}: ${expr}`);
  }
  return {
    wallMs,
    evalMs: 1000 * (body.data?.stats?.timings?.evalTotalTime ?? NaN),
    samples: body.data?.stats?.samples?.totalQueryableSamples ?? NaN,
    series: body.data?.result.length ?? 0,
  };
}

const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];

export interface QueryCase {
  name: string;
  expr: string;
  range: boolean;
}

export async function timeQueries(url: string, cases: QueryCase[]): Promise<string[][]> {
  const rows: string[][] = [];
  for (const c of cases) {
    const runs: Timing[] = [];
    for (let i = 0; i < ROUNDS; i++) {
      runs.push(await timeQuery(url, c.expr, c.range, RANGE_S / STEP_S));
    }
    rows.push([
      c.name,
      c.range ? 'range' : 'instant',
      `${Math.round(median(runs.map((r) => r.wallMs)))} ms`,
      `${Math.round(median(runs.map((r) => r.evalMs)))} ms`,
      String(median(runs.map((r) => r.samples))),
      String(runs[0].series),
    ]);
  }
  return rows;
}
