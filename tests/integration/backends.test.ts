/**
 * The bundled dashboards' queries on three backends scraping the same synthetic mesh (tests/lib/istioFixture.ts,
 * whose counters grow exactly linearly, so every rate is exact whenever a backend samples it): Prometheus without
 * MeshLens' recording rules, Prometheus with them, and Debian's VictoriaMetrics. The recorded series must give the
 * same series as the raw ones, and VictoriaMetrics the same as Prometheus, label set for label set and value for
 * value. Rates use a 10 s window (1 s scrapes), so a 25 s run has full windows; the rules are the shipped ones with
 * that window (same names and labels).
 */
import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { generateDashboards } from '../../dashboards-src/generate';
import { variablesOf } from '../../dashboards-src/lib/inspect';
import { type RunningPrometheus } from '../lib/prometheus';
import { startVictoriaMetrics, VM_MAX_LABELS, type RunningVictoriaMetrics } from '../lib/victoriametrics';
import {
  compare,
  instant,
  jobs,
  resolveQueryResultVariable,
  steadyInstant,
  withoutTopk,
  type Sample,
} from './backendRun.lib';
import { startRecordedPair, type RecordedPair } from './recordedPair.lib';

const WINDOW = '10s';
const BUILTINS = { __rate_interval: WINDOW, __interval: '1s', __range: '1m' };
const TOLERANCE = 0.01;

let pair: RecordedPair;
let raw: RunningPrometheus;
let recorded: RunningPrometheus;
let vm: RunningVictoriaMetrics;
let at: number;

const dashboards = generateDashboards();
const PICKS = {
  service: { service: ['reviews.bookinfo.svc.cluster.local'] },
  workload: { namespace: ['bookinfo'], workload: ['reviews-v2'] },
};
const queries = jobs(dashboards, PICKS, BUILTINS);
const switched = queries.filter((j) => j.query.includes('meshlens_raw=~".*"'));
/** The dashboards with recorded-or-raw queries: the request pages, and the cAdvisor, proxy and istiod pages. */
const RECORDED_DASHBOARDS = ['overview', 'mesh', 'service', 'workload', 'performance', 'controlPlane', 'wasm'] as const;

before(async () => {
  pair = await startRecordedPair(WINDOW);
  ({ raw, recorded } = pair);
  vm = await startVictoriaMetrics(pair.config);
  // Full 10 s windows everywhere, also for avg_over_time over 10 s of recorded 10 s rates.
  await new Promise((r) => setTimeout(r, 25_000));
  // 5 s back: on a loaded machine (suites run side by side) a backend may not have ingested the last second or two.
  // And steady: a rule evaluation that ran while a scrape was late reads its window short (see steadyInstant).
  at = await steadyInstant(recorded.url, raw.url, WINDOW, Math.floor(Date.now() / 1000) - 5);
});

after(async () => {
  await Promise.all([pair?.stop(), vm?.stop()]);
});

async function result(base: string, expr: string): Promise<Sample[]> {
  const r = await instant(base, expr, at);
  assert.equal(r.status, 'success', `${expr}: ${r.error}`);
  return r.data!.result as Sample[];
}

const off = (query: string) => query.replaceAll('meshlens_raw=~".*"', 'meshlens_raw=~"off"');

/** Differences between two backends' answers to every query, as readable lines (empty when they agree). */
async function differences(left: string, right: string, rightQuery: (q: string) => string) {
  const problems: string[] = [];
  let series = 0;
  for (const job of queries) {
    // topk of near-equal values may rank differently; the values below it are what must agree.
    const expr = withoutTopk(job.query);
    const c = compare(await result(left, expr), await result(right, rightQuery(expr)));
    series += c.series;
    const where = `${job.dashboard} / ${job.panel} / ${job.refId}`;
    if (c.onlyLeft.length + c.onlyRight.length > 0) {
      problems.push(`${where}: label sets differ: ${c.onlyLeft.slice(0, 2)} | ${c.onlyRight.slice(0, 2)}`);
    } else if (c.worst && c.worst.diff > TOLERANCE) {
      problems.push(`${where}: ${c.worst.left} vs ${c.worst.right} for ${c.worst.key}`);
    }
  }
  return { problems, series };
}

describe('recording rules', () => {
  test('the raw switch resolves to off where the rules run and to .* where they do not', async () => {
    for (const key of RECORDED_DASHBOARDS) {
      const v = variablesOf(dashboards[key]).find((x) => x.name === 'raw')!;
      assert.deepEqual(await resolveQueryResultVariable(recorded.url, v, at), ['off'], key);
      assert.deepEqual(await resolveQueryResultVariable(raw.url, v, at), ['.*'], key);
      assert.deepEqual(await resolveQueryResultVariable(vm.url, v, at), ['.*'], key);
    }
  });

  test('every query gives the same series from the recorded series (rules, raw off) as from the raw ones', async () => {
    const { problems, series } = await differences(raw.url, recorded.url, off);
    assert.deepEqual(problems, []);
    assert.ok(series > 0);
  });

  test('with the switch off, no query reads a raw series the rules cover', async () => {
    const leftovers: string[] = [];
    for (const job of switched) {
      const values = (await result(raw.url, off(job.query))).map((s) => Number(s.value[1]));
      // `or vector(0)` stats may still say 0; nothing else may remain.
      if (values.some((v) => v !== 0)) {
        leftovers.push(`${job.dashboard} / ${job.panel} / ${job.refId}: ${values}`);
      }
    }
    assert.deepEqual(leftovers, []);
    assert.deepEqual([...new Set(switched.map((j) => j.dashboard))], RECORDED_DASHBOARDS);
  });

  test('the recorded side reads fewer samples than the raw side, dashboard by dashboard', async () => {
    const samples = async (query: string) => {
      const r = await instant(recorded.url, query, at, true);
      return r.data?.stats?.samples?.totalQueryableSamples ?? NaN;
    };
    for (const key of RECORDED_DASHBOARDS) {
      let fromRecorded = 0;
      let fromRaw = 0;
      for (const job of switched.filter((j) => j.dashboard === key)) {
        fromRecorded += await samples(off(job.query));
        // The raw side alone: the recorded metric names replaced by one that does not exist.
        fromRaw += await samples(job.query.replace(/\b[a-z_]+:[a-z0-9_]+:(rate1m|sum|count)\b/g, 'meshlens_absent'));
      }
      assert.ok(fromRecorded < fromRaw, `${key}: recorded ${fromRecorded} samples, raw ${fromRaw}`);
    }
  });
});

describe('recorded cAdvisor, proxy and istiod series', () => {
  // tests/lib/istioFixture.ts: istio-proxy containers of productpage-v1 (0.05 cores, 60 MB) and reviews-v2 (0.04, 55 MB)
  // in bookinfo, the ingress gateway (0.2, 90 MB) in istio-system and ztunnel (0.1, 40 MB) in cluster-2's
  // istio-system; disk is a tenth of memory. One proxy holds one xDS connection and 1 native + 2 v8 Wasm VMs; istiod
  // pushes 3 of each of cds, eds, lds and rds per second.
  const known: Array<[string, string, number]> = [
    ['performance', 'Proxy vCPU', 0.09],
    ['performance', 'Proxy memory', 115e6],
    ['performance', 'Proxy disk', 11.5e6],
    // Average of one proxy container: (60 + 55) / 2 MB, from the recorded sums over the recorded counts.
    ['performance', 'Memory per instance', 57.5e6],
    ['wasm', 'Proxy vCPU', 0.39],
    ['wasm', 'Proxy memory', 245e6],
    ['wasm', 'Active Wasm VMs per proxy', 1],
    ['controlPlane', 'Connections', 1],
    ['controlPlane', 'Validation', 0.05],
  ];

  test('panels read the fixture’s known values from the recorded series (rules) and from the raw ones (no rules)', async () => {
    for (const [base, value] of [
      [recorded.url, (q: string) => off(q)],
      [raw.url, (q: string) => q],
    ] as const) {
      const got = [];
      for (const [dashboard, panel] of known) {
        const [job] = switched.filter((j) => j.dashboard === dashboard && j.panel === panel);
        assert.ok(job, `${dashboard} / ${panel} reads recorded series when they exist`);
        const [first] = await result(base, value(job.query));
        got.push(Math.round(Number(first?.value[1]) * 1e6) / 1e6);
      }
      assert.deepEqual(
        got,
        known.map(([, , v]) => v),
        base
      );
    }
  });
});

describe('VictoriaMetrics', () => {
  test(`keeps every label of Istio's series with -maxLabelsPerTimeseries=${VM_MAX_LABELS}`, async () => {
    const labelSets = async (base: string) =>
      (await result(base, 'istio_requests_total')).map((s) => Object.keys(s.metric).sort().join(',')).sort();
    assert.deepEqual(await labelSets(vm.url), await labelSets(raw.url));
  });

  test('every dashboard query gives the same series and values as Prometheus', async () => {
    const { problems, series } = await differences(raw.url, vm.url, (q) => q);
    assert.deepEqual(problems, []);
    assert.ok(series > 0);
  });
});
