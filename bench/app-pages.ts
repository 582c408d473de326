/**
 * App pages in headless Chromium (the harness, built dist/) against a real Prometheus scraping the
 * simulator's `generated` mesh with 500 namespaces: overview, graph, service and traces pages.
 * Run alone: node --import tsx bench/app-pages.ts [namespaces] [page name filter]   (default 500, all pages; needs `npm run build`)
 * Prints, per page, the median of 3 fresh renders: time to the ready view and to the complete view,
 * queries issued and their summed time; compares with the issue's 2 s target. First, the overview's
 * queries one at a time with Prometheus' own timings (which of them cost the time). Figures only.
 */
import { join, resolve } from 'node:path';
import { openHarness, type Harness } from '../tests/harness/browser';
import { startJaegerFixture } from '../tests/harness/jaegerFixture';
import { startSimulator } from '../tests/integration/simulator.lib';
import { startPrometheus } from '../tests/lib/prometheus';
import { pollUntil } from '../tests/lib/poll';
import { generated } from '../simulator/topology/generated';
import { printTable } from './run';
import { timeQueries } from './lib/promQueryStats';
import { overviewDetailQueries, overviewQueries } from '../src/app/pages/overview/model/overviewQueries';

const ROOT = resolve(__dirname, '..');
const APP = '/a/meshlens-istio-app';
const TARGET_MS = 2000;
const RUNS = 3;
const SHARDS = 4;
const SCRAPE = '5s';

/** The smallest generated mesh with `namespaces` traffic namespaces (ns-000…), by the topology's own code. */
function scaleFor(namespaces: number, seed: number): number {
  const count = (scale: number) => new Set(generated(scale, seed).workloads.map((w) => w.namespace).filter((n) => n.startsWith('ns-'))).size;
  let lo = 10;
  let hi = 20 * namespaces;
  while (lo < hi) {
    const mid = Math.floor((lo + hi) / 2);
    if (count(mid) >= namespaces) {
      hi = mid;
    } else {
      lo = mid + 1;
    }
  }
  return lo;
}

interface PageCase {
  name: string;
  path: string;
  waitFor?: string;
  /** A later element (cells filled after the first view): its time is printed too. */
  thenWaitFor?: string;
}

interface Run {
  ok: boolean;
  readyMs: number;
  completeMs: number;
  /** Until `thenWaitFor`, NaN without one. */
  allMs: number;
  queries: number;
  queryMs: number;
}

async function measure(harness: Harness, c: PageCase): Promise<Run> {
  const { page, metrics } = await harness.render({ kind: 'app', path: c.path, width: 1600, height: 1000, waitFor: c.waitFor, timeoutMs: 60_000, scrapeInterval: SCRAPE });
  try {
    // After the awaited selector: the complete view, and every query the page sent until then.
    const read = () =>
      page.evaluate('(() => { const s = window.__meshlens; return { ms: performance.now() - s.dataHandedAt, queries: s.queries }; })()') as Promise<{
        ms: number;
        queries: { count: number; totalMs: number };
      }>;
    const first = await read();
    const later = c.thenWaitFor ? await page.waitForSelector(c.thenWaitFor, { timeout: 60_000 }).then(read) : undefined;
    const after = { completeMs: first.ms, queries: (later ?? first).queries };
    const ok = metrics.ok && metrics.pageErrors.length === 0;
    if (!ok) {
      console.log(`  ${c.name}: not ok: ${[metrics.panelMessage, ...metrics.pageErrors].filter(Boolean).join('; ')}`);
    }
    return {
      ok,
      readyMs: metrics.firstRenderMs ?? NaN,
      completeMs: after.completeMs,
      allMs: later?.ms ?? NaN,
      queries: after.queries.count,
      queryMs: after.queries.totalMs,
    };
  } finally {
    await page.close();
  }
}

const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];

async function main() {
  const namespaces = Number(process.argv[2] ?? 500);
  const only = process.argv[3] ?? '';
  const seed = 7;
  const scale = scaleFor(namespaces, seed);
  console.log(`generated mesh: ${namespaces} namespaces = ${scale} workloads (seed ${seed}), ${SHARDS} scrape shards, ${SCRAPE} scrape interval`);
  const sim = await startSimulator(['--topology', 'generated', '--scale', String(scale), '--seed', String(seed), '--warmup', '30']);
  const shards = Array.from({ length: SHARDS }, (_, i) => `      - targets: ['${sim.target}']\n        labels: { __param_shard: '${i}', shard: '${i}' }`);
  const prom = await startPrometheus(
    ['global:', `  scrape_interval: ${SCRAPE}`, `  scrape_timeout: ${SCRAPE}`, 'scrape_configs:', '  - job_name: mesh', `    params: { shards: ['${SHARDS}'] }`, '    static_configs:', ...shards, ''].join('\n')
  );
  const jaeger = await startJaegerFixture([
    join(ROOT, 'tests/fixtures/traces/jaegertracing-jaeger-ui_genaiTestTrace.json'),
    join(ROOT, 'tests/fixtures/traces/jaegertracing-jaeger_ui_01.json'),
  ]);
  let harness: Harness | undefined;
  try {
    const started = Date.now();
    // Three scrapes of every shard, so rates over the range have samples in every namespace.
    await pollUntil(
      async () => {
        const r = await prom.query('count(count by (destination_workload_namespace) (count_over_time(istio_requests_total{reporter="destination"}[1m]) >= 3))');
        return Number(r[0]?.value[1] ?? 0) >= namespaces ? true : undefined;
      },
      `${namespaces} namespaces with 3 scrapes`,
      300_000
    );
    const scrape = await prom.query('max(scrape_duration_seconds{job="mesh"})');
    const tsdb = (await (await fetch(`${prom.url}/api/v1/status/tsdb`)).json()) as { data?: { headStats?: { numSeries?: number } } };
    console.log(
      `Prometheus holds ${namespaces} namespaces after ${((Date.now() - started) / 1000).toFixed(0)} s; ` +
        `${tsdb.data?.headStats?.numSeries ?? '?'} head series, slowest shard scrape ${Number(scrape[0]?.value[1] ?? NaN).toFixed(2)} s`
    );
    const all = { defaultNamespaces: [] };
    const each = [...overviewQueries(all), ...overviewDetailQueries(all)].map((q) => ({ name: q.refId, expr: q.expr, range: q.range }));
    printTable(
      `Overview queries one at a time (${namespaces} namespaces, 1 m range, 5 s step for range queries), median of 3`,
      ['query', 'type', 'wall', 'Prometheus eval', 'samples', 'series'],
      await timeQueries(prom.url, each)
    );
    harness = await openHarness(undefined, { prometheusUrl: prom.url, jaegerUrl: jaeger.url });
    const range = 'from=now-1m&to=now';
    const cases: PageCase[] = [
      { name: `overview, ${namespaces} namespaces`, path: `${APP}/overview?${range}`, waitFor: '[data-testid="meshlens-namespace-row"]', thenWaitFor: '[data-meshlens-details="Done"]' },
      { name: 'graph, namespace ns-000', path: `${APP}/graph?var-namespace=ns-000&${range}`, waitFor: '[aria-label^="Node: "]' },
      { name: 'graph, 5 namespaces', path: `${APP}/graph?${['000', '001', '002', '003', '004'].map((n) => `var-namespace=ns-${n}`).join('&')}&${range}`, waitFor: '[aria-label^="Node: "]' },
      { name: 'service page, ns-000/svc-0', path: `${APP}/overview/service/ns-000/svc-0?${range}`, waitFor: '[data-testid="meshlens-detail"]' },
      { name: 'traces page, search (Jaeger fixture)', path: `${APP}/traces?service=api-edge&limit=20`, waitFor: '[data-testid="meshlens-trace-hit"]' },
    ];
    const rows: string[][] = [];
    for (const c of cases.filter((x) => x.name.includes(only))) {
      const runs: Run[] = [];
      for (let i = 0; i < RUNS; i++) {
        runs.push(await measure(harness, c));
      }
      const complete = median(runs.map((r) => r.completeMs));
      rows.push([
        c.name,
        runs.every((r) => r.ok) ? 'yes' : 'NO',
        `${Math.round(median(runs.map((r) => r.readyMs)))} ms`,
        `${Math.round(complete)} ms`,
        c.thenWaitFor ? `${Math.round(median(runs.map((r) => r.allMs)))} ms` : '',
        String(median(runs.map((r) => r.queries))),
        `${Math.round(median(runs.map((r) => r.queryMs)))} ms`,
        complete <= TARGET_MS ? `yes (${(complete / TARGET_MS).toFixed(2)}×)` : `NO (${(complete / TARGET_MS).toFixed(2)}×)`,
      ]);
    }
    printTable(`App pages: headless Chromium 1600×1000, real Prometheus, median of ${RUNS} fresh pages`, ['page', 'ok', 'ready', 'complete', 'all cells', 'queries', 'query time (sum)', `≤ ${TARGET_MS} ms target`], rows);
    console.log(
      '  ready: data handed to the app -> first paint of its view or message; complete: until the awaited element (rows, graph nodes, metrics, trace hits);\n' +
        '  all cells: the overview until p95 and sparklines (a runner the rows do not wait for) are filled in.\n' +
        '  queries: data source queries through the harness (Prometheus; Jaeger API on the traces page); query time: their summed durations (they overlap).'
    );
  } finally {
    await harness?.close();
    await jaeger.close();
    await prom.stop();
    await sim.stop();
  }
}

main().catch((e) => {
  console.error(e);
  process.exitCode = 1;
});
