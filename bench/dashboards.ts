/**
 * Query cost of the bundled dashboards against Istio's own, on the same synthetic mesh in a real Prometheus.
 * Runs alone: `node --import tsx bench/dashboards.ts [--workloads 500] [--warmup 40] [--scrape 5]` (use
 * `--workloads 5000 --scrape 15 --warmup 60` for the issue's 5,000-workload mesh: ~460k series, ~250 MB a scrape).
 *
 * For each dashboard it runs every query once the way Grafana would (range queries over the last 5 minutes at a
 * 15 s step, instant queries at now; All = `.*`, `$__rate_interval` = 1m) with Prometheus' `stats=all`, and prints
 * the number of queries, the summed evaluation time, the samples touched and the peak samples of the worst query
 * (Prometheus refuses a query whose peak exceeds --query.max-samples, 50,000,000 by default).
 * Figures depend on the machine and on how much data the warm-up accumulated; compare rows, not runs.
 */
import { createServer } from 'node:http';
import { generateDashboards } from '../dashboards-src/generate';
import { EDGES, linearMetrics, syntheticEdges } from '../tests/lib/istioFixture';
import { freePort, scrapeConfig, startPrometheus } from '../tests/lib/prometheus';
import { istioDashboardJobs, jobCosts, ourDashboardJobs, type QueryJob } from './lib/dashboardCost';

const DEFAULT_MAX_SAMPLES = 50_000_000;

function arg(name: string, fallback: number): number {
  const i = process.argv.indexOf(`--${name}`);
  return i > 0 ? Number(process.argv[i + 1]) : fallback;
}

interface Stats {
  queries: number;
  failed: number;
  evalSeconds: number;
  samples: number;
  peak: number;
}

interface Heavy {
  where: string;
  seconds: number;
  samples: number;
}

/** One dashboard's totals over the last 5 minutes at a 15 s step, and each answered query for the heaviest list. */
async function measure(url: string, name: string, jobs: QueryJob[]): Promise<{ stats: Stats; heavy: Heavy[] }> {
  const costs = await jobCosts(url, jobs, { end: Math.floor(Date.now() / 1000), rangeSeconds: 300, stepSeconds: 15 });
  const answered = costs.filter((c) => !c.cost.failed);
  return {
    stats: {
      queries: jobs.length,
      failed: costs.length - answered.length,
      evalSeconds: answered.reduce((sum, c) => sum + c.cost.evalSeconds, 0),
      samples: answered.reduce((sum, c) => sum + c.cost.samples, 0),
      peak: Math.max(0, ...answered.map((c) => c.cost.peak)),
    },
    heavy: answered.map((c) => ({ where: `${name} / ${c.job.panel}`, seconds: c.cost.evalSeconds, samples: c.cost.samples })),
  };
}

/** Our dashboards with All for filters, one service and workload picked, selector defaults. */
function ourJobs(pick: { service: string; namespace: string; workload: string }): Array<[string, QueryJob[]]> {
  return Object.entries(generateDashboards()).map(([key, dash]) => [`MeshLens ${key}`, ourDashboardJobs(dash, pick)]);
}

async function main() {
  const workloads = arg('workloads', 500);
  const warmup = arg('warmup', 40);
  const scrape = arg('scrape', 5);
  const render = linearMetrics([...EDGES, ...syntheticEdges(workloads)]);
  const started = Date.now();
  const port = await freePort();
  const server = createServer((req, res) => {
    res.writeHead(200, { 'Content-Type': 'text/plain; version=0.0.4' });
    res.end(render((Date.now() - started) / 1000 + 600));
  });
  await new Promise<void>((r) => server.listen(port, '127.0.0.1', r));
  const prom = await startPrometheus(scrapeConfig('istio', [`127.0.0.1:${port}`], `${scrape}s`));
  try {
    process.stderr.write(`${workloads} synthetic workloads; scraping every ${scrape} s for ${warmup} s...\n`);
    await new Promise((r) => setTimeout(r, warmup * 1000));
    const series = await prom.query('count({__name__=~".+"})');
    const pick = { service: 'app-1.ns-0.svc.cluster.local', namespace: 'ns-0', workload: 'app-1' };
    const rows: Array<[string, Stats]> = [];
    const heaviest: Heavy[] = [];
    for (const [name, jobs] of [...istioDashboardJobs(pick), ...ourJobs(pick)]) {
      const { stats, heavy } = await measure(prom.url, name, jobs);
      rows.push([name, stats]);
      heaviest.push(...heavy);
    }
    console.log(
      `\nDashboard query cost: ${workloads} workloads, ${series[0]?.value[1]} series, ${warmup} s of data, range 5m step 15s`
    );
    console.log(
      `${'dashboard'.padEnd(34)} ${'queries'.padStart(7)} ${'failed'.padStart(6)} ${'eval ms'.padStart(9)} ${'samples'.padStart(12)} ${'peak'.padStart(10)}  limit`
    );
    for (const [name, s] of rows) {
      const over = s.peak > DEFAULT_MAX_SAMPLES ? 'OVER' : 'ok';
      console.log(
        `${name.padEnd(34)} ${String(s.queries).padStart(7)} ${String(s.failed).padStart(6)} ${(s.evalSeconds * 1000).toFixed(1).padStart(9)} ${String(s.samples).padStart(12)} ${String(s.peak).padStart(10)}  ${over}`
      );
    }
    console.log('\nHeaviest single queries (eval ms, samples):');
    heaviest
      .sort((a, b) => b.seconds - a.seconds)
      .slice(0, 8)
      .forEach((h) =>
        console.log(`  ${(h.seconds * 1000).toFixed(1).padStart(9)} ${String(h.samples).padStart(10)}  ${h.where}`)
      );
  } finally {
    await prom.stop();
    server.close();
  }
}

main().catch((err) => {
  console.error(err);
  process.exit(1);
});
