import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { startLoopbackProcess } from './loopbackProcess';

export const VICTORIA_METRICS_BIN = process.env.VICTORIA_METRICS_BIN ?? '/usr/bin/victoria-metrics';

/**
 * Labels VictoriaMetrics keeps per series. Its default (30 in Debian's 1.79.5) silently drops labels beyond it, and
 * Istio's request series carry 25 standard labels plus the scrape's (job, instance, namespace, pod, app, container):
 * `source_workload*` would vanish and every query grouping by them would differ from Prometheus.
 */
export const VM_MAX_LABELS = 40;

export interface RunningVictoriaMetrics {
  /** Prometheus-compatible query API root (`<url>/api/v1/query`). */
  url: string;
  port: number;
  stop(): Promise<void>;
}

/**
 * Starts Debian's single-node `victoria-metrics` on 127.0.0.1 (free port, temp data dir) scraping with the given
 * Prometheus-style scrape config, like startPrometheus: waits until /health answers and returns a handle whose
 * stop() always kills it and removes the data dir. Query results are not cached and points are visible at once
 * (`-search.latencyOffset=0s`), so a test can compare them with Prometheus at the same instant. `maxLabels` other
 * than VM_MAX_LABELS only to show what VictoriaMetrics' default does to Istio's series.
 */
export async function startVictoriaMetrics(
  scrapeConfigYaml: string,
  maxLabels = VM_MAX_LABELS
): Promise<RunningVictoriaMetrics> {
  const { url, port, stop } = await startLoopbackProcess({
    name: 'victoria-metrics',
    command: VICTORIA_METRICS_BIN,
    tempDirPrefix: 'meshlens-vm-',
    readyPath: '/health',
    args: (listenPort, dir) => {
      const configFile = join(dir, 'scrape.yml');
      // VictoriaMetrics evaluates no rules (vmalert does) and refuses Prometheus' rule settings in a scrape config.
      writeFileSync(
        configFile,
        scrapeConfigYaml
          .split('\n')
          .filter((line) => !/^\s*evaluation_interval:/.test(line))
          .join('\n')
      );
      return [
        `-httpListenAddr=127.0.0.1:${listenPort}`,
        `-storageDataPath=${join(dir, 'data')}`,
        `-promscrape.config=${configFile}`,
        `-maxLabelsPerTimeseries=${maxLabels}`,
        '-search.latencyOffset=0s',
        '-search.disableCache',
        '-retentionPeriod=1d',
        '-loggerLevel=ERROR',
      ];
    },
  });
  return { url, port, stop };
}
