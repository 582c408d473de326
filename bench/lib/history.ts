/**
 * History for the dashboards-at-scale bench: the simulator's mesh stepped through simulated time, written as
 * OpenMetrics text with a timestamp on every sample, then turned into TSDB blocks by
 * `promtool tsdb create-blocks-from openmetrics` (one file and one promtool run per slice of steps, so the text on
 * disk stays a few GB at most). What a Prometheus scraping the simulator every `stepSeconds` would have stored.
 */
import { execFileSync } from 'node:child_process';
import { createServer, type Server } from 'node:http';
import { closeSync, openSync, rmSync, statSync, writeSync } from 'node:fs';
import { join } from 'node:path';
import { parseFlags } from '../../simulator/cli/flags';
import { Engine } from '../../simulator/engine/engine';
import { exposition } from '../../simulator/metrics/exposition';
import { infraMetrics } from '../../simulator/metrics/infra';
import { kubeStateMetrics } from '../../simulator/metrics/kubeState';
import { seededRandom } from '../../simulator/model/random';
import { loadTopology } from '../../simulator/topology/load';

/**
 * The simulator's engine with its infra and kube-state families, as `simulator/main.ts` builds it (that module starts
 * a server when imported, so the few lines are repeated here); no faults or control-API changes.
 */
export function simulatorEngine(args: string[], startMs: number): Engine {
  const flags = parseFlags(args);
  const engine = new Engine(loadTopology(flags.topology, { seed: flags.seed, scale: flags.scale }), {
    seed: flags.seed,
    daySeconds: flags.daySeconds,
    startMs,
  });
  const infra = infraMetrics(engine.store, engine.mesh.workloads, seededRandom(flags.seed + 1));
  const kubeState = kubeStateMetrics(engine.store, engine.mesh);
  const tick = engine.tick.bind(engine);
  engine.tick = (dt, now) => {
    tick(dt, now);
    infra(dt);
    kubeState(dt);
  };
  return engine;
}

export interface HistoryOptions {
  /** Simulator flags, e.g. ['--topology', 'generated', '--scale', '5000', '--seed', '7']. */
  simulatorArgs: string[];
  /** Last sample time (ms). */
  endMs: number;
  historySeconds: number;
  stepSeconds: number;
  /** Steps written per OpenMetrics file (one promtool run each). */
  stepsPerFile: number;
  /** Directory the TSDB blocks go to (Prometheus' data dir). */
  blocksDir: string;
  /** Scratch directory for the OpenMetrics text. */
  workDir: string;
  /** Extra labels on every series, as a scrape would add them (job, instance). */
  targetLabels: Record<string, string>;
  log?: (line: string) => void;
}

export interface HistoryFigures {
  steps: number;
  samples: number;
  textBytes: number;
  generateSeconds: number;
  promtoolSeconds: number;
  blockBytes: number;
}

function duBytes(dir: string): number {
  return Number(execFileSync('du', ['-sb', dir], { encoding: 'utf8' }).split('\t')[0]);
}

/**
 * Writes the complete lines of `chunk` (after what was left over from the previous chunk) with the target labels
 * added and ` <seconds>` appended, comments dropped; returns the samples written.
 */
function appendLines(fd: number, chunk: string, seconds: string, extra: string, carry: { rest: string }): number {
  const text = carry.rest + chunk;
  const lastNewline = text.lastIndexOf('\n');
  carry.rest = text.slice(lastNewline + 1);
  let out = '';
  let samples = 0;
  let start = 0;
  while (start < lastNewline) {
    const end = text.indexOf('\n', start);
    const line = text.slice(start, end);
    start = end + 1;
    if (line.length === 0 || line.charCodeAt(0) === 35 /* # */) {
      continue;
    }
    const brace = line.indexOf('{');
    const space = line.indexOf(' ');
    out +=
      brace >= 0 && brace < space
        ? `${line.slice(0, brace + 1)}${extra},${line.slice(brace + 1)} ${seconds}\n`
        : `${line.slice(0, space)}{${extra}}${line.slice(space)} ${seconds}\n`;
    samples++;
    if (out.length > 1 << 22) {
      writeSync(fd, out);
      out = '';
    }
  }
  if (out) {
    writeSync(fd, out);
  }
  return samples;
}

export async function writeHistory(o: HistoryOptions): Promise<HistoryFigures> {
  const log = o.log ?? (() => undefined);
  const steps = Math.floor(o.historySeconds / o.stepSeconds) + 1;
  const startMs = o.endMs - (steps - 1) * o.stepSeconds * 1000;
  const engine = simulatorEngine(o.simulatorArgs, startMs);
  // Warm-up so every series exists with plausible counts before the first sample.
  for (let s = 60; s > 0; s--) {
    engine.tick(1, startMs - s * 1000);
  }
  const extra = Object.entries(o.targetLabels)
    .map(([k, v]) => `${k}="${v}"`)
    .join(',');
  const figures: HistoryFigures = {
    steps,
    samples: 0,
    textBytes: 0,
    generateSeconds: 0,
    promtoolSeconds: 0,
    blockBytes: 0,
  };
  for (let first = 0; first < steps; first += o.stepsPerFile) {
    const file = join(o.workDir, `slice-${first}.om`);
    const fd = openSync(file, 'w');
    const t0 = process.hrtime.bigint();
    for (let i = first; i < Math.min(steps, first + o.stepsPerFile); i++) {
      const nowMs = startMs + i * o.stepSeconds * 1000;
      if (i > 0) {
        // One engine tick per sample interval: counters move by rate × interval (ticking every simulated second
        // would cost minutes of CPU per step at 5,000 workloads).
        engine.tick(o.stepSeconds, nowMs);
      }
      const seconds = (nowMs / 1000).toFixed(3);
      const carry = { rest: '' };
      for await (const chunk of exposition(engine.store, false).chunks()) {
        figures.samples += appendLines(fd, chunk.toString('utf8'), seconds, extra, carry);
      }
    }
    writeSync(fd, '# EOF\n');
    closeSync(fd);
    figures.generateSeconds += Number(process.hrtime.bigint() - t0) / 1e9;
    figures.textBytes += statSync(file).size;
    const t1 = process.hrtime.bigint();
    execFileSync('promtool', ['tsdb', 'create-blocks-from', 'openmetrics', file, o.blocksDir], { stdio: 'pipe' });
    figures.promtoolSeconds += Number(process.hrtime.bigint() - t1) / 1e9;
    rmSync(file);
    log(`  history: steps ${first}..${Math.min(steps, first + o.stepsPerFile) - 1} of ${steps} written and converted`);
  }
  figures.blockBytes = duBytes(o.blocksDir);
  return figures;
}

export interface ReplayServer {
  /** host:port to scrape. */
  target: string;
  /** Resolves when the last step has been served once. */
  done: Promise<void>;
  /** Steps served so far. */
  served(): number;
  close(): void;
}

/**
 * Serves the history as a scrape target instead of files: the k-th scrape gets step k (Prometheus text with a
 * millisecond timestamp on every sample, so Prometheus stores them at those times; `honor_timestamps` is on by
 * default), later scrapes the last step again (duplicates are dropped). Prometheus ingests a scrape far faster
 * than promtool converts the same OpenMetrics text, and nothing large is written to disk.
 */
export async function replayHistory(
  o: Omit<HistoryOptions, 'stepsPerFile' | 'blocksDir' | 'workDir' | 'targetLabels'>,
  port: number
): Promise<ReplayServer> {
  const steps = Math.floor(o.historySeconds / o.stepSeconds) + 1;
  const startMs = o.endMs - (steps - 1) * o.stepSeconds * 1000;
  const engine = simulatorEngine(o.simulatorArgs, startMs);
  for (let s = 60; s > 0; s--) {
    engine.tick(1, startMs - s * 1000);
  }
  let served = 0;
  let ticked = 0;
  let finish: () => void = () => undefined;
  const done = new Promise<void>((resolve) => (finish = resolve));
  const server: Server = createServer(async (_req, res) => {
    const step = Math.min(served, steps - 1);
    if (step > ticked) {
      engine.tick(o.stepSeconds, startMs + step * o.stepSeconds * 1000);
      ticked = step;
    }
    const ms = String(startMs + step * o.stepSeconds * 1000);
    res.writeHead(200, { 'Content-Type': 'text/plain; version=0.0.4' });
    const carry = { rest: '' };
    for await (const chunk of exposition(engine.store, false).chunks()) {
      const text = carry.rest + chunk.toString('utf8');
      const last = text.lastIndexOf('\n');
      carry.rest = text.slice(last + 1);
      const body = text.slice(0, last + 1).replace(/^([^#\n][^\n]*)$/gm, `$1 ${ms}`);
      if (!res.write(body)) {
        await new Promise((r) => {
          res.once('drain', r);
          res.once('close', r);
        });
      }
      if (res.destroyed) {
        // Prometheus gave up (scrape timeout): the step is served again on the next scrape.
        o.log?.(`  replay: scrape of step ${step + 1} abandoned by the client`);
        return;
      }
    }
    res.end();
    served++;
    o.log?.(`  replay: served step ${step + 1} of ${steps}`);
    if (served === steps) {
      finish();
    }
  });
  await new Promise<void>((resolve) => server.listen(port, '127.0.0.1', resolve));
  return { target: `127.0.0.1:${port}`, done, served: () => served, close: () => server.close() };
}
