/**
 * The app pages' queries (overview, service page, workload page) wrapped by preferRecorded
 * (src/shared/istio/recordedSeries.ts) against two Prometheus servers scraping the same synthetic mesh
 * (tests/lib/istioFixture.ts, counters growing exactly linearly): one without MeshLens' recording rules, one with
 * them (the shipped rules with a 10 s window). Either way the wrapped queries give the raw queries' series and
 * values: with the rules from the recorded series (switch `off`, the raw side reads nothing), without them from the
 * raw series (switch `.*`). The switch value comes from RAW_SWITCH_PROBE, as the dashboards' `raw` variable's.
 */
import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { createServer, type Server } from 'node:http';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { stringify } from 'yaml';
import { interpolate } from '../../dashboards-src/lib/interpolate';
import { overviewDetailQueries, overviewQueries } from '../../src/app/pages/overview/model/overviewQueries';
import {
  detailErrorRate,
  detailInboundByPeer,
  detailLatencyQuantile,
  detailOutboundByPeer,
  detailRequestRate,
  detailTcpRate,
  type DetailTarget,
} from '../../src/shared/istio/appQueries';
import {
  preferRecorded,
  RAW_SWITCH_PROBE,
  RAW_SWITCH_VALUES,
  RECORDED_PROBE,
  recordingRuleGroups,
} from '../../src/shared/istio/recordedSeries';
import { istioMetrics } from '../lib/istioFixture';
import { freePort, scrapeConfig, startPrometheus, type RunningPrometheus } from '../lib/prometheus';
import { compare, instant, type Sample } from './backendRun.lib';

const WINDOW = '10s';
const BUILTINS = { __rate_interval: WINDOW, __interval: '1s', __range: '20s' };
/** Rates of linear counters are exact; the recorded side averages 10 s rates, the raw side rates over the range. */
const TOLERANCE = 0.01;

let server: Server;
let raw: RunningPrometheus;
let recorded: RunningPrometheus;
let rulesDir: string;
let at: number;
const started = Date.now();

const service: DetailTarget = { kind: 'service', namespace: 'bookinfo', name: 'reviews' };
const workload: DetailTarget = { kind: 'workload', namespace: 'bookinfo', name: 'reviews-v2' };
const detail = (t: DetailTarget) => [
  detailRequestRate(t),
  detailErrorRate(t),
  detailLatencyQuantile(t, 0.5),
  detailLatencyQuantile(t, 0.95),
  detailInboundByPeer(t),
  detailOutboundByPeer(t),
  detailTcpRate(t, 'in'),
  detailTcpRate(t, 'out'),
];
const settings = { defaultNamespaces: [] };
const QUERIES: Array<{ name: string; expr: string }> = [
  ...[...overviewQueries(settings), ...overviewDetailQueries(settings)]
    .filter((q) => q.instant)
    .map((q) => ({ name: `overview ${q.refId}`, expr: q.expr })),
  ...detail(service).map((expr, i) => ({ name: `service ${i}`, expr })),
  ...detail(workload).map((expr, i) => ({ name: `workload ${i}`, expr })),
].map((q) => ({ ...q, expr: interpolate(q.expr, {}, BUILTINS) }));
const WRAPPED = QUERIES.filter((q) => preferRecorded(q.expr, 'off') !== q.expr);

before(async () => {
  const port = await freePort();
  server = createServer((req, res) => {
    res.writeHead(200, { 'Content-Type': 'text/plain; version=0.0.4' });
    const now = Date.now();
    res.end(
      istioMetrics((now - started) / 1000 + 60)
        .trimEnd()
        .split('\n')
        .map((line) => (line.startsWith('#') ? line : `${line} ${now}`))
        .join('\n') + '\n'
    );
  });
  await new Promise<void>((resolve) => server.listen(port, '127.0.0.1', resolve));
  rulesDir = mkdtempSync(join(tmpdir(), 'meshlens-rules-'));
  const rules = join(rulesDir, 'rules.yml');
  writeFileSync(rules, stringify({ groups: recordingRuleGroups(WINDOW) }));
  const config = scrapeConfig('istio', [`127.0.0.1:${port}`]).replace(
    '  - job_name: istio\n',
    '  - job_name: istio\n    honor_timestamps: true\n'
  );
  [raw, recorded] = await Promise.all([startPrometheus(config), startPrometheus(config, { ruleFiles: [rules] })]);
  await recorded.waitForSeries(`${RECORDED_PROBE} > 0`, 120_000);
  // Full windows: 20 s of recorded 10 s rates after the first full 10 s window.
  await new Promise((r) => setTimeout(r, 32_000));
  at = Math.floor(Date.now() / 1000) - 2;
});

after(async () => {
  await Promise.all([raw?.stop(), recorded?.stop()]);
  server?.close();
  rmSync(rulesDir, { recursive: true, force: true });
});

async function result(base: string, expr: string): Promise<Sample[]> {
  const r = await instant(base, expr, at);
  assert.equal(r.status, 'success', `${expr}: ${r.error}`);
  return r.data!.result as Sample[];
}

async function switchValue(base: string): Promise<string> {
  const series = await result(base, RAW_SWITCH_PROBE);
  assert.equal(series.length, 1, 'the probe answers one series');
  return series[0].metric.raw;
}

/** Differences between the raw queries on the raw Prometheus and the wrapped ones on `base`, as readable lines. */
async function differences(base: string, value: string) {
  const problems: string[] = [];
  let series = 0;
  for (const q of QUERIES) {
    const c = compare(await result(raw.url, q.expr), await result(base, preferRecorded(q.expr, value)));
    series += c.series;
    if (c.onlyLeft.length + c.onlyRight.length > 0) {
      problems.push(`${q.name}: label sets differ: ${c.onlyLeft.slice(0, 2)} | ${c.onlyRight.slice(0, 2)}`);
    } else if (c.worst && c.worst.diff > TOLERANCE) {
      problems.push(`${q.name}: ${c.worst.left} vs ${c.worst.right} for ${c.worst.key}`);
    }
  }
  return { problems, series };
}

describe('app pages on the recorded series', () => {
  test('the probe picks the recorded series where the rules run and the raw ones where they do not', async () => {
    assert.equal(await switchValue(recorded.url), RAW_SWITCH_VALUES.recorded);
    assert.equal(await switchValue(raw.url), RAW_SWITCH_VALUES.raw);
  });

  test('every rate of the pages has a recorded family (labels kept: gRPC status, service name, canonical service)', () => {
    // Not wrapped: the overview's workload, service and inventory counts (group/count, no rate).
    assert.deepEqual(
      QUERIES.filter((q) => !WRAPPED.includes(q)).map((q) => q.name),
      ['overview workloads', 'overview services', 'overview inventory', 'overview proxies', 'overview deployments']
    );
    for (const q of WRAPPED) {
      // Every raw selector left carries the switch.
      assert.doesNotMatch(preferRecorded(q.expr, 'off'), /\(rate\([a-z_]+\{(?![^}]*meshlens_raw)/, `${q.name} reads raw only`);
    }
  });

  test('with the rules, the wrapped queries give the raw queries’ series and values from the recorded series', async () => {
    const { problems, series } = await differences(recorded.url, await switchValue(recorded.url));
    assert.deepEqual(problems, []);
    assert.ok(series > 0);
  });

  test('without the rules, the wrapped queries give the raw queries’ series and values', async () => {
    const { problems, series } = await differences(raw.url, await switchValue(raw.url));
    assert.deepEqual(problems, []);
    assert.ok(series > 0);
  });

  test('the fixture’s known rates, either way: reviews 18 rps, 1.08 rps of 5xx, TCP 20,000 B/s in and 8,000 B/s out', async () => {
    // productpage-v1 → reviews-v2: 18 rps, 6 % 500; TCP 5,000 B/s received + 15,000 B/s sent; reviews-v2 → mongodb
    // 2,000 + 6,000 B/s (tests/lib/istioFixture.ts).
    const expected: Array<[string, number]> = [
      [detailRequestRate(service), 18],
      [detailErrorRate(service), 1.08],
      [detailRequestRate(workload), 18],
      [detailTcpRate(workload, 'in'), 20_000],
      [detailTcpRate(workload, 'out'), 8_000],
    ];
    for (const base of [recorded.url, raw.url]) {
      const value = await switchValue(base);
      const got = [];
      for (const [expr] of expected) {
        const series = await result(base, preferRecorded(interpolate(expr, {}, BUILTINS), value));
        assert.equal(series.length, 1, expr);
        got.push(Math.round(Number(series[0].value[1]) * 1e6) / 1e6);
      }
      assert.deepEqual(got, expected.map(([, v]) => v), `${base} (switch ${value})`);
    }
  });

  test('with the switch off, the raw side reads nothing (so the recorded side alone answers)', async () => {
    const leftovers: string[] = [];
    for (const q of WRAPPED) {
      const values = (await result(raw.url, preferRecorded(q.expr, 'off'))).map((s) => Number(s.value[1]));
      // `or vector(0)` (TCP) may still give 0; nothing else may remain.
      if (values.some((v) => v !== 0)) {
        leftovers.push(`${q.name}: ${values}`);
      }
    }
    assert.deepEqual(leftovers, []);
  });
});
