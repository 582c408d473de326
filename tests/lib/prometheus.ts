import { copyFileSync, writeFileSync } from 'node:fs';
import { basename, join } from 'node:path';
import { freePort, startLoopbackProcess } from './loopbackProcess';
import { type Vector } from './promFrames';

export { freePort };

export interface RunningPrometheus {
  url: string;
  port: number;
  /** Runs an instant query and returns the result vector. */
  /** An instant query, at `time` (unix seconds) when given, else now. */
  query(expr: string, time?: number): Promise<Vector>;
  /** Polls `expr` until it returns at least one series, or fails after `timeoutMs`. */
  waitForSeries(expr: string, timeoutMs?: number): Promise<Vector>;
  stop(): Promise<void>;
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
  if ((options.ruleFiles ?? []).length > 0 && /^rule_files:/m.test(scrapeConfigYaml)) {
    throw new Error('startPrometheus: the config already has rule_files; pass rules either there or in ruleFiles');
  }
  const { url, port, stop } = await startLoopbackProcess({
    name: 'prometheus',
    command: PROMETHEUS_BIN,
    tempDirPrefix: 'meshlens-prom-',
    readyPath: '/-/ready',
    args: (port, dir) => {
      const configFile = join(dir, 'prometheus.yml');
      const rules = (options.ruleFiles ?? []).map((file, i) => {
        const copy = join(dir, `rules-${i}-${basename(file)}`);
        copyFileSync(file, copy);
        return copy;
      });
      const ruleSection = rules.length > 0 ? `\nrule_files:\n${rules.map((r) => `  - '${r}'`).join('\n')}\n` : '';
      writeFileSync(configFile, scrapeConfigYaml + ruleSection);
      return [
        `--config.file=${configFile}`,
        `--storage.tsdb.path=${options.dataDir ?? join(dir, 'data')}`,
        ...(options.dataDir ? ['--storage.tsdb.retention.time=3650d'] : []),
        ...(options.extraArgs ?? []),
        `--web.listen-address=127.0.0.1:${port}`,
        '--log.level=warn',
      ];
    },
  });

  const query = (expr: string, time?: number) => instantQuery(url, expr, time);
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

/** An instant query on any Prometheus-compatible API at `url`, at `time` (unix seconds) when given; throws on an error. */
export async function instantQuery(url: string, expr: string, time?: number): Promise<Vector> {
  const at = time === undefined ? '' : `&time=${time}`;
  const res = await fetch(`${url}/api/v1/query?query=${encodeURIComponent(expr)}${at}`);
  const body = (await res.json()) as { status: string; error?: string; data: { result: Vector } };
  if (body.status !== 'success') {
    throw new Error(`query failed: ${expr}: ${body.error}`);
  }
  return body.data.result;
}
