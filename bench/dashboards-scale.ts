/**
 * Dashboards at scale: every query of the bundled dashboards, of the app pages and of Istio's seven dashboards, against
 * the simulator's `generated` mesh (5,000 workloads by default) with an hour of history in a real Prometheus (written
 * through its remote-write receiver, bench/lib/scaleHistory.ts, which says why not `promtool ... openmetrics`), with
 * and without MeshLens' recording rules (backfilled with `promtool tsdb create-blocks-from rules` over the raw
 * history). Prints samples read (`stats=all`: totalQueryableSamples) and evaluation time per panel, Istio's beside
 * ours, and per page.
 *
 *   npm run bench -- scale                       # alone (also part of `npm run bench`)
 *   node --import tsx bench/dashboards-scale.ts [--workloads 5000] [--interval 60] [--history 3600]
 *
 * The history has one sample per `--interval` seconds (a scrape interval). Range queries span the last `--history`
 * seconds at a step of one interval with `$__rate_interval` = 4 intervals: what Grafana sends for a 1 h panel when
 * the data source's scrape interval is the interval. Instant queries run at the end with `$__range` = the history.
 * Samples read scale with 1 / interval (a window holds 4 samples either way, and there are interval/15 times more
 * steps at 15 s), so the tables also give the figure at Istio's usual 15 s.
 */
import { execFileSync } from 'node:child_process';
import { cpSync, mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { stringify } from 'yaml';
import { Dashboards, type DashboardKey } from '../dashboards-src/lib/ids';
import { rawRuleExpr, RECORDED_SERIES } from '../src/shared/istio/recordedSeries';
import { startPrometheus, type RunningPrometheus } from '../tests/lib/prometheus';
import { costByPanel, jobCosts, type QueryCost as Cost, type QueryJob } from './lib/dashboardCost';
import { appJobs, dashboardJobs, istioJobs, type Pick } from './lib/scaleJobs';
import { printScaleResults, type PageCosts } from './lib/scaleReport';
import { writeScaleHistory } from './lib/scaleHistory';

function arg(name: string, fallback: number): number {
  const i = process.argv.indexOf(`--${name}`);
  return i > 0 ? Number(process.argv[i + 1]) : fallback;
}

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

/**
 * The snapshot POST after a long backfill: the connection fetch kept alive from the queries before it may have been
 * closed by Prometheus in the meantime (a 5,000-workload run failed with EPIPE there after a 15-minute backfill), so a
 * failed attempt is retried on a fresh connection.
 */
async function snapshotRequest(url: string): Promise<Response> {
  for (let attempt = 1; ; attempt++) {
    try {
      return await fetch(url, { method: 'POST', headers: { connection: 'close' } });
    } catch (err) {
      if (attempt >= 3) {
        throw err;
      }
      process.stderr.write(`  snapshot request failed (${String(err)}), retrying\n`);
      await new Promise((r) => setTimeout(r, 2000));
    }
  }
}

async function main() {
  const workloads = arg('workloads', 5000);
  const interval = arg('interval', 60);
  const history = arg('history', 3600);
  const step = interval;
  const rateInterval = 4 * step;
  const builtins = { __rate_interval: `${rateInterval}s`, __interval: `${step}s`, __range: `${history}s` };
  const root = mkdtempSync(join(tmpdir(), 'meshlens-scale-'));
  const dataDir = join(root, 'data');
  mkdirSync(dataDir);
  const end = Math.floor(Date.now() / 1000 / step) * step;
  const log = (line: string) => process.stderr.write(`${line}\n`);
  // Samples read are measured, not refused: the 50 M check is made on the figures.
  const queryFlags = ['--query.max-samples=2000000000', '--query.timeout=10m'];
  let prom: RunningPrometheus | undefined;
  const started = process.hrtime.bigint();
  const since = () => Number(process.hrtime.bigint() - started) / 1e9;
  try {
    // The first range step's window starts a rate window before the hour.
    const span = history + rateInterval;
    log(`history: ${workloads} workloads, ${span} s at ${interval} s, remote-written to Prometheus...`);
    prom = await startPrometheus('global:\n  scrape_interval: 15s\nscrape_configs: []\n', {
      dataDir,
      extraArgs: ['--web.enable-remote-write-receiver', '--web.enable-admin-api', ...queryFlags],
    });
    const figures = await writeScaleHistory({
      simulatorArgs: ['--topology', 'generated', '--scale', String(workloads), '--seed', '7'],
      endMs: end * 1000,
      historySeconds: span,
      intervalSeconds: interval,
      targetLabels: { job: 'istio-mesh', instance: '127.0.0.1:15090' },
      url: prom.url,
      log,
    });
    const ingestSeconds = since();
    const at = (expr: string) => prom!.query(expr);
    // Labels of one request series (without __name__): what a backend's per-series label limit must allow.
    const [one] = await at(`topk(1, istio_requests_total @ ${end})`);
    const labelsPerSeries = one ? Object.keys(one.metric).filter((l) => l !== '__name__').length : '?';

    // One service and its workload in the middle of the mesh for the per-service/workload dashboards and pages.
    const [first] = await at(
      `topk(1, sum by (destination_service, destination_service_name, destination_service_namespace, destination_workload, destination_workload_namespace) (istio_requests_total{reporter="destination", destination_workload_namespace="ns-001"} @ ${end}))`
    );
    const pick: Pick = {
      service: first.metric.destination_service,
      serviceName: first.metric.destination_service_name,
      serviceNamespace: first.metric.destination_service_namespace,
      namespace: first.metric.destination_workload_namespace,
      workload: first.metric.destination_workload,
    };
    const run = async (jobs: QueryJob[]) => panelCosts(prom!, jobs, end, history, step);
    const keys = Object.keys(Dashboards) as DashboardKey[];

    log(`raw (${since().toFixed(0)} s): Istio’s queries...`);
    const istio = new Map<string, Map<string, Cost>>();
    for (const [title, jobs] of istioJobs(pick, builtins)) {
      istio.set(title, await run(jobs));
    }
    log(`raw (${since().toFixed(0)} s): our dashboards and app pages...`);
    const ours = new Map<string, PageCosts>();
    for (const key of keys) {
      ours.set(Dashboards[key].title, {
        key,
        raw: await run(dashboardJobs(key, pick, '.*', builtins)),
        recorded: new Map(),
      });
    }
    for (const [page, jobs] of appJobs(pick, builtins, '.*')) {
      ours.set(page, { key: page, raw: await run(jobs), recorded: new Map() });
    }

    // Recording rules over the history: the shipped names and label sets, each read from the raw series (backfill
    // evaluates every rule against the raw data, so the namespace level cannot sum the workload level), with the
    // bench's rate window, evaluated once per interval.
    // Page totals of the raw side now, so a run that fails later still leaves them.
    const total = (m: Map<string, Cost>) => [...m.values()].reduce((a, c) => a + c.samples, 0);
    [...istio].forEach(([page, m]) => log(`  raw samples: Istio ${page}: ${total(m)}`));
    [...ours].forEach(([page, c]) => log(`  raw samples: ${page}: ${total(c.raw)}`));
    log(`rules (${since().toFixed(0)} s): backfilling...`);
    const rulesFile = join(root, 'rules.yml');
    const rules = RECORDED_SERIES.map((r) => ({ record: r.record, expr: rawRuleExpr(r, `${rateInterval}s`) }));
    writeFileSync(rulesFile, stringify({ groups: [{ name: 'meshlens-istio-backfill', rules }] }));
    const ruleBlocks = join(root, 'rule-blocks');
    const t1 = process.hrtime.bigint();
    execFileSync(
      'promtool',
      [
        'tsdb',
        'create-blocks-from',
        'rules',
        `--start=${end - history - rateInterval}`,
        `--end=${end + 1}`,
        `--url=${prom.url}`,
        `--eval-interval=${interval}s`,
        `--output-dir=${ruleBlocks}`,
        rulesFile,
      ],
      { stdio: 'pipe' }
    );
    const ruleSeconds = Number(process.hrtime.bigint() - t1) / 1e9;
    // The raw history lives in the head; a snapshot writes it out as a block, so a Prometheus on snapshot + rule
    // blocks serves both.
    const snap = (await (await snapshotRequest(`${prom.url}/api/v1/admin/tsdb/snapshot`)).json()) as {
      data: { name: string };
    };
    const withRules = join(root, 'with-rules');
    cpSync(join(dataDir, 'snapshots', snap.data.name), withRules, { recursive: true });
    cpSync(ruleBlocks, withRules, { recursive: true });
    await prom.stop();
    prom = undefined;
    rmSync(dataDir, { recursive: true, force: true });
    prom = await startPrometheus('global:\n  scrape_interval: 15s\nscrape_configs: []\n', {
      dataDir: withRules,
      extraArgs: queryFlags,
    });
    const recordedSeries = await prom.query(`count({__name__=~".+:(rate1m|sum|count)"} @ ${end})`);
    const diskBytes = Number(execFileSync('du', ['-sb', withRules], { encoding: 'utf8' }).split('\t')[0]);
    log(`rules (${since().toFixed(0)} s): our dashboards and app pages...`);
    for (const key of keys) {
      ours.get(Dashboards[key].title)!.recorded = await run(dashboardJobs(key, pick, 'off', builtins));
    }
    for (const [page, jobs] of appJobs(pick, builtins, 'off')) {
      ours.get(page)!.recorded = await run(jobs);
    }

    console.log(
      `\nDashboards and app pages at scale: simulator generated mesh, ${workloads} workloads, ${figures.series} series ` +
        `(${labelsPerSeries} labels on an istio_requests_total series), ${span / 60} min of history at ${interval} s ` +
        `(${figures.samples} samples; remote-written in ${ingestSeconds.toFixed(0)} s); rules backfilled in ` +
        `${ruleSeconds.toFixed(0)} s (${recordedSeries[0]?.value[1]} recorded series; TSDB ${(diskBytes / 1e6).toFixed(0)} MB ` +
        `with them). Range queries over the last ${history / 60} min at step ${step} s, $__rate_interval ${rateInterval} s; ` +
        `instant queries at the end, $__range ${history} s. Service ${pick.service}, workload ` +
        `${pick.namespace}/${pick.workload}. Whole run ${since().toFixed(0)} s.`
    );
    console.log('Cells: samples read (stats=all totalQueryableSamples) / wall time of the HTTP query.');
    printScaleResults(istio, ours, interval);
  } finally {
    await prom?.stop();
    rmSync(root, { recursive: true, force: true });
  }
}

main().catch((err) => {
  console.error(err);
  process.exit(1);
});
