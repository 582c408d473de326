/**
 * The bundled dashboards in the harness's dashboard preview (tests/harness/host/dashboard/): each generated JSON,
 * variables resolved from the real Prometheus, every panel queried through the harness data source proxy and drawn
 * with @grafana/ui (MeshLens panels from dist/), against the simulator's bookinfo and ambient meshes. Every panel
 * must show data, or be named below with the reason it is empty. One screenshot per dashboard.
 */
import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { artifactsDir, openHarness, type Harness } from '../harness/browser';
import { previewHeight } from '../harness/host/dashboard/grid';
import { startJaegerFixture, type JaegerFixture } from '../harness/jaegerFixture';
import { startSimulator, type RunningSimulator } from '../integration/simulator.lib';
import { pollUntil } from '../lib/poll';
import { startPrometheus, type RunningPrometheus } from '../lib/prometheus';

const ROOT = resolve(__dirname, '../..');
// artifacts/browser, or artifacts/browser-host13 on the Grafana 13 host (HARNESS_HOST=13).
const ARTIFACTS = artifactsDir();
const WIDTH = 1600;

interface Case {
  file: string;
  vars?: Record<string, string[]>;
  /** Panels empty by design with this data, by title, with the reason. */
  empty?: Record<string, string>;
  /** Panels whose data may or may not be there in a one-minute window, by title, with the reason. */
  sparse?: Record<string, string>;
  /** Panels whose series may all be 0 in this mesh, by title, with the reason. */
  zero?: Record<string, string>;
  /** A selector that must appear once a MeshLens panel has drawn. */
  waitFor?: string;
}

/** Why some rates may be flat 0 with the simulator: the events are rare at its rates, so a short window may see none. */
const SLOW_ZERO =
  'the simulator emits these events at 0.001–0.1/s (as a quiet mesh does), so the test’s short window may hold none and the rate reads 0';
const zero = (titles: string[], why: string) => Object.fromEntries(titles.map((t) => [t, why]));

const CASES: Record<string, Case> = {
  overview: { file: 'meshlens-overview.json', waitFor: '[aria-label^="Node: "]' },
  mesh: {
    file: 'istio-mesh.json',
    zero: { '4xx rate': 'the simulated meshes answer no 4xx (their errors are 500, 502, 503 and no response)' },
  },
  service: {
    file: 'istio-service.json',
    vars: { service: ['reviews.bookinfo.svc.cluster.local'] },
    empty: Object.fromEntries(
      [
        'TCP bytes received',
        'TCP bytes sent',
        'TCP bytes received, by client',
        'TCP bytes sent, by client',
        'TCP bytes received, by service workload',
        'TCP bytes sent, by service workload',
      ].map((t) => [t, 'reviews is reached over HTTP only; nobody opens raw TCP connections to it'])
    ),
  },
  workload: {
    // ratings-v1: HTTP in (from reviews), TCP out (to mongodb), so both families have data on one side.
    file: 'istio-workload.json',
    vars: { namespace: ['bookinfo'], workload: ['ratings-v1'] },
    empty: {
      ...Object.fromEntries(
        ['TCP server traffic', 'TCP bytes received, by source', 'TCP bytes sent, by source'].map((t) => [
          t,
          'ratings-v1 is reached over HTTP only; nobody opens raw TCP connections to it',
        ])
      ),
      ...Object.fromEntries(
        [
          'requests by destination and response code',
          'success rate by destination',
          'request duration by destination',
          'request size by destination',
          'response size by destination',
        ].map((t) => [`Outgoing ${t}`, 'ratings-v1 calls only mongodb, over TCP: it sends no HTTP requests'])
      ),
    },
  },
  performance: { file: 'istio-performance.json' },
  controlPlane: {
    file: 'istio-control-plane.json',
    zero: {
      ...zero(['Events', 'Push errors', 'Validation', 'Injection'], SLOW_ZERO),
    },
    sparse: {
      'Push time':
        'the simulator counts a pilot_xds_push_time observation only now and then (no bucket moves in most minutes)',
      'Push size':
        'the simulator counts a pilot_xds_config_size_bytes observation only now and then (no bucket moves in most minutes)',
    },
  },
  wasm: {
    file: 'istio-wasm.json',
    zero: {
      ...zero(['Wasm VMs created', 'Cache lookups', 'Remote fetches', 'Config conversions'], SLOW_ZERO),
    },
    empty: {
      'Config conversion duration':
        'the simulator emits no istio_agent_wasm_config_conversion_duration histogram (simulator/metrics/wasm.ts); the integration test proves the query on its fixture',
    },
  },
  ztunnel: {
    file: 'istio-ztunnel.json',
    zero: zero(['xDS connection terminations', 'xDS pushes'], SLOW_ZERO),
  },
};

let bookinfo: RunningSimulator;
let ambient: RunningSimulator;
let prom: RunningPrometheus;
let jaeger: JaegerFixture;
let harness: Harness;
let traceId: string;
const tracesDir = mkdtempSync(join(tmpdir(), 'meshlens-dash-traces-'));

/** A trace id from an exemplar on the simulator's latency histogram (OpenMetrics) whose trace was written to disk. */
async function exemplarTrace(sim: RunningSimulator): Promise<string> {
  return pollUntil(async () => {
    const res = await fetch(`${sim.url}/metrics`, {
      headers: { Accept: 'application/openmetrics-text; version=1.0.0' },
    });
    const text = await res.text();
    const written = new Set(readdirSync(tracesDir).map((n) => n.replace('.json', '')));
    const ids = [
      ...text.matchAll(/^istio_request_duration_milliseconds_bucket\{.*\} \S+ # \{trace_id="([0-9a-f]{32})"\}/gm),
    ].map((m) => m[1]);
    return ids.find((id) => written.has(id));
  }, 'an exemplar trace written to disk');
}

before(async () => {
  [bookinfo, ambient] = await Promise.all([
    startSimulator([
      '--topology',
      'bookinfo',
      '--seed',
      '3',
      '--warmup',
      '30',
      '--trace-sampling',
      '20',
      '--traces-dir',
      tracesDir,
    ]),
    startSimulator(['--topology', 'ambient', '--seed', '3', '--warmup', '30']),
  ]);
  const jobs = Object.entries({ bookinfo, ambient }).map(
    ([job, sim]) => `  - job_name: ${job}\n    static_configs:\n      - targets: ['${sim.target}']`
  );
  prom = await startPrometheus(['global:', '  scrape_interval: 1s', 'scrape_configs:', ...jobs, ''].join('\n'));
  traceId = await exemplarTrace(bookinfo);
  // The Jaeger fixture serves raw trace objects; the simulator writes Jaeger query-API bodies ({ data: [trace] }).
  const traceFile = join(tracesDir, `${traceId}.trace.json`);
  writeFileSync(
    traceFile,
    JSON.stringify(JSON.parse(readFileSync(join(tracesDir, `${traceId}.json`), 'utf8')).data[0])
  );
  jaeger = await startJaegerFixture([traceFile]);
  // Half a minute of scrapes, so the graphs have a shape and every rate window is full.
  await prom.waitForSeries('rate(istio_requests_total[4s]) > 0');
  await new Promise((r) => setTimeout(r, 30_000));
  harness = await openHarness(undefined, { prometheusUrl: prom.url, jaegerUrl: jaeger.url });
});

after(async () => {
  await harness?.close();
  await prom?.stop();
  await Promise.all([bookinfo?.stop(), ambient?.stop(), jaeger?.close()]);
  rmSync(tracesDir, { recursive: true, force: true });
});

interface PanelState {
  title: string;
  type: string;
  state: string;
  detail: string;
  message: string | null;
}

describe('bundled dashboards in the preview, against the simulator', () => {
  for (const [key, c] of Object.entries(CASES)) {
    test(`${key}: every panel shows data or a named, explained empty state`, async () => {
      const dashboard = JSON.parse(readFileSync(join(ROOT, 'src/dashboards', c.file), 'utf8'));
      const vars = key === 'overview' ? { trace_id: [traceId], ...c.vars } : c.vars;
      const { page, metrics } = await harness.render({
        kind: 'dashboard',
        dashboard: c.file,
        vars,
        rangeSeconds: 40,
        width: WIDTH,
        height: previewHeight(dashboard.panels),
        timeoutMs: 60_000,
        waitFor: c.waitFor,
        emptyReasons: { ...c.sparse, ...c.empty },
      });
      try {
        assert.deepEqual(metrics.pageErrors, []);
        const panels: PanelState[] = await page.locator('[data-testid="preview-panel"]').evaluateAll((els) =>
          els.map((e) => ({
            title: e.getAttribute('data-title') ?? '',
            type: e.getAttribute('data-type') ?? '',
            state: e.getAttribute('data-state') ?? '',
            detail: e.getAttribute('data-detail') ?? '',
            message: e.querySelector('[data-testid="meshlens-panel-message"]')?.textContent ?? null,
          }))
        );
        mkdirSync(ARTIFACTS, { recursive: true });
        writeFileSync(join(ARTIFACTS, `dashboard-${key}.png`), await page.screenshot({ fullPage: true }));
        const expected = dashboard.panels.filter((p: { type: string }) => p.type !== 'row').length;
        assert.equal(panels.length, expected, 'every panel of the dashboard is drawn');
        const empty = c.empty ?? {};
        const sparse = c.sparse ?? {};
        const wrong = panels.filter((p) =>
          p.title in empty
            ? p.state !== 'empty'
            : p.title in sparse
              ? !['data', 'empty'].includes(p.state)
              : p.title in (c.zero ?? {})
                ? !['data', 'zero'].includes(p.state)
                : // A preset graph panel runs its own queries: it is right when it shows no message (what it drew is
                  // checked below, node by node).
                  !(p.state === 'data' || (p.state === 'preset' && p.type === 'meshlens-meshgraph-panel')) ||
                  p.message !== null
        );
        assert.deepEqual(wrong, [], `panels without data (or with data where an empty state was expected)`);
        if (key === 'overview') {
          // The trace panel shows the exemplar's trace; the mesh graph panel drew bookinfo and the ambient mesh.
          assert.match((await page.locator('[data-title="Trace"]').textContent()) ?? '', new RegExp(traceId));
          const nodes = await page
            .locator('[aria-label^="Node: "]')
            .evaluateAll((els) => els.map((e) => e.getAttribute('aria-label')));
          // productpage-v1 once in bookinfo and once in bookinfo-ambient; mongodb-v1 only over TCP.
          assert.ok(
            nodes.filter((n) => n === 'Node: productpage-v1').length >= 2 && nodes.includes('Node: mongodb-v1'),
            nodes.join(', ')
          );
        }
        console.log(
          `${key}: ${panels.length} panels, ${metrics.queries?.count} queries, ${metrics.queries?.totalMs} ms`
        );
      } finally {
        await page.close();
      }
    });
  }
});
