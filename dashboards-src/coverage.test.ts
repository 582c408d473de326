/** @jest-environment node */
/**
 * Coverage of Istio's seven dashboards: every Istio panel is mapped in coverage.json to one of ours, the panel
 * exists in the generated JSON, and it reads the same metrics (or a documented replacement).
 */
import coverage from './coverage.json';
import { generateDashboards } from './generate';
import type { DashboardKey } from './lib/ids';
import { panelsOf } from './lib/inspect';

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

  it('maps only to dashboards we generate', () => {
    const keys = new Set(Object.keys(dashboards));
    coverage.panels.forEach((p) => expect(keys.has(p.dashboard)).toBe(true));
  });
});
