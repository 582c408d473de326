/**
 * The shared Istio fixture (tests/lib/istioFixture.ts, counters growing exactly linearly) scraped every second by two
 * Prometheus servers: one without MeshLens' recording rules, one with them at a test-sized window. The tests that
 * compare recorded series with raw ones (backends, recorded-app) start it.
 */
import { createServer } from 'node:http';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { stringify } from 'yaml';
import { RECORDED_PROBE, recordingRuleGroups } from '../../src/shared/istio/recordedSeries';
import { istioMetrics } from '../lib/istioFixture';
import { freePort, scrapeConfig, startPrometheus, type RunningPrometheus } from '../lib/prometheus';

export interface RecordedPair {
  raw: RunningPrometheus;
  recorded: RunningPrometheus;
  /** The scrape configuration both use, for another backend to scrape the same target. */
  config: string;
  stop(): Promise<void>;
}

/**
 * Starts the fixture's target and both servers, and waits until the rules have recorded a rate. `sample` may rewrite
 * each sample line (to add labels) before it is stamped.
 */
export async function startRecordedPair(
  window: string,
  sample: (line: string) => string = (l) => l
): Promise<RecordedPair> {
  const started = Date.now();
  const port = await freePort();
  // Each sample carries the time its value was computed for (honor_timestamps below), and that time is the scrape's
  // slot: the first scrape's time plus whole seconds. Both servers scrape at one phase (same target, same host), so a
  // scrape that comes a few hundred ms late still stores its slot's exact value, and every rate window holds evenly
  // spaced samples: Prometheus then never extrapolates a window short.
  let phase: number | undefined;
  const server = createServer((_req, res) => {
    res.writeHead(200, { 'Content-Type': 'text/plain; version=0.0.4' });
    phase ??= Date.now();
    const slot = phase + Math.round((Date.now() - phase) / 1000) * 1000;
    res.end(
      istioMetrics((slot - started) / 1000 + 60)
        .trimEnd()
        .split('\n')
        .map((line) => (line.startsWith('#') ? line : `${sample(line)} ${slot}`))
        .join('\n') + '\n'
    );
  });
  await new Promise<void>((resolve) => server.listen(port, '127.0.0.1', resolve));
  const rulesDir = mkdtempSync(join(tmpdir(), 'meshlens-rules-'));
  const rules = join(rulesDir, 'rules.yml');
  writeFileSync(rules, stringify({ groups: recordingRuleGroups(window) }));
  const config = scrapeConfig('istio', [`127.0.0.1:${port}`]).replace(
    '  - job_name: istio\n',
    '  - job_name: istio\n    honor_timestamps: true\n'
  );
  const servers = await Promise.allSettled([startPrometheus(config), startPrometheus(config, { ruleFiles: [rules] })]);
  const stop = async () => {
    await Promise.all(servers.map((s) => (s.status === 'fulfilled' ? s.value.stop() : undefined)));
    server.close();
    rmSync(rulesDir, { recursive: true, force: true });
  };
  const [raw, recorded] = servers;
  if (raw.status === 'rejected' || recorded.status === 'rejected') {
    await stop();
    throw raw.status === 'rejected' ? raw.reason : (recorded as PromiseRejectedResult).reason;
  }
  await recorded.value.waitForSeries(`${RECORDED_PROBE} > 0`, 120_000);
  return { raw: raw.value, recorded: recorded.value, config, stop };
}
