/** @jest-environment node */
/**
 * Coverage of Istio's seven dashboards: every Istio panel is mapped in coverage.json to one of ours, the panel
 * exists in the generated JSON, and it reads the same metrics (or a documented replacement).
 */
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import coverage from './coverage.json';
import { generateDashboards } from './generate';
import type { DashboardKey } from './lib/ids';
import { panelsOf, promTargets } from './lib/inspect';
import { addQuerySemantics, changeReason, coverageChanges, emptySemantics, panelSemantics } from './lib/semantics';

const dashboards = generateDashboards();

/** Istio metrics we deliberately read differently, with the reason. */
const REPLACED: Record<string, { by: string | null; why: string }> = {
  istio_request_duration_seconds_bucket: { by: null, why: 'Mixer-era fallback, removed' },
  envoy_wasm_remote_load_cache_entries: {
    by: 'istio_agent_wasm_cache_entries',
    why: 'istio-agent does the remote load',
  },
  envoy_wasm_remote_load_cache_hits: {
    by: 'istio_agent_wasm_cache_lookup_count',
    why: 'istio-agent does the remote load',
  },
  envoy_wasm_remote_load_cache_misses: {
    by: 'istio_agent_wasm_cache_lookup_count',
    why: 'istio-agent does the remote load',
  },
  envoy_wasm_remote_load_cache_negative_hits: {
    by: 'istio_agent_wasm_cache_lookup_count',
    why: 'istio-agent does the remote load',
  },
  envoy_wasm_remote_load_fetch_failures: {
    by: 'istio_agent_wasm_remote_fetch_count',
    why: 'istio-agent does the remote load',
  },
  envoy_wasm_remote_load_fetch_successes: {
    by: 'istio_agent_wasm_remote_fetch_count',
    why: 'istio-agent does the remote load',
  },
  process_open_fds: {
    by: null,
    why: 'a count, moved from the bytes-unit Disk panel to "istiod open files and goroutines"',
  },
};

function panelText(key: DashboardKey, title: string): string | undefined {
  const panel = panelsOf(dashboards[key]).find((p) => p.title === title);
  return panel ? JSON.stringify(panel) : undefined;
}

describe('coverage of Istio’s dashboards', () => {
  it('lists every panel of the seven Istio dashboards (97 in all)', () => {
    const perDashboard: Record<string, number> = {};
    coverage.panels.forEach((p) => (perDashboard[p.istioDashboard] = (perDashboard[p.istioDashboard] ?? 0) + 1));
    expect(perDashboard).toEqual(coverage.counts);
    expect(coverage.panels).toHaveLength(97);
  });

  it.each(coverage.panels.map((p) => [`${p.istioDashboard} / ${p.istioRow} / ${p.istioPanel}`, p] as const))(
    '%s has its information in our dashboards',
    (_, entry) => {
      const text = panelText(entry.dashboard as DashboardKey, entry.panel);
      expect({ target: `${entry.dashboard} / ${entry.panel}`, found: text !== undefined }).toEqual({
        target: `${entry.dashboard} / ${entry.panel}`,
        found: true,
      });
      for (const metric of entry.istioMetrics) {
        const replaced = REPLACED[metric];
        const expected = replaced ? replaced.by : metric;
        if (expected !== null) {
          expect({ metric, inPanel: text!.includes(expected) }).toEqual({ metric, inPanel: true });
        }
      }
    }
  );

  it('reads every difference in query meaning (metric, reporter, grouping, filters) from Istio’s panel, each with its reason', () => {
    const istio = JSON.parse(
      readFileSync(resolve(__dirname, '..', 'tests', 'fixtures', 'istio-dashboard-queries.json'), 'utf8')
    ) as { dashboards: Array<{ title: string; queries: Array<{ panel: string; expr: string }> }> };
    const rows = coverageChanges(coverage.panels, istio.dashboards, (key, panel) =>
      promTargets(dashboards[key as DashboardKey])
        .filter((t) => t.panel === panel)
        .map((t) => t.expr)
    );
    const unexplained = rows.flatMap((r) =>
      r.changes.filter((c) => !changeReason(c, r.where)).map((c) => `${r.where}: ${c}`)
    );
    expect(unexplained).toEqual([]);
    // The comparison sees what matters: Istio's client-side Mesh table against ours.
    const mesh = rows.find((r) => r.where === 'Istio Mesh Dashboard / Global Traffic / HTTP/gRPC Workloads')!;
    expect(mesh.changes).toEqual([
      'filter +destination_cluster',
      'filter +destination_workload_namespace',
      'group +destination_cluster',
    ]);
  });

  it('reads semantics from PromQL, recorded series as the raw metric they record', () => {
    const s = addQuerySemantics(
      'histogram_quantile(0.9, sum by (le, destination_workload) (avg_over_time(workload:istio_request_duration_milliseconds_bucket:rate1m{reporter=~"source|waypoint", destination_cluster=~"$cluster", meshlens_raw=~"$raw"}[$__rate_interval])))',
      emptySemantics()
    );
    expect({
      ...s,
      metrics: [...s.metrics],
      reporters: [...s.reporters],
      groupBy: [...s.groupBy],
      filters: [...s.filters],
    }).toEqual({
      metrics: ['istio_request_duration_milliseconds_bucket'],
      reporters: ['source', 'waypoint'],
      groupBy: ['destination_workload'],
      filters: ['destination_cluster'],
    });
    expect([...panelSemantics(['sum(rate(x{reporter=~"$qrep"}[1m])) by (a)']).reporters]).toEqual([
      'source',
      'destination',
    ]);
  });

  it('maps only to dashboards we generate', () => {
    const keys = new Set(Object.keys(dashboards));
    coverage.panels.forEach((p) => expect(keys.has(p.dashboard)).toBe(true));
  });
});
