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
import { cpSync, mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { stringify } from 'yaml';
import coverage from '../dashboards-src/coverage.json';
import { generateDashboards } from '../dashboards-src/generate';
import { Dashboards, type DashboardKey } from '../dashboards-src/lib/ids';
import { RECORDED_SERIES } from '../src/shared/istio/recordedSeries';
import { freePort, startPrometheus, type RunningPrometheus } from '../tests/lib/prometheus';
import { addCost, costByPanel, istioDashboardJobs, jobCosts, NO_COST, ourDashboardJobs, type QueryCost, type QueryJob } from './lib/dashboardCost';
import { replayHistory, type ReplayServer } from './lib/history';
import { printTable } from './run';

const MAX_SAMPLES = 50_000_000;

function arg(name: string, fallback: number): number {
  const i = process.argv.indexOf(`--${name}`);
  return i > 0 ? Number(process.argv[i + 1]) : fallback;
}

type Cost = QueryCost;

/** Cost per panel title of the jobs: samples read and wall time of the HTTP queries; failures named on stderr. */
async function panelCosts(
  prom: RunningPrometheus,
  jobs: QueryJob[],
  end: number,
  history: number,
  step: number
): Promise<Map<string, Cost>> {
  const costs = await jobCosts(prom.url, jobs, { end, rangeSeconds: history, stepSeconds: step });
  costs.filter((c) => c.error).forEach((c) => process.stderr.write(`  failed: ${c.job.panel}: ${c.error}\n`));
  return costByPanel(costs);
}

function ourJobs(key: DashboardKey, pick: Record<string, string>, raw: string, builtins: Record<string, string>): QueryJob[] {
  return ourDashboardJobs(generateDashboards()[key], { ...pick, raw }, builtins);
}

const fmtSamples = (n: number) =>
  n >= 1e6 ? `${(n / 1e6).toFixed(2)}M` : n >= 1e3 ? `${(n / 1e3).toFixed(1)}k` : String(n);
const fmtCost = (c: Cost | undefined) =>
  c ? `${fmtSamples(c.samples)} / ${(c.wallSeconds * 1000).toFixed(0)} ms${c.failed ? ' FAILED' : ''}` : '–';

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
    for (const [title, jobs] of istioDashboardJobs(pick, builtins)) {
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
  printTable('Per panel', ['Istio panel', 'Istio', 'MeshLens panel', 'MeshLens, raw', 'MeshLens, rules'], rows);

  const total = (m: Map<string, Cost> | undefined) => [...(m ?? new Map<string, Cost>()).values()].reduce(addCost, NO_COST);
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
    'Per dashboard',
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

main().catch((err) => {
  console.error(err);
  process.exit(1);
});
