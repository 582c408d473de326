/**
 * Every query of every generated dashboard, interpolated as Grafana would, against a real Prometheus scraping a
 * synthetic Istio mesh (tests/lib/istioFixture.ts): each must parse with Prometheus' grammar, evaluate without
 * error, and, in the default scenario, return data. The mesh simulator's topologies are not wired in yet.
 */
import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { createServer, type Server } from 'node:http';
import type { Dashboard, VariableModel } from '@grafana/grafana-foundation-sdk/dashboard';
import { generateDashboards } from '../../dashboards-src/generate';
import type { DashboardKey } from '../../dashboards-src/lib/ids';
import { promTargets, variablesOf } from '../../dashboards-src/lib/inspect';
import { interpolate, type VariableValue } from '../../dashboards-src/lib/interpolate';
import { promqlSyntaxErrors } from '../../dashboards-src/lib/promqlParse';
import { istioMetrics } from '../lib/istioFixture';
import { freePort, scrapeConfig, startPrometheus, type RunningPrometheus } from '../lib/prometheus';

let server: Server;
let prom: RunningPrometheus;
const started = Date.now();
const dashboards = generateDashboards();

before(async () => {
  const port = await freePort();
  server = createServer((req, res) => {
    if (req.url !== '/metrics') {
      res.writeHead(404).end();
      return;
    }
    res.writeHead(200, { 'Content-Type': 'text/plain; version=0.0.4' });
    res.end(istioMetrics((Date.now() - started) / 1000 + 60));
  });
  await new Promise<void>((resolve) => server.listen(port, '127.0.0.1', resolve));
  prom = await startPrometheus(scrapeConfig('istio', [`127.0.0.1:${port}`]));
  // rate() needs two samples inside the window; wait until the slowest-growing counter has a rate.
  await prom.waitForSeries('rate(pilot_total_xds_internal_errors[1m]) > 0');
});

after(async () => {
  await prom?.stop();
  server?.close();
});

type Overrides = Record<string, string[]>;

/** Values for every variable of a dashboard: scenario overrides, else All for filters, else the saved default. */
function scenarioValues(vars: VariableModel[], overrides: Overrides): Record<string, VariableValue> {
  const out: Record<string, VariableValue> = {};
  for (const v of vars) {
    const current = v.current?.value;
    const fallback = v.includeAll
      ? ['$__all']
      : typeof current === 'string'
        ? [current]
        : Array.isArray(current)
          ? current
          : [''];
    out[v.name] = {
      values: overrides[v.name] ?? fallback,
      multi: !!v.multi,
      includeAll: !!v.includeAll,
      allValue: v.allValue,
    };
  }
  return out;
}

interface Result {
  status: string;
  error?: string;
  data?: { result: unknown[] };
}

async function api(path: string, params: Record<string, string>): Promise<Result> {
  const res = await fetch(`${prom.url}${path}?${new URLSearchParams(params)}`);
  return (await res.json()) as Result;
}

async function run(expr: string, instant: boolean, time?: number): Promise<Result> {
  const end = time ?? Date.now() / 1000;
  return instant
    ? api('/api/v1/query', { query: expr, time: String(end) })
    : api('/api/v1/query_range', { query: expr, start: String(end - 60), end: String(end), step: '5' });
}

/** Runs a dashboard variable's query as Grafana's Prometheus data source would (label_values / query_result). */
async function runVariable(query: string): Promise<Result> {
  const lv = query.match(/^label_values\((.*),\s*([a-z_]+)\)$/);
  if (lv) {
    return api(`/api/v1/label/${lv[2]}/values`, { 'match[]': lv[1], start: String(Date.now() / 1000 - 300) });
  }
  const qr = query.match(/^query_result\((.*)\)$/);
  assert.ok(qr, `unsupported variable query ${query}`);
  return run(qr[1], true);
}

const SCENARIOS: Record<string, Partial<Record<DashboardKey, Overrides>> & { all?: Overrides }> = {
  // Defaults (All everywhere), one service/workload picked.
  'all values': {
    service: { service: ['reviews.bookinfo.svc.cluster.local'] },
    workload: { namespace: ['bookinfo'], workload: ['reviews-v2'] },
  },
  // A specific cluster and namespace picked in multi-value filters.
  'one cluster and namespace': {
    all: { cluster: ['cluster-1'], namespace: ['bookinfo'] },
    service: { service: ['productpage.bookinfo.svc.cluster.local'], cluster: ['cluster-1'], namespace: ['bookinfo'] },
    workload: {
      namespace: ['bookinfo'],
      workload: ['productpage-v1'],
      cluster: ['cluster-1'],
      dstsvc: ['*.example.com', 'reviews.bookinfo.svc.cluster.local'],
    },
    controlPlane: { cluster: ['cluster-1'], namespace: ['istio-system'] },
    ztunnel: { cluster: ['cluster-2'], namespace: ['istio-system'] },
  },
  // Ambient: L7 only from the waypoint, L4 from ztunnel, in the second cluster; two clusters selected.
  'ambient, two clusters': {
    all: { cluster: ['cluster-1', 'cluster-2'] },
    service: { service: ['httpbin.ambient-demo.svc.cluster.local'] },
    workload: { namespace: ['ambient-demo'], workload: ['httpbin'] },
  },
  // A ServiceEntry wildcard host as the (single-value) service.
  'wildcard ServiceEntry host': {
    service: { service: ['*.example.com'] },
    workload: { namespace: ['bookinfo'], workload: ['productpage-v1'], dstsvc: ['*.example.com'] },
  },
};

/** Panels that are empty by design in a scenario, with the reason; every other query must return data. */
const EMPTY_BY_DESIGN: Array<{ scenario: string; dashboard: DashboardKey; panel: RegExp; why: string }> = [
  {
    scenario: 'ambient, two clusters',
    dashboard: 'workload',
    panel: /^(Outgoing |TCP bytes (received|sent), by destination|TCP client traffic)/,
    why: 'httpbin only serves requests; it calls nobody',
  },
  {
    scenario: 'one cluster and namespace',
    dashboard: 'service',
    panel: /^TCP bytes/,
    why: 'productpage is reached over HTTP only; nobody opens raw TCP connections to it',
  },
  {
    scenario: 'one cluster and namespace',
    dashboard: 'workload',
    panel: /^(TCP bytes (received|sent), by source|TCP server traffic)/,
    why: 'productpage-v1 is reached over HTTP only; nobody opens raw TCP connections to it',
  },
  {
    scenario: 'wildcard ServiceEntry host',
    dashboard: 'service',
    panel: /^(Server |Incoming .* by service workload)/,
    why: 'an external ServiceEntry host has no server-side proxy; only its callers report it',
  },
  {
    scenario: 'wildcard ServiceEntry host',
    dashboard: 'workload',
    panel: /^(TCP bytes (received|sent), by source|TCP server traffic)/,
    why: 'productpage-v1 is reached over HTTP only; nobody opens raw TCP connections to it',
  },
];

const usedExemptions = new Set<number>();

function emptyByDesign(scenario: string, dashboard: DashboardKey, panel: string): string | undefined {
  const i = EMPTY_BY_DESIGN.findIndex(
    (e) => e.scenario === scenario && e.dashboard === dashboard && e.panel.test(panel)
  );
  if (i < 0) {
    return undefined;
  }
  usedExemptions.add(i);
  return EMPTY_BY_DESIGN[i].why;
}

for (const [scenario, overridesByDashboard] of Object.entries(SCENARIOS)) {
  describe(`scenario: ${scenario}`, () => {
    for (const [key, dash] of Object.entries(dashboards) as Array<[DashboardKey, Dashboard]>) {
      test(`${key}: every query parses, evaluates and returns data (or is empty by design)`, async () => {
        const vars = variablesOf(dash);
        const values = scenarioValues(vars, { ...overridesByDashboard.all, ...overridesByDashboard[key] });
        const failures: string[] = [];
        for (const t of promTargets(dash)) {
          const expr = interpolate(t.expr, values);
          const syntax = promqlSyntaxErrors(expr);
          if (syntax.length > 0) {
            failures.push(`${t.panel}/${t.refId}: syntax ${syntax.join('; ')}`);
            continue;
          }
          const r = await run(expr, t.instant);
          if (r.status !== 'success') {
            failures.push(`${t.panel}/${t.refId}: ${r.error} in ${expr}`);
          } else if ((r.data?.result.length ?? 0) === 0 && !emptyByDesign(scenario, key, t.panel)) {
            failures.push(`${t.panel}/${t.refId}: no data for ${expr}`);
          }
        }
        assert.deepEqual(failures, []);
      });
    }
  });
}

test('every empty-by-design exemption is still needed', () => {
  assert.deepEqual(
    EMPTY_BY_DESIGN.filter((_, i) => !usedExemptions.has(i)).map((e) => `${e.scenario} / ${e.dashboard} / ${e.panel}`),
    []
  );
});

describe('variables', () => {
  for (const [key, dash] of Object.entries(dashboards) as Array<[DashboardKey, Dashboard]>) {
    test(`${key}: every query variable evaluates and offers values`, async () => {
      const vars = variablesOf(dash);
      const values = scenarioValues(vars, SCENARIOS['all values'][key] ?? {});
      for (const v of vars.filter((x) => x.type === 'query')) {
        const r = await runVariable(interpolate(String(v.query), values));
        assert.equal(r.status, 'success', `${v.name}: ${r.error}`);
        const n = Array.isArray(r.data) ? r.data.length : (r.data?.result.length ?? 0);
        assert.ok(n > 0, `${key}: variable ${v.name} offers no values (${v.query})`);
      }
    });
  }
});

describe('regex escaping of selected values', () => {
  test('a wildcard ServiceEntry host selected in a multi-value filter matches only itself', async () => {
    const dash = dashboards.workload;
    const values = scenarioValues(variablesOf(dash), {
      namespace: ['bookinfo'],
      workload: ['productpage-v1'],
      dstsvc: ['*.example.com'],
    });
    const target = promTargets(dash).find((t) => t.panel === 'Outgoing requests by destination and response code')!;
    const r = await run(interpolate(target.expr, values), true);
    const services = new Set(
      (r.data!.result as Array<{ metric: Record<string, string> }>).map((s) => s.metric.destination_service)
    );
    // Unescaped, `*.example.com` is an invalid regex; read as `.*example.com` it would also match api.example.com.
    assert.deepEqual([...services], ['*.example.com']);
  });

  /** The instant value of a one-series result at `time`: values compared with each other are read at one instant. */
  async function scalar(expr: string, time: number): Promise<number> {
    const r = await run(expr, true, time);
    assert.equal(r.status, 'success', `${expr}: ${r.error}`);
    assert.equal(r.data!.result.length, 1, `one series expected from ${expr}`);
    return Number((r.data!.result[0] as { value: [number, string] }).value[1]);
  }
  const near = (a: number, b: number) => Math.abs(a - b) <= 0.02 * Math.max(a, b);

  test('a wildcard host as the single-value service is matched literally with =', async () => {
    const dash = dashboards.service;
    const values = scenarioValues(variablesOf(dash), { service: ['*.example.com'] });
    const target = promTargets(dash).find((t) => t.panel === 'Client request volume')!;
    const at = Math.floor(Date.now() / 1000) - 1;
    const shown = await scalar(interpolate(target.expr, values), at);
    const literal = await scalar(
      'sum(rate(istio_requests_total{reporter="source", destination_service="*.example.com"}[1m]))',
      at
    );
    const asRegex = await scalar(
      'sum(rate(istio_requests_total{reporter="source", destination_service=~".*.example.com"}[1m]))',
      at
    );
    assert.ok(shown > 0 && near(shown, literal), `panel ${shown} should equal the literal host's rate ${literal}`);
    assert.ok(asRegex > literal * 1.2, 'read as a regex, the host would also match api.example.com');
  });

  test('ambient traffic reported only by a waypoint shows on the service dashboard, client and server side', async () => {
    const dash = dashboards.service;
    const values = scenarioValues(variablesOf(dash), { service: ['httpbin.ambient-demo.svc.cluster.local'] });
    const at = Math.floor(Date.now() / 1000) - 1;
    const waypoint = await scalar(
      'sum(rate(istio_requests_total{reporter="waypoint", destination_service="httpbin.ambient-demo.svc.cluster.local"}[1m]))',
      at
    );
    for (const panel of ['Client request volume', 'Server request volume']) {
      const target = promTargets(dash).find((t) => t.panel === panel)!;
      const shown = await scalar(interpolate(target.expr, values), at);
      assert.ok(
        shown > 0 && near(shown, waypoint),
        `${panel}: ${shown} should equal the waypoint-reported rate ${waypoint}`
      );
    }
  });
});
