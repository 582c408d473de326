/**
 * Mesh graph query cost (the Graph page, the detail pages' graphs and the panel's Istio preset all send the same
 * grouped queries), each figure beside its baseline measured in the same run, on a real Prometheus (`stats=all`).
 * Run alone: node --import tsx bench/graph-cost.ts   (about 3 minutes; no browser, no build needed). Figures only.
 *
 * 1. Queries per refresh and samples read at 10, 100 and 500 namespaces (the harness's Istio fixture: 500 generated
 *    namespaces, a frontend calling a backend in each, scraped every 2 s), against the per-namespace pattern of Kiali
 *    and of this panel's preset before the model change (12 queries per namespace + 1 for idle nodes).
 * 2. The simulator's generated mesh at GRAPH_BENCH_SIM_SCALE workloads (default 1,000: 100 namespaces of 10 services,
 *    scraped every 5 s), every namespace selected: each query's samples over 1 h at a 15 s scrape, then × the ratio of
 *    the series it selects at 5,000 workloads to those at the measured scale (both counted from simulator scrapes), beside
 *    the p95 written as Kiali writes it (`rate(bucket[range])`), against Prometheus's `--query.max-samples` (50 M).
 *
 * Samples per query: a + b × (range / scrape), fitted from two range lengths (b: range-vector series, a: instant
 * reads), so the 1 h figures are extrapolated from short ranges; the fixture's time is the bench's, not an hour's.
 */
import './lib/meshgraph-globals';
import { get } from 'node:http';
import { loadavg } from 'node:os';
import { startIstioFixture } from '../tests/harness/istioFixture';
import { startSimulator } from '../tests/integration/simulator.lib';
import { scrapeConfig, startPrometheus } from '../tests/lib/prometheus';
import { pollUntil } from '../tests/lib/poll';
import { idleDeploymentsQuery, istioPresetTargets, type PresetTarget } from '../src/shared/istio/graphQueries';
import { graphTargets } from '../src/app/pages/graph/model/graphOptions';
import { printTable } from './run';

const NAMESPACES = [10, 100, 500];
const HOUR_SAMPLES = 3600 / 15;
const MAX_SAMPLES = 50_000_000;
const TARGET_WORKLOADS = 5000;
const SIM_SCALE = Number(process.env.GRAPH_BENCH_SIM_SCALE ?? 1000);
/** Simulated seconds before the first scrape: every hop of the 4-layer mesh has traffic (one tick per hop). */
const WARMUP_S = 30;
const P95_AS_KIALI = 'p95 as Kiali: rate(bucket[1h])';

const fmt = (n: number) => Math.round(n).toLocaleString('en');
const load = () => loadavg().map((l) => l.toFixed(2)).join(', ');
const sleep = (ms: number) => new Promise((ok) => setTimeout(ok, ms));

interface Source {
  url: string;
  scrapeS: number;
  rangesS: [number, number];
}

async function samplesOf(src: Source, expr: string, rangeS: number): Promise<number> {
  const query = expr.replaceAll('$__range', `${rangeS}s`).replaceAll('$__interval', `${src.scrapeS}s`);
  const params = new URLSearchParams({ query, time: String(Math.floor(Date.now() / 1000)), stats: 'all' });
  const res = await fetch(`${src.url}/api/v1/query`, { method: 'POST', body: params });
  const body = (await res.json()) as { status: string; error?: string; data?: { stats?: { samples?: { totalQueryableSamples?: number } } } };
  if (body.status !== 'success') {
    throw new Error(`${body.error}: ${query}`);
  }
  const samples = body.data?.stats?.samples?.totalQueryableSamples;
  if (samples === undefined) {
    throw new Error(`Prometheus returned no stats for ${query}`);
  }
  return samples;
}

/** Samples one query reads: over the longer measured range, and over 1 h at a 15 s scrape. */
async function cost(src: Source, expr: string): Promise<{ window: number; hour: number }> {
  const [r1, r2] = src.rangesS;
  const [s1, s2] = [await samplesOf(src, expr, r1), await samplesOf(src, expr, r2)];
  const b = Math.max(0, (s1 - s2) / ((r1 - r2) / src.scrapeS));
  const a = Math.max(0, s1 - (b * r1) / src.scrapeS);
  return { window: s1, hour: a + b * HOUR_SAMPLES };
}

/** Total cost of many queries, four in flight (a refresh sends them in parallel too). */
async function totalCost(src: Source, exprs: string[]): Promise<{ window: number; hour: number; heaviest: number }> {
  const total = { window: 0, hour: 0, heaviest: 0 };
  for (let i = 0; i < exprs.length; i += 4) {
    for (const c of await Promise.all(exprs.slice(i, i + 4).map((e) => cost(src, e)))) {
      total.window += c.window;
      total.hour += c.hour;
      total.heaviest = Math.max(total.heaviest, c.hour);
    }
  }
  return total;
}

/** Before: the preset's queries for one namespace at a time (Kiali's pattern), and the idle-node query once. */
function perNamespaceTargets(namespaces: string[]): string[] {
  return [idleDeploymentsQuery(namespaces), ...namespaces.flatMap((ns) => istioPresetTargets({ namespaces: [ns] }).map((t) => t.expr))];
}

async function byNamespaces() {
  const fixture = await startIstioFixture({ generatedNamespaces: 500 });
  const src: Source = { url: '', scrapeS: 2, rangesS: [30, 16] };
  const prom = await startPrometheus(scrapeConfig('graph-cost', [fixture.target], `${src.scrapeS}s`));
  src.url = prom.url;
  try {
    await pollUntil(async () => ((await prom.query('count(istio_requests_total)')).length > 0 ? true : undefined), 'the first scrape', 60_000);
    await sleep((src.rangesS[0] + 2 * src.scrapeS) * 1000);
    const rows: string[][] = [];
    for (const n of NAMESPACES) {
      const namespaces = fixture.namespaces.filter((ns) => ns.startsWith('gen-')).slice(0, n);
      const grouped = graphTargets(namespaces, []).map((t) => t.expr);
      const before = perNamespaceTargets(namespaces);
      const [g, b] = [await totalCost(src, grouped), await totalCost(src, before)];
      rows.push([String(n), String(grouped.length), fmt(g.window), fmt(g.hour), String(before.length), fmt(b.window), fmt(b.hour)]);
    }
    printTable(
      `Mesh graph queries per refresh and samples read, grouped (now) vs per namespace (Kiali's pattern, the preset before); Istio fixture, ${src.rangesS[0]} s range @ ${src.scrapeS} s scrape and 1 h @ 15 s (extrapolated); load average ${load()}`,
      ['namespaces', 'queries', `samples ${src.rangesS[0]} s`, 'samples 1 h', 'queries before', `samples ${src.rangesS[0]} s before`, 'samples 1 h before'],
      rows
    );
  } finally {
    await prom.stop();
    await fixture.close();
  }
}

/** Series per metric family and reporter in one scrape of the simulator. */
function countSeries(url: string): Promise<Map<string, number>> {
  return new Promise((resolve, reject) => {
    const counts = new Map<string, number>();
    let rest = '';
    get(url, { headers: { Accept: 'text/plain;version=0.0.4' } }, (res) => {
      res.setEncoding('utf8');
      res.on('data', (chunk: string) => {
        const lines = (rest + chunk).split('\n');
        rest = lines.pop() ?? '';
        for (const line of lines) {
          if (line.startsWith('#') || line === '') {
            continue;
          }
          const brace = line.indexOf('{');
          const name = brace === -1 ? line.split(' ')[0] : line.slice(0, brace);
          const reporter = /reporter="(\w+)"/.exec(line)?.[1] ?? '';
          const key = `${name}|${reporter}`;
          counts.set(key, (counts.get(key) ?? 0) + 1);
        }
      });
      res.on('end', () => resolve(counts));
      res.on('error', reject);
    }).on('error', reject);
  });
}

/** The series a query selects when every namespace is selected: all of its metric and reporters (the worst case). */
function selectedSeries(counts: Map<string, number>, expr: string): number {
  const metric = /(istio_[a-z_]+_bucket|istio_[a-z_]+|kube_deployment_labels)/.exec(expr)?.[1] ?? '';
  const m = /reporter=~"waypoint\|(\w+)"/.exec(expr) ?? /reporter="(\w+)"/.exec(expr);
  const keys = [...counts.keys()].filter((k) => k.split('|')[0] === metric);
  const reporters = m ? (expr.includes('reporter=~') ? ['waypoint', m[1]] : [m[1]]) : keys.map((k) => k.split('|')[1]);
  return reporters.reduce((sum, r) => sum + (counts.get(`${metric}|${r}`) ?? 0), 0);
}

async function simulatorAtScale() {
  const big = await startSimulator(['--topology', 'generated', '--scale', String(TARGET_WORKLOADS), '--seed', '7', '--warmup', String(WARMUP_S)]);
  const countsAtTarget = await countSeries(`${big.url}/metrics`).finally(() => big.stop());
  const sim = await startSimulator(['--topology', 'generated', '--scale', String(SIM_SCALE), '--seed', '7', '--warmup', String(WARMUP_S)]);
  const src: Source = { url: '', scrapeS: 5, rangesS: [60, 30] };
  const prom = await startPrometheus(scrapeConfig('graph-cost-sim', [sim.target], `${src.scrapeS}s`));
  src.url = prom.url;
  try {
    // Counted at the same simulated age as the 5,000-workload mesh.
    const counts = await countSeries(`${sim.url}/metrics`);
    await pollUntil(async () => ((await prom.query('count(istio_requests_total)')).length > 0 ? true : undefined), 'the first scrape', 120_000);
    await sleep((src.rangesS[0] + 2 * src.scrapeS) * 1000);
    const res = await fetch(`${prom.url}/api/v1/label/destination_workload_namespace/values`);
    const namespaces = ((await res.json()) as { data: string[] }).data.filter((ns) => ns !== 'unknown');
    const targets: Array<Pick<PresetTarget, 'refId' | 'expr'>> = graphTargets(namespaces, []);
    const p95 = targets.find((t) => t.refId.startsWith('responseTime inbound'));
    if (!p95) {
      throw new Error('the graph queries have no inbound response time');
    }
    // Kiali's form of the same p95: every bucket sample of the range.
    const bucket = /istio_request_duration_milliseconds_bucket\{[^}]*\}/.exec(p95.expr)?.[0];
    const by = /by \((le,[^)]*)\)/.exec(p95.expr)?.[1];
    targets.push({ refId: P95_AS_KIALI, expr: `histogram_quantile(0.95, sum(rate(${bucket}[$__range])) by (${by})) > 0` });
    const rows: string[][] = [];
    const refresh = { hour: 0, extrapolated: 0 };
    for (const t of targets) {
      const { hour } = await cost(src, t.expr);
      const [nowSeries, atTarget] = [selectedSeries(counts, t.expr), selectedSeries(countsAtTarget, t.expr)];
      const extrapolated = nowSeries === 0 ? hour : (hour * atTarget) / nowSeries;
      if (t.refId !== P95_AS_KIALI) {
        refresh.hour += hour;
        refresh.extrapolated += extrapolated;
      }
      rows.push([t.refId.replace(/ \d+$/, ''), fmt(nowSeries), fmt(hour), fmt(atTarget), fmt(extrapolated), extrapolated <= MAX_SAMPLES ? 'yes' : 'NO']);
    }
    rows.push([`one refresh (${targets.length - 1} queries)`, '', fmt(refresh.hour), '', fmt(refresh.extrapolated), refresh.extrapolated <= MAX_SAMPLES ? 'yes' : 'NO']);
    printTable(
      `Simulator's generated mesh at ${fmt(SIM_SCALE)} workloads (${namespaces.length} namespaces, all selected) through a real Prometheus, 1 h @ 15 s; extrapolated to ${fmt(TARGET_WORKLOADS)} workloads by the series each query selects; load average ${load()}`,
      ['query', `series @ ${fmt(SIM_SCALE)}`, `samples 1 h @ ${fmt(SIM_SCALE)}`, `series @ ${fmt(TARGET_WORKLOADS)}`, `samples 1 h @ ${fmt(TARGET_WORKLOADS)}`, `≤ ${fmt(MAX_SAMPLES)}`],
      rows
    );
  } finally {
    await prom.stop();
    await sim.stop();
  }
}

async function main() {
  console.log(`load average at start: ${load()}`);
  await byNamespaces();
  await simulatorAtScale();
}

main().catch((e) => {
  console.error(e);
  process.exitCode = 1;
});
