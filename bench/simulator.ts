/**
 * Simulator bench: starts the real CLI on the generated mesh at several scales, scrapes /metrics
 * like Prometheus does (whole, then as 8 shards) and prints bytes, series, scrape time (median of
 * several whole scrapes) and the simulator's RSS. Figures only, no pass/fail:
 * run `node --import tsx bench/simulator.ts`.
 */
import { spawn } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { get } from 'node:http';
import { join } from 'node:path';
import { freePort } from '../tests/lib/prometheus';

// "5000@384" would run the same mesh with V8's old space capped at 384 MB.
const SCALES = (process.env.SIM_BENCH_SCALES ?? '500,2000,5000').split(',');
const SHARDS = 8;
const RUNS = Number(process.env.SIM_BENCH_RUNS ?? 5);
const ROOT = join(__dirname, '..');
const ACCEPT = 'application/openmetrics-text;version=1.0.0,text/plain;version=0.0.4;q=0.5';

interface Row {
  scale: string;
  startSeconds: number;
  bytes: number;
  series: number;
  scrapeMs: number;
  fastestMs: number;
  cpuMs: number;
  clientMs: number;
  slowestMs: number;
  shardMs: number;
  readyMb: number;
  rssMb: number;
  peakMb: number;
}

/**
 * One scrape through node:http (a thin client; fetch's web streams cost more CPU than the server
 * on this 2-core machine). With `count`, also counts lines and comment lines, in bytes; the timed
 * scrapes skip that, as the client's own work competes with the server for the same two cores.
 */
function scrape(url: string, count = false): Promise<{ bytes: number; series: number; ms: number }> {
  return new Promise((resolve, reject) => {
    const t0 = performance.now();
    let bytes = 0;
    let lines = 0;
    let comments = 0;
    let lastByte = 10;
    const req = get(url, { headers: { Accept: ACCEPT } }, (res) => {
      res.on('data', (buf: Buffer) => {
        bytes += buf.length;
        if (!count) {
          return;
        }
        if (lastByte === 10 && buf[0] === 35) {
          comments++;
        }
        for (let i = buf.indexOf(10); i !== -1; i = buf.indexOf(10, i + 1)) {
          lines++;
          if (buf[i + 1] === 35) {
            comments++;
          }
        }
        lastByte = buf[buf.length - 1];
      });
      res.on('end', () => resolve({ bytes, series: lines - comments, ms: performance.now() - t0 }));
      res.on('error', reject);
    });
    req.on('error', reject);
  });
}

/** CPU seconds (user + system) the process has used so far, from /proc/<pid>/stat (100 ticks a second). */
function cpuSeconds(pid: number): number {
  const fields = readFileSync(`/proc/${pid}/stat`, 'utf8').split(') ')[1].split(' ');
  return (Number(fields[11]) + Number(fields[12])) / 100;
}

function memory(pid: number): { rss: number; peak: number } {
  const status = readFileSync(`/proc/${pid}/status`, 'utf8');
  const kb = (key: string) => Number(new RegExp(`${key}:\\s+(\\d+)`).exec(status)?.[1] ?? 0);
  return { rss: kb('VmRSS') / 1024, peak: kb('VmHWM') / 1024 };
}

async function measure(spec: string): Promise<Row> {
  const [scale, heapMb] = spec.split('@');
  const nodeFlags = heapMb ? [`--max-old-space-size=${heapMb}`] : [];
  const port = await freePort();
  const t0 = performance.now();
  const proc = spawn(
    process.execPath,
    [
      ...nodeFlags,
      '--import',
      'tsx',
      'simulator/main.ts',
      '--topology',
      'generated',
      '--scale',
      scale,
      '--warmup',
      '30',
      '--host',
      '127.0.0.1',
      '--port',
      String(port),
    ],
    { cwd: ROOT, stdio: ['ignore', 'ignore', 'pipe'] }
  );
  let stderr = '';
  proc.stderr?.on('data', (d) => (stderr += d));
  try {
    const base = `http://127.0.0.1:${port}`;
    let exit: number | null = null;
    proc.on('exit', (code) => (exit = code ?? -1));
    for (;;) {
      if (exit !== null) {
        throw new Error(`simulator exited with ${exit} at scale ${scale}:\n${stderr}`);
      }
      try {
        if ((await fetch(`${base}/-/ready`)).ok) {
          break;
        }
      } catch {
        // starting
      }
      await new Promise((r) => setTimeout(r, 200));
    }
    const startSeconds = (performance.now() - t0) / 1000;
    const ready = memory(proc.pid!);
    // Also warms prom-client's label caches and the JIT, as Prometheus' first scrape would.
    const counted = await scrape(`${base}/metrics`, true);
    const runs: Array<Awaited<ReturnType<typeof scrape>>> = [];
    const cpu0 = cpuSeconds(proc.pid!);
    const wall0 = performance.now();
    const client0 = process.cpuUsage();
    for (let i = 0; i < RUNS; i++) {
      runs.push(await scrape(`${base}/metrics`));
    }
    const client = process.cpuUsage(client0);
    const clientMs = (client.user + client.system) / 1000 / RUNS;
    // The simulator's CPU per scrape, less sensitive to a shared machine than wall time. It includes
    // the ticks that ran meanwhile, so their share (measured idle, below) is taken out.
    const scrapeCpu = cpuSeconds(proc.pid!) - cpu0;
    const wallSeconds = (performance.now() - wall0) / 1000;
    const idle0 = cpuSeconds(proc.pid!);
    await new Promise((r) => setTimeout(r, 3000));
    const idlePerSecond = (cpuSeconds(proc.pid!) - idle0) / 3;
    const cpuMs = ((scrapeCpu - idlePerSecond * wallSeconds) / RUNS) * 1000;
    const sorted = [...runs].sort((a, b) => a.ms - b.ms);
    const median = sorted[Math.floor(sorted.length / 2)];
    // Shards one after another, as Prometheus would spread N shard targets over the interval.
    let shardMs = 0;
    for (let i = 0; i < SHARDS; i++) {
      shardMs = Math.max(shardMs, (await scrape(`${base}/metrics?shard=${i}&shards=${SHARDS}`)).ms);
    }
    const mem = memory(proc.pid!);
    return {
      scale: heapMb
        ? `${Number(scale).toLocaleString('en')} (heap cap ${heapMb} MB)`
        : Number(scale).toLocaleString('en'),
      startSeconds,
      bytes: counted.bytes,
      series: counted.series,
      scrapeMs: median.ms,
      fastestMs: sorted[0].ms,
      cpuMs,
      clientMs,
      slowestMs: sorted[sorted.length - 1].ms,
      shardMs,
      readyMb: ready.rss,
      rssMb: mem.rss,
      peakMb: mem.peak,
    };
  } finally {
    proc.kill('SIGTERM');
  }
}

async function main(): Promise<void> {
  const rows: Row[] = [];
  for (const scale of SCALES) {
    rows.push(await measure(scale));
    process.stderr.write(`measured ${scale} workloads\n`);
  }
  const header = [
    'workloads',
    'start (s)',
    'scrape bytes',
    'series',
    `scrape, median of ${RUNS} (ms)`,
    'fastest-slowest (ms)',
    'simulator CPU per scrape (ms)',
    'bench client CPU per scrape (ms)',
    `slowest of ${SHARDS} shards (ms)`,
    'RSS ready (MB)',
    'RSS after (MB)',
    'peak RSS (MB)',
  ];
  const body = rows.map((r) => [
    r.scale,
    r.startSeconds.toFixed(1),
    `${(r.bytes / 1e6).toFixed(1)} MB`,
    r.series.toLocaleString('en'),
    r.scrapeMs.toFixed(0),
    `${r.fastestMs.toFixed(0)}-${r.slowestMs.toFixed(0)}`,
    r.cpuMs.toFixed(0),
    r.clientMs.toFixed(0),
    r.shardMs.toFixed(0),
    r.readyMb.toFixed(0),
    r.rssMb.toFixed(0),
    r.peakMb.toFixed(0),
  ]);
  console.log(
    '\nMesh simulator: one scrape of the generated mesh (OpenMetrics, 30 s warm-up; goal < 1 s and < 500 MB)\n'
  );
  console.log(`| ${header.join(' | ')} |\n|${header.map(() => '---').join('|')}|`);
  for (const row of body) {
    console.log(`| ${row.join(' | ')} |`);
  }
}

main().catch((err) => {
  console.error(err);
  process.exit(1);
});
