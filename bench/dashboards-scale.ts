/**
 * Dashboards at scale: every query of the bundled dashboards and of Istio's seven, against the simulator's
 * `generated` mesh with an hour of history in a real Prometheus (replayed as timestamped scrapes, bench/lib/history.ts;
 * `promtool tsdb create-blocks-from openmetrics` was measured too slow for this on the shared machine), with and
 * without MeshLens' recording rules (backfilled with `promtool tsdb create-blocks-from rules`). Prints samples read
 * (`stats=all`: totalQueryableSamples) and evaluation time per panel, Istio's beside ours, and per dashboard.
 *
 *   npm run bench -- scale                       # alone (also part of `npm run bench`)
 *   node --import tsx bench/dashboards-scale.ts [--workloads 5000] [--step 300] [--history 3600]
 *
 * Range queries span the whole history at a step of one sample interval (what Grafana sends for a 1 h panel when the
 * data source's scrape interval is the step), `$__rate_interval` = 4 × step; instant queries run at the end.
 */
import { execFileSync } from 'node:child_process';
import { cpSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { stringify } from 'yaml';
import coverage from '../dashboards-src/coverage.json';
import { generateDashboards } from '../dashboards-src/generate';
import { Dashboards, type DashboardKey } from '../dashboards-src/lib/ids';
import { promTargets, variablesOf } from '../dashboards-src/lib/inspect';
import { interpolate, type VariableValue } from '../dashboards-src/lib/interpolate';
import { RECORDED_SERIES } from '../src/shared/istio/recordedSeries';
import { freePort, startPrometheus, type RunningPrometheus } from '../tests/lib/prometheus';
import { replayHistory, type ReplayServer } from './lib/history';

const MAX_SAMPLES = 50_000_000;

function arg(name: string, fallback: number): number {
  const i = process.argv.indexOf(`--${name}`);
  return i > 0 ? Number(process.argv[i + 1]) : fallback;
}

interface Cost {
  samples: number;
  seconds: number;
  failed: number;
}

interface Job {
  panel: string;
  expr: string;
  instant: boolean;
}

async function cost(prom: RunningPrometheus, job: Job, end: number, history: number, step: number): Promise<Cost> {
  const params: Record<string, string> = job.instant
    ? { query: job.expr, time: String(end), stats: 'all' }
    : { query: job.expr, start: String(end - history), end: String(end), step: String(step), stats: 'all' };
  const started = process.hrtime.bigint();
  const res = await fetch(`${prom.url}/api/v1/${job.instant ? 'query' : 'query_range'}`, {
    method: 'POST',
    headers: { 'Content-Type': 'application/x-www-form-urlencoded' },
    body: new URLSearchParams(params),
  });
  const seconds = Number(process.hrtime.bigint() - started) / 1e9;
  const body = (await res.json()) as {
    status: string;
    error?: string;
    data?: { stats?: { samples?: { totalQueryableSamples?: number } } };
  };
  if (body.status !== 'success') {
    process.stderr.write(`  failed: ${job.panel}: ${body.error}\n`);
    return { samples: 0, seconds, failed: 1 };
  }
  return { samples: body.data?.stats?.samples?.totalQueryableSamples ?? 0, seconds, failed: 0 };
}

function add(a: Cost, b: Cost): Cost {
  return { samples: a.samples + b.samples, seconds: a.seconds + b.seconds, failed: a.failed + b.failed };
}

const ZERO: Cost = { samples: 0, seconds: 0, failed: 0 };

/** Cost per panel title, summed over its queries. */
async function panelCosts(
  prom: RunningPrometheus,
  jobs: Job[],
  end: number,
  history: number,
  step: number
): Promise<Map<string, Cost>> {
  const out = new Map<string, Cost>();
  for (const job of jobs) {
    out.set(job.panel, add(out.get(job.panel) ?? ZERO, await cost(prom, job, end, history, step)));
  }
  return out;
}

function ourJobs(
  key: DashboardKey,
  pick: Record<string, string>,
  raw: string,
  builtins: Record<string, string>
): Job[] {
  const dash = generateDashboards()[key];
  const values: Record<string, VariableValue> = {};
  for (const v of variablesOf(dash)) {
    const current = typeof v.current?.value === 'string' ? v.current.value : '';
    const picked = v.name === 'raw' ? raw : pick[v.name];
    values[v.name] = {
      values: picked !== undefined && !v.multi ? [picked] : v.includeAll ? ['$__all'] : [current],
      multi: !!v.multi,
      includeAll: !!v.includeAll,
      allValue: v.allValue,
    };
  }
  return promTargets(dash).map((t) => ({
    panel: t.panel,
    expr: interpolate(t.expr, values, builtins),
    instant: t.instant,
  }));
}

function istioJobs(pick: Record<string, string>, builtins: Record<string, string>): Map<string, Job[]> {
  const file = JSON.parse(
    readFileSync(resolve(__dirname, '..', 'tests', 'fixtures', 'istio-dashboard-queries.json'), 'utf8')
  ) as { dashboards: Array<{ title: string; queries: Job[] }> };
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
  return new Map(
    file.dashboards.map((d) => [d.title, d.queries.map((q) => ({ ...q, expr: interpolate(q.expr, values, builtins) }))])
  );
}

const fmtSamples = (n: number) =>
  n >= 1e6 ? `${(n / 1e6).toFixed(2)}M` : n >= 1e3 ? `${(n / 1e3).toFixed(1)}k` : String(n);
const fmtCost = (c: Cost | undefined) =>
  c ? `${fmtSamples(c.samples)} / ${(c.seconds * 1000).toFixed(0)} ms${c.failed ? ' FAILED' : ''}` : '–';

async function main() {
  const workloads = arg('workloads', 5000);
  const step = arg('step', 600);
  const history = arg('history', 3600);
  const scrapeSeconds = arg('scrape-interval', 30);
  const builtins = { __rate_interval: `${4 * step}s`, __interval: `${step}s`, __range: `${history}s` };
  const root = mkdtempSync(join(tmpdir(), 'meshlens-scale-'));
  const dataDir = join(root, 'data');
  mkdirSync(dataDir);
  const end = Math.floor(Date.now() / 1000 / step) * step;
  const log = (line: string) => process.stderr.write(`${line}\n`);
  let prom: RunningPrometheus | undefined;
  let replay: ReplayServer | undefined;
  try {
    log(`history: ${workloads} workloads, ${history} s at ${step} s, replayed to Prometheus...`);
    const t0 = process.hrtime.bigint();
    replay = await replayHistory(
      {
        simulatorArgs: ['--topology', 'generated', '--scale', String(workloads), '--seed', '7'],
        endMs: end * 1000,
        historySeconds: history,
        stepSeconds: step,
        log,
      },
      await freePort()
    );
    const config = [
      'global:',
      `  scrape_interval: ${scrapeSeconds}s`,
      `  scrape_timeout: ${scrapeSeconds}s`,
      'scrape_configs:',
      '  - job_name: istio-mesh',
      '    static_configs:',
      `      - targets: ['${replay.target}']`,
      '',
    ].join('\n');
    prom = await startPrometheus(config, { dataDir, extraArgs: ['--web.enable-admin-api'] });
    await replay.done;
    replay.close();
    // The last scrape's samples are committed when the scrape ends; give the appender a moment.
    await new Promise((r) => setTimeout(r, 3000));
    const ingestSeconds = Number(process.hrtime.bigint() - t0) / 1e9;
    const at = (expr: string) => prom!.query(expr);
    const series = await at(`count({job="istio-mesh"} @ ${end})`);
    const selfMetrics = await (await fetch(`${prom.url}/metrics`)).text();
    const samples = Number(/^prometheus_tsdb_head_samples_appended_total(?:\{[^}]*\})? (\S+)$/m.exec(selfMetrics)?.[1] ?? NaN);

    // One service, namespace and workload in the middle of the mesh for the per-service/workload dashboards.
    const [first] = await at(
      'topk(1, sum by (destination_service, destination_workload, destination_workload_namespace) (last_over_time(istio_requests_total{reporter="destination", destination_workload_namespace="ns-001"}[2h])))'
    );
    const pick = {
      service: first.metric.destination_service,
      namespace: first.metric.destination_workload_namespace,
      workload: first.metric.destination_workload,
    };

    log('raw: Istio’s and our queries...');
    const istioCost = new Map<string, Map<string, Cost>>();
    for (const [title, jobs] of istioJobs(pick, builtins)) {
      istioCost.set(title, await panelCosts(prom, jobs, end, history, step));
    }
    const ours = new Map<DashboardKey, { raw: Map<string, Cost>; recorded: Map<string, Cost> }>();
    for (const key of Object.keys(Dashboards) as DashboardKey[]) {
      ours.set(key, {
        raw: await panelCosts(prom, ourJobs(key, pick, '.*', builtins), end, history, step),
        recorded: new Map(),
      });
    }

    // Recording rules over the history: the shipped names and label sets, each read from the raw series (backfill
    // evaluates every rule against the raw data, so the namespace level cannot sum the workload level), with the rate
    // window the history's sample interval allows.
    log('rules: backfilling...');
    const rulesFile = join(root, 'rules.yml');
    const rules = RECORDED_SERIES.map((r) => ({
      record: r.record,
      expr: `sum by (${r.labels.join(', ')}) (rate(${r.raw}[${4 * step}s]))`,
    }));
    writeFileSync(rulesFile, stringify({ groups: [{ name: 'meshlens-istio-backfill', rules }] }));
    const ruleBlocks = join(root, 'rule-blocks');
    const t1 = process.hrtime.bigint();
    execFileSync(
      'promtool',
      [
        'tsdb',
        'create-blocks-from',
        'rules',
        `--start=${end - history}`,
        `--end=${end + 1}`,
        `--url=${prom.url}`,
        `--eval-interval=${step}s`,
        `--output-dir=${ruleBlocks}`,
        rulesFile,
      ],
      { stdio: 'pipe' }
    );
    const ruleSeconds = Number(process.hrtime.bigint() - t1) / 1e9;
    // The raw history lives in the head; a snapshot writes it out as a block, so a Prometheus on snapshot + rule
    // blocks serves both (restarting on the WAL would drop samples older than the rule blocks' end).
    const snap = (await (await fetch(`${prom.url}/api/v1/admin/tsdb/snapshot`, { method: 'POST' })).json()) as {
      data: { name: string };
    };
    const withRules = join(root, 'with-rules');
    cpSync(join(dataDir, 'snapshots', snap.data.name), withRules, { recursive: true });
    cpSync(ruleBlocks, withRules, { recursive: true });
    await prom.stop();
    prom = await startPrometheus('global:\n  scrape_interval: 15s\nscrape_configs: []\n', { dataDir: withRules });
    const recordedSeries = await prom.query(`count({__name__=~".+:rate1m"} @ ${end})`);
    const diskBytes = Number(execFileSync('du', ['-sb', withRules], { encoding: 'utf8' }).split('\t')[0]);
    log('rules: our queries...');
    for (const key of Object.keys(Dashboards) as DashboardKey[]) {
      ours.get(key)!.recorded = await panelCosts(prom, ourJobs(key, pick, 'off', builtins), end, history, step);
    }

    console.log(
      `\nDashboards at scale: simulator generated mesh, ${workloads} workloads, ${series[0]?.value[1]} series, ` +
        `${history / 60} min of history at ${step} s (${samples} samples appended, replayed to Prometheus in ` +
        `${ingestSeconds.toFixed(0)} s); rules backfilled in ${ruleSeconds.toFixed(0)} s (${recordedSeries[0]?.value[1]} ` +
        `recorded series; TSDB ${(diskBytes / 1e6).toFixed(0)} MB with them). Range queries over the ${history / 60} min ` +
        `at step ${step} s, $__rate_interval ${4 * step} s; instant queries at the end. Service ${pick.service}, ` +
        `workload ${pick.namespace}/${pick.workload}.`
    );
    console.log('Cells: samples read (stats=all totalQueryableSamples) / wall time of the HTTP query.');
    printResults(istioCost, ours);
  } finally {
    replay?.close();
    await prom?.stop();
    rmSync(root, { recursive: true, force: true });
  }
}

function printResults(
  istioCost: Map<string, Map<string, Cost>>,
  ours: Map<DashboardKey, { raw: Map<string, Cost>; recorded: Map<string, Cost> }>
) {
  // Per panel, Istio's beside ours (coverage.json's mapping), then our panels Istio has no counterpart for.
  const shown = new Set<string>();
  const rows: string[][] = coverage.panels.map((p) => {
    const key = p.dashboard as DashboardKey;
    shown.add(`${key}/${p.panel}`);
    return [
      `${p.istioDashboard.replace(/^Istio | Dashboard$/g, '')} / ${p.istioPanel}`,
      fmtCost(istioCost.get(p.istioDashboard)?.get(p.istioPanel)),
      `${key} / ${p.panel}`,
      fmtCost(ours.get(key)?.raw.get(p.panel)),
      fmtCost(ours.get(key)?.recorded.get(p.panel)),
    ];
  });
  for (const [key, c] of ours) {
    for (const [panel, cost] of c.raw) {
      if (!shown.has(`${key}/${panel}`)) {
        shown.add(`${key}/${panel}`);
        rows.push(['–', '–', `${key} / ${panel}`, fmtCost(cost), fmtCost(c.recorded.get(panel))]);
      }
    }
  }
  printTable(['Istio panel', 'Istio', 'MeshLens panel', 'MeshLens, raw', 'MeshLens, rules'], rows);

  const total = (m: Map<string, Cost> | undefined) => [...(m ?? new Map<string, Cost>()).values()].reduce(add, ZERO);
  const peak = (m: Map<string, Cost> | undefined) =>
    Math.max(0, ...[...(m ?? new Map<string, Cost>()).values()].map((c) => c.samples));
  const istioOf: Partial<Record<DashboardKey, string>> = {};
  coverage.panels.forEach((p) => (istioOf[p.dashboard as DashboardKey] ??= p.istioDashboard));
  const pageRows: string[][] = [];
  for (const [key, c] of ours) {
    const istioTitle = istioOf[key];
    const it = istioTitle ? total(istioCost.get(istioTitle)) : undefined;
    const rec = total(c.recorded);
    const worst = Math.max(peak(c.raw), peak(c.recorded));
    pageRows.push([
      Dashboards[key].title,
      it ? fmtCost(it) : '–',
      fmtCost(total(c.raw)),
      fmtCost(rec),
      it && it.samples > 0 ? `${((rec.samples / it.samples) * 100).toFixed(0)} %` : '–',
      fmtSamples(Math.max(istioTitle ? peak(istioCost.get(istioTitle)) : 0)),
      fmtSamples(worst),
      worst > MAX_SAMPLES ? 'OVER 50M' : 'ok',
    ]);
  }
  printTable(
    [
      'Dashboard',
      'Istio',
      'MeshLens, raw',
      'MeshLens, rules',
      'rules / Istio',
      'Istio max panel',
      'our max panel',
      'limit',
    ],
    pageRows
  );
}

function printTable(header: string[], rows: string[][]) {
  const widths = header.map((h, i) => Math.max(h.length, ...rows.map((r) => (r[i] ?? '').length)));
  const line = (cells: string[]) => '| ' + cells.map((c, i) => (c ?? '').padEnd(widths[i])).join(' | ') + ' |';
  console.log(`\n${line(header)}`);
  console.log('|' + widths.map((w) => '-'.repeat(w + 2)).join('|') + '|');
  rows.forEach((r) => console.log(line(r)));
}

main().catch((err) => {
  console.error(err);
  process.exit(1);
});
