import { spawn, type ChildProcess } from 'node:child_process';
import { copyFileSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { basename, join } from 'node:path';

export interface RunningPrometheus {
  url: string;
  port: number;
  /** Runs an instant query and returns the result vector. */
  query(expr: string): Promise<Array<{ metric: Record<string, string>; value: [number, string] }>>;
  /** Polls `expr` until it returns at least one series, or fails after `timeoutMs`. */
  waitForSeries(
    expr: string,
    timeoutMs?: number
  ): Promise<Array<{ metric: Record<string, string>; value: [number, string] }>>;
  stop(): Promise<void>;
}

export async function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.unref();
    server.on('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const address = server.address();
      const port = typeof address === 'object' && address ? address.port : 0;
      server.close(() => resolve(port));
    });
  });
}

export const PROMETHEUS_BIN = process.env.PROMETHEUS_BIN ?? '/usr/bin/prometheus';

export interface PrometheusOptions {
  /** Rule files to load (copied into the temp dir and listed under `rule_files`; the config must not list any). */
  ruleFiles?: string[];
  /** An existing TSDB directory to serve (kept on stop); by default a fresh temp one, removed on stop. */
  dataDir?: string;
  /** More command-line flags (e.g. `--web.enable-admin-api` for TSDB snapshots). */
  extraArgs?: string[];
}

/**
 * Starts the Debian `prometheus` binary on 127.0.0.1 with a temp data dir and the given scrape
 * config (YAML text), waits until /-/ready answers, and returns a handle whose stop() always
 * kills the process and removes the data dir. Rule files are evaluated at the config's evaluation_interval.
 */
export async function startPrometheus(
  scrapeConfigYaml: string,
  options: PrometheusOptions = {}
): Promise<RunningPrometheus> {
  const dir = mkdtempSync(join(tmpdir(), 'meshlens-prom-'));
  const configFile = join(dir, 'prometheus.yml');
  const rules = (options.ruleFiles ?? []).map((file, i) => {
    const copy = join(dir, `rules-${i}-${basename(file)}`);
    copyFileSync(file, copy);
    return copy;
  });
  if (rules.length > 0 && /^rule_files:/m.test(scrapeConfigYaml)) {
    rmSync(dir, { recursive: true, force: true });
    throw new Error('startPrometheus: the config already has rule_files; pass rules either there or in ruleFiles');
  }
  const ruleSection = rules.length > 0 ? `\nrule_files:\n${rules.map((r) => `  - '${r}'`).join('\n')}\n` : '';
  writeFileSync(configFile, scrapeConfigYaml + ruleSection);
  const port = await freePort();
  const url = `http://127.0.0.1:${port}`;
  let log = '';
  const proc: ChildProcess = spawn(
    PROMETHEUS_BIN,
    [
      `--config.file=${configFile}`,
      `--storage.tsdb.path=${options.dataDir ?? join(dir, 'data')}`,
      ...(options.dataDir ? ['--storage.tsdb.retention.time=3650d'] : []),
      ...(options.extraArgs ?? []),
      `--web.listen-address=127.0.0.1:${port}`,
      '--log.level=warn',
    ],
    { stdio: ['ignore', 'pipe', 'pipe'] }
  );
  proc.stdout?.on('data', (d) => (log += d));
  proc.stderr?.on('data', (d) => (log += d));
  let exited = false;
  proc.on('exit', () => (exited = true));

  const stop = async () => {
    if (!exited) {
      proc.kill('SIGTERM');
      await new Promise<void>((resolve) => {
        const timer = setTimeout(() => {
          proc.kill('SIGKILL');
          resolve();
        }, 5000);
        proc.on('exit', () => {
          clearTimeout(timer);
          resolve();
        });
      });
    }
    rmSync(dir, { recursive: true, force: true });
  };

  const deadline = Date.now() + 20_000;
  for (;;) {
    if (exited) {
      await stop();
      throw new Error(`prometheus exited before it was ready:\n${log}`);
    }
    try {
      const res = await fetch(`${url}/-/ready`);
      if (res.ok) {
        break;
      }
    } catch {
      // not listening yet
    }
    if (Date.now() > deadline) {
      await stop();
      throw new Error(`prometheus not ready after 20 s:\n${log}`);
    }
    await new Promise((r) => setTimeout(r, 200));
  }

  const query = async (expr: string) => {
    const res = await fetch(`${url}/api/v1/query?query=${encodeURIComponent(expr)}`);
    const body = (await res.json()) as { status: string; error?: string; data: { result: any[] } };
    if (body.status !== 'success') {
      throw new Error(`query failed: ${expr}: ${body.error}`);
    }
    return body.data.result;
  };
  const waitForSeries = async (expr: string, timeoutMs = 30_000) => {
    const until = Date.now() + timeoutMs;
    for (;;) {
      const result = await query(expr);
      if (result.length > 0) {
        return result;
      }
      if (Date.now() > until) {
        throw new Error(`no series for ${expr} after ${timeoutMs} ms`);
      }
      await new Promise((r) => setTimeout(r, 500));
    }
  };
  return { url, port, query, waitForSeries, stop };
}

/** A scrape config with one static job, scraping every second so tests get rates quickly. */
export function scrapeConfig(job: string, targets: string[], interval = '1s'): string {
  return [
    'global:',
    `  scrape_interval: ${interval}`,
    `  evaluation_interval: ${interval}`,
    'scrape_configs:',
    `  - job_name: ${job}`,
    '    static_configs:',
    `      - targets: [${targets.map((t) => `'${t}'`).join(', ')}]`,
    '',
  ].join('\n');
}
