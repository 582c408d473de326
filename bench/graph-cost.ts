/**
 * Mesh graph query cost (the Graph page, the detail pages' graphs and the panel's Istio preset all send the same
 * grouped queries): queries per refresh and samples Prometheus reads at 10, 100 and 500 namespaces, then an estimate
 * of the heaviest query at 5,000 workloads over 1 h against Prometheus's default `--query.max-samples` (50 M).
 * Run alone: node --import tsx bench/graph-cost.ts   (about a minute; no browser, no build needed). Figures only.
 *
 * Measured: a real Prometheus scraping the harness's Istio fixture with 500 generated namespaces (a frontend calling
 * a backend in each), every query with `stats=all`, at two range lengths; samples = a + b × (range / scrape), so the
 * per-query figures extrapolate to 1 h at a 15 s scrape (b: range-vector series, a: instant reads).
 * Estimated: the series each query selects at 5,000 workloads, counted per metric family and reporter in one scrape
 * of the simulator's generated mesh (`--scale 5000`), times the samples each series costs over 1 h at 15 s.
 */
import { get } from 'node:http';
import { startIstioFixture } from '../tests/harness/istioFixture';
import { startSimulator } from '../tests/integration/simulator.lib';
import { scrapeConfig, startPrometheus } from '../tests/lib/prometheus';
import { pollUntil } from '../tests/lib/poll';
import { istioPresetTargets, type PresetTarget } from '../src/shared/istio/graphQueries';
import { graphTargets } from '../src/app/pages/graph/model/graphOptions';
import { printTable } from './run';

const NAMESPACES = [10, 100, 500];
const SCRAPE_S = 2;
const RANGES_S = [30, 16];
const HOUR_SAMPLES = 3600 / 15;
const MAX_SAMPLES = 50_000_000;
const WORKLOADS = Number(process.env.GRAPH_BENCH_WORKLOADS ?? 5000);

const fmt = (n: number) => Math.round(n).toLocaleString('en');

async function samplesOf(url: string, expr: string, rangeS: number): Promise<number> {
  const params = new URLSearchParams({ query: expr.replaceAll('$__range', `${rangeS}s`).replaceAll('$__interval', `${SCRAPE_S}s`), time: String(Math.floor(Date.now() / 1000)), stats: 'all' });
  const res = await fetch(`${url}/api/v1/query`, { method: 'POST', body: params });
  const body = (await res.json()) as { status: string; error?: string; data?: { stats?: { samples?: { totalQueryableSamples?: number } } } };
  if (body.status !== 'success') {
    throw new Error(`${body.error}: ${expr}`);
  }
  return body.data?.stats?.samples?.totalQueryableSamples ?? NaN;
}

/** Per query: instant reads `a` and range-vector series `b`, from two range lengths. */
async function fit(url: string, t: PresetTarget): Promise<{ a: number; b: number }> {
  const [r1, r2] = RANGES_S;
  const [s1, s2] = [await samplesOf(url, t.expr, r1), await samplesOf(url, t.expr, r2)];
  const b = Math.max(0, (s1 - s2) / ((r1 - r2) / SCRAPE_S));
  return { a: Math.max(0, s1 - (b * r1) / SCRAPE_S), b };
}

async function measured() {
  const fixture = await startIstioFixture({ generatedNamespaces: 500 });
  const prom = await startPrometheus(scrapeConfig('graph-cost', [fixture.target], `${SCRAPE_S}s`));
  try {
    // Enough scrapes for the longer range to be full.
    await pollUntil(async () => ((await prom.query('count(istio_requests_total)')).length > 0 ? true : undefined), 'the first scrape', 60_000);
    await new Promise((ok) => setTimeout(ok, (RANGES_S[0] + 2 * SCRAPE_S) * 1000));
    const rows: string[][] = [];
    for (const n of NAMESPACES) {
      const namespaces = fixture.namespaces.filter((ns) => ns.startsWith('gen-')).slice(0, n);
      const targets = graphTargets(namespaces, []);
      let window = 0;
      let hour = 0;
      let heaviest = { name: '', samples: 0 };
      for (const t of targets) {
        const { a, b } = await fit(prom.url, t);
        window += a + (b * RANGES_S[0]) / SCRAPE_S;
        const h = a + b * HOUR_SAMPLES;
        hour += h;
        if (h > heaviest.samples) {
          heaviest = { name: t.refId.replace(/ \d+$/, ''), samples: h };
        }
      }
      const perNamespace = 12 * n + 1;
      rows.push([String(n), String(targets.length), String(perNamespace), fmt(window), fmt(hour), `${fmt(heaviest.samples)} (${heaviest.name})`]);
    }
    printTable(
      `Mesh graph queries per refresh and samples read (Istio fixture: 500 namespaces, ${fixture.namespaces.length - 500} others; measured with stats=all)`,
      ['namespaces', 'queries', 'before (12/namespace + 1)', `samples, ${RANGES_S[0]} s range @ ${SCRAPE_S} s`, 'samples, 1 h @ 15 s (extrapolated)', 'heaviest query, 1 h'],
      rows
    );
  } finally {
    await prom.stop();
    await fixture.close();
  }
}

/** Series per metric family and reporter in one scrape of the simulator's generated mesh. */
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

async function estimated() {
  const sim = await startSimulator(['--topology', 'generated', '--scale', String(WORKLOADS), '--seed', '7']);
  try {
    const counts = await countSeries(`${sim.url}/metrics`);
    const series = (metric: string, reporters: string[]) => reporters.reduce((sum, r) => sum + (counts.get(`${metric}|${r}`) ?? 0), 0);
    // Every namespace selected: each query's selector matches every series of its metric and reporters (the worst case).
    const all = [...new Set([...counts.keys()].filter((k) => k.startsWith('istio_requests_total|')).map((k) => k.split('|')[1]))];
    const rows: string[][] = [];
    const targets = istioPresetTargets({ namespaces: ['every'], idleNodes: true });
    for (const t of targets) {
      const metric = /(istio_[a-z_]+|kube_deployment_labels)/.exec(t.expr)?.[1] ?? '';
      const reporters = /reporter=~"waypoint\|destination"/.test(t.expr) ? ['waypoint', 'destination'] : /reporter=~"waypoint\|source"/.test(t.expr) ? ['waypoint', 'source'] : /reporter="(\w+)"/.exec(t.expr)?.slice(1) ?? (metric === 'kube_deployment_labels' ? [''] : all);
      const n = series(metric, reporters);
      const bucketIncrease = t.expr.includes(' offset $__range');
      const perSeries = metric === 'kube_deployment_labels' ? 1 : bucketIncrease ? 4 : HOUR_SAMPLES;
      const samples = n * perSeries;
      rows.push([t.refId.replace(/ \d+$/, ''), metric, fmt(n), String(perSeries), fmt(samples), samples <= MAX_SAMPLES ? 'yes' : 'NO']);
    }
    const bucketSeries = series('istio_request_duration_milliseconds_bucket', ['waypoint', 'destination']);
    rows.push(['(p95 as rate(bucket[1h]), for contrast)', 'istio_request_duration_milliseconds_bucket', fmt(bucketSeries), String(HOUR_SAMPLES), fmt(bucketSeries * HOUR_SAMPLES), bucketSeries * HOUR_SAMPLES <= MAX_SAMPLES ? 'yes' : 'NO']);
    printTable(
      `Estimate at ${WORKLOADS.toLocaleString('en')} workloads over 1 h at a 15 s scrape (series from one scrape of the simulator's generated mesh), every namespace selected`,
      ['query', 'metric', 'series selected', 'samples per series', 'samples', `≤ ${fmt(MAX_SAMPLES)}`],
      rows
    );
  } finally {
    await sim.stop();
  }
}

async function main() {
  await measured();
  await estimated();
}

main().catch((e) => {
  console.error(e);
  process.exitCode = 1;
});
