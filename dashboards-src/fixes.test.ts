/** @jest-environment node */
/**
 * The fixes MeshLens makes over Istio's dashboards (issue 6, "Fixes over Istio's"), checked on the generated
 * dashboards so a regression in any one panel fails here.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import type { Dashboard, DashboardLink, VariableModel } from '@grafana/grafana-foundation-sdk/dashboard';
import { generateDashboards } from './generate';
import { Dashboards, REVISION, type DashboardKey } from './lib/ids';
import { headerLinkVariables } from './lib/links';
import { panelsOf, presetPanels, presetPlanFor, promTargets, variablesOf } from './lib/inspect';
import { BUILTIN_INTERVALS, interpolate, type VariableValue } from './lib/interpolate';
import { parser } from '@prometheus-io/lezer-promql';
import { promqlSyntaxErrors } from './lib/promqlParse';

const all = generateDashboards();
const entries = Object.entries(all) as Array<[DashboardKey, Dashboard]>;
const ISTIO_STANDARD =
  /istio_(requests_total|request_duration_milliseconds|request_bytes|response_bytes|tcp_(sent|received)_bytes_total)/;

/** Any value per variable, enough to make every query text valid PromQL for the parser. */
function placeholders(vars: VariableModel[]): Record<string, VariableValue> {
  return Object.fromEntries(
    vars.map((v) => [v.name, { values: ['x'], multi: !!v.multi, includeAll: !!v.includeAll, allValue: v.allValue }])
  );
}

describe.each(entries)('%s dashboard', (key, dash) => {
  const targets = promTargets(dash);
  const vars = variablesOf(dash);
  const varByName = new Map(vars.map((v) => [v.name, v]));

  it('has a stable uid, title and revision, id null, and no __inputs', () => {
    expect(dash.uid).toBe(Dashboards[key].uid);
    expect(dash.title).toBe(Dashboards[key].title);
    expect(dash.revision).toBe(REVISION);
    expect(dash.id).toBeNull();
    expect(JSON.stringify(dash)).not.toMatch(/__inputs|\$\{DS_/);
  });

  it('selects Prometheus through a datasource variable used by every panel and query', () => {
    expect(vars[0]).toMatchObject({ name: 'datasource', type: 'datasource', query: 'prometheus' });
    for (const panel of panelsOf(dash)) {
      if (panel.type !== 'text' && panel.type !== 'meshlens-trace-panel') {
        expect({ panel: panel.title, ds: panel.datasource }).toEqual({
          panel: panel.title,
          ds: { type: 'prometheus', uid: '${datasource}' },
        });
      }
    }
    expect(targets.length).toBeGreaterThan(0);
  });

  it('has a cluster variable threaded through every query', () => {
    expect(varByName.get('cluster')).toMatchObject({ includeAll: true, multi: true, allValue: '.*' });
    for (const t of targets) {
      // Istio labels match the cluster id as is; scrape `cluster` labels also match when absent (`|`).
      expect({ panel: t.panel, expr: t.expr }).toEqual({
        panel: t.panel,
        expr: expect.stringMatching(/_cluster=~"\$cluster"|\bcluster=~"\$\{cluster\}\|"/),
      });
    }
  });

  it('keeps the cluster variable in the controls menu, defaulting to All, so one-cluster meshes see no filter', () => {
    // Grafana 12.4: hide 3 (VariableHide.inControlsMenu) lists the variable under the dashboard controls button;
    // 2 (hideVariable) would make it impossible to pick a cluster at all.
    expect(varByName.get('cluster')).toMatchObject({ hide: 3, current: { text: 'All', value: '$__all' } });
    expect(varByName.get('namespace')?.hide ?? 0).toBe(0);
  });

  it('threads the namespace variable through every query that has a namespace to filter', () => {
    // Panels whose series live outside the dashboard's namespace on purpose, with the reason.
    const clusterOnly: Record<string, string> = {
      'Istio components by version': 'istio_build spans every component, in every namespace',
      Connections: 'envoy xds-grpc connections are reported by proxies in all namespaces',
      'vCPU per 1k requests/s': 'the gateway series are selected by gateway pod/workload, in its own namespace',
      vCPU: 'the gateway series are selected by gateway pod, in its own namespace',
      'Memory per instance': 'the gateway series are selected by gateway pod, in its own namespace',
      'Bytes transferred': 'the gateway series are selected by gateway workload, in its own namespace',
      'istiod memory': 'istiod is selected by its app/pod patterns',
      'istiod vCPU': 'istiod is selected by its app/pod patterns',
      'istiod disk': 'istiod is selected by its app/pod patterns',
      'istiod open files and goroutines': 'istiod is selected by its app/pod patterns',
    };
    for (const t of targets) {
      if (!t.expr.includes('$namespace') && !(t.panel in clusterOnly)) {
        throw new Error(`${key} / ${t.panel} / ${t.refId} does not filter on $namespace: ${t.expr}`);
      }
    }
    expect(varByName.has('namespace')).toBe(true);
  });

  it('parses every query with the Prometheus grammar after Grafana-style interpolation', () => {
    for (const t of targets) {
      const expr = interpolate(t.expr, placeholders(vars));
      expect({ panel: t.panel, refId: t.refId, errors: promqlSyntaxErrors(expr) }).toEqual({
        panel: t.panel,
        refId: t.refId,
        errors: [],
      });
    }
  });

  it('uses rate over $__rate_interval for every range function, never irate or a fixed window', () => {
    for (const t of targets) {
      expect(t.expr).not.toMatch(/\birate\(/);
      const windows = [...t.expr.matchAll(/\[([^\]]+)\]/g)].map((m) => m[1]);
      windows.forEach((w) =>
        expect({ panel: t.panel, window: w }).toEqual({ panel: t.panel, window: '$__rate_interval' })
      );
    }
    expect(Object.keys(BUILTIN_INTERVALS)).toContain('__rate_interval');
  });

  it('never falls back to the Mixer-era istio_request_duration_seconds', () => {
    expect(JSON.stringify(dash)).not.toContain('istio_request_duration_seconds');
  });

  it('counts waypoint-reported traffic wherever a standard Istio metric is filtered by reporter', () => {
    for (const t of targets) {
      for (const m of t.expr.matchAll(/reporter(=~|=)"([^"]*)"/g)) {
        const [, op, value] = m;
        // ztunnel (L4) has no waypoint reporter; the gateway's own client-side view is exact by construction.
        const exempt =
          /ztunnel/.test(t.expr) || (op === '=' && value === 'source' && t.expr.includes('$gateway_workload'));
        if (ISTIO_STANDARD.test(t.expr) && !exempt) {
          expect({ panel: t.panel, reporter: value }).toEqual({
            panel: t.panel,
            reporter: expect.stringContaining('waypoint'),
          });
        }
      }
    }
  });

  it('matches single-value variables with = and only multi/All or user-regex variables with =~', () => {
    for (const t of targets) {
      for (const [, op, name] of t.expr.matchAll(/(=~|!~|=|!=)"\$([a-z_]+)"/g)) {
        const v = varByName.get(name);
        expect(v).toBeDefined();
        if (op === '=' || op === '!=') {
          expect({ name, multi: !!v!.multi, includeAll: !!v!.includeAll }).toEqual({
            name,
            multi: false,
            includeAll: false,
          });
        } else {
          // `raw` is the recorded/raw switch: its values are the regexes `.*` and `off` (lib/recorded.ts).
          const regexCapable = (v!.multi && v!.includeAll) || v!.type === 'textbox' || name === 'raw';
          expect({ name, regexCapable }).toEqual({ name, regexCapable: true });
        }
      }
    }
  });

  it('shows byte rates in bytes per second (Bps), never bits', () => {
    expect(JSON.stringify(dash)).not.toMatch(/"unit":\s*"bps"/);
    for (const panel of panelsOf(dash)) {
      const exprs = (panel.targets ?? []).map((t) => String((t as unknown as { expr?: string }).expr ?? ''));
      if (
        panel.type === 'timeseries' &&
        exprs.length > 0 &&
        exprs.every((e) => /rate\(istio_tcp_\w+_bytes_total/.test(e))
      ) {
        expect({ panel: panel.title, unit: panel.fieldConfig?.defaults?.unit }).toEqual({
          panel: panel.title,
          unit: 'Bps',
        });
      }
    }
  });

  it('describes every panel, in words written for this project', () => {
    const istioCopyPaste = [
      'Size of each xDS push',
      'Count of active and pending proxies',
      'Rate of XDS push operations',
    ];
    for (const panel of panelsOf(dash)) {
      expect({ panel: panel.title, ok: (panel.description ?? '').length > 20 }).toEqual({
        panel: panel.title,
        ok: true,
      });
    }
    const heatmapOrEvents = panelsOf(dash).filter((p) =>
      ['Events', 'Push time', 'Validation', 'Injection'].includes(p.title ?? '')
    );
    heatmapOrEvents.forEach((p) => istioCopyPaste.forEach((s) => expect(p.description).not.toContain(s)));
  });

  it('links to every other bundled dashboard by /d/<uid> with time range and variables, and to the app pages', () => {
    const links = (dash.links ?? []) as DashboardLink[];
    const others = (Object.keys(Dashboards) as DashboardKey[]).filter((k) => k !== key);
    for (const other of others) {
      const link = links.find((l) => l.url?.startsWith(`/d/${Dashboards[other].uid}?`));
      // Variables are listed in the URL (headerLinkVariables), not all carried: namespace means different labels.
      expect(link).toMatchObject({ type: 'link', includeVars: false, keepTime: true });
      expect(link!.url).toBe(`/d/${Dashboards[other].uid}?${headerLinkVariables(key, other)}`);
      expect(link!.url).toContain('${datasource:queryparam}&${cluster:queryparam}');
      expect(link).not.toHaveProperty('placement');
    }
    expect(links.map((l) => l.url)).toEqual(
      expect.arrayContaining(['/a/meshlens-istio-app/graph', '/a/meshlens-istio-app/traces'])
    );
  });

  it('renames table value columns by the names Grafana gives them (Value for one query, Value #refId for several)', () => {
    for (const panel of panelsOf(dash).filter((p) => p.type === 'table')) {
      const organize = (panel.transformations ?? []).find((t) => t.id === 'organize');
      const renamed = Object.keys((organize?.options as { renameByName: Record<string, string> }).renameByName);
      const refIds = (panel.targets ?? []).map((t) => (t as unknown as { refId: string }).refId);
      const expected = refIds.length === 1 ? ['Value'] : refIds.map((r) => `Value #${r}`);
      expect({ panel: panel.title, values: renamed.filter((n) => n.startsWith('Value')) }).toEqual({
        panel: panel.title,
        values: expected,
      });
    }
  });

  it('data links drill down only to bundled dashboards, carrying data source, time and the right cluster', () => {
    const uids = new Set<string>(Object.values(Dashboards).map((d) => d.uid));
    for (const panel of panelsOf(dash)) {
      const overrideLinks = (panel.fieldConfig?.overrides ?? []).flatMap((o) =>
        o.properties.filter((p) => p.id === 'links').flatMap((p) => p.value as Array<{ url: string }>)
      );
      for (const link of [
        ...((panel.fieldConfig?.defaults?.links ?? []) as Array<{ url: string }>),
        ...overrideLinks,
      ]) {
        const uid = link.url.match(/^\/d\/([^?]+)\?/)?.[1];
        expect(uid && uids.has(uid)).toBe(true);
        expect(link.url).toContain('${datasource:queryparam}&${__url_time_range}');
        expect(link.url).toMatch(/:percentencode\}/);
        // A workload opens in its own cluster (the row's or series' source/destination cluster), never in whatever
        // clusters are selected here; a service keeps the (destination) cluster selection or its row's.
        const cluster = link.url.match(/var-cluster=\$\{([^}]+)\}|\$\{cluster:queryparam\}/)?.[1] ?? 'selection';
        if (uid === Dashboards.workload.uid) {
          expect({ panel: panel.title, cluster }).toEqual({
            panel: panel.title,
            cluster: expect.stringMatching(/\.(source|destination)_cluster:percentencode$/),
          });
        } else {
          expect({ panel: panel.title, cluster }).toEqual({
            panel: panel.title,
            cluster: expect.stringMatching(/^(selection|.*\.destination_cluster:percentencode)$/),
          });
        }
      }
    }
  });
});

describe('whole set', () => {
  it('uses only standard PromQL every backend has (Prometheus 2 and 3, VictoriaMetrics, Thanos, Mimir), no le literals', () => {
    const functions = new Set<string>();
    const aggregations = new Set<string>();
    const leMatchers: string[] = [];
    for (const dash of Object.values(all)) {
      for (const t of promTargets(dash)) {
        parser.parse(t.expr).iterate({
          enter: (n) => {
            const text = t.expr.slice(n.from, n.to);
            if (n.type.name === 'FunctionIdentifier') {
              functions.add(text);
            } else if (n.type.name === 'AggregateOp') {
              aggregations.add(text);
            } else if (n.type.name === 'UnquotedLabelMatcher' && /^le\b/.test(text)) {
              // Prometheus 3 stores bucket bounds as 1.0 and 1e+06; a literal le="1" would match nothing there.
              leMatchers.push(`${t.panel}: ${text}`);
            }
          },
        });
      }
    }
    expect([...functions].sort()).toEqual(['histogram_quantile', 'label_replace', 'rate', 'vector']);
    expect([...aggregations].sort()).toEqual(['avg', 'sum', 'topk']);
    expect(leMatchers).toEqual([]);
  });

  it('builds the Wasm panels on istio-agent metrics (istio_agent_wasm_*)', () => {
    const exprs = promTargets(all.wasm)
      .map((t) => t.expr)
      .join('\n');
    for (const m of [
      'istio_agent_wasm_cache_entries',
      'istio_agent_wasm_cache_lookup_count',
      'istio_agent_wasm_remote_fetch_count',
      'istio_agent_wasm_config_conversion_count',
    ]) {
      expect(exprs).toContain(m);
    }
  });

  it('puts the mesh graph and trace panels on the overview', () => {
    const types = panelsOf(all.overview).map((p) => p.type);
    expect(types).toEqual(expect.arrayContaining(['meshlens-meshgraph-panel', 'meshlens-trace-panel']));
    const trace = panelsOf(all.overview).find((p) => p.type === 'meshlens-trace-panel')!;
    expect(trace.targets).toEqual([expect.objectContaining({ query: '${trace_id}' })]);
    const latency = panelsOf(all.overview).find((p) => p.title === 'P95 latency by service')!;
    expect(latency.targets).toEqual([expect.objectContaining({ exemplar: true })]);
  });

  it("runs the overview's mesh graph as the panel's Istio preset: the Graph page's grouped queries, no targets of its own", () => {
    const graph = panelsOf(all.overview).find((p) => p.type === 'meshlens-meshgraph-panel')!;
    expect(graph.targets).toEqual([]);
    expect(graph.options).toEqual({
      dataMode: 'preset',
      prometheusUid: '${datasource}',
      namespaces: '$namespace',
      clusters: '$cluster',
      graphType: 'workload',
      boxByNamespace: true,
      serviceDashboardUid: 'meshlens-istio-service',
      workloadDashboardUid: 'meshlens-istio-workload',
    });
    expect(presetPanels(all.overview)).toHaveLength(1);
    expect(entries.filter(([key]) => key !== 'overview').flatMap(([, d]) => presetPanels(d))).toEqual([]);
    // 10 panels (5 stats, graph, 2 tables, latency, trace); 8 Prometheus targets, none of them the graph's.
    expect(panelsOf(all.overview)).toHaveLength(10);
    expect(promTargets(all.overview).map((t) => t.panel)).toEqual([
      'Requests',
      'Success rate',
      'Errors',
      'P95 latency',
      'TCP traffic',
      'Slowest services',
      'Most failing services',
      'P95 latency by service',
    ]);
    const v = (values: string[]) => ({ values, multi: true, includeAll: true, allValue: '.*' });
    // Two namespaces and a cluster picked: the 12 grouped queries of the Graph page for exactly those.
    const picked = presetPlanFor(presetPanels(all.overview)[0], { namespace: v(['bookinfo', 'shop']), cluster: v(['east']) });
    expect(picked.ok && picked.namespaces).toEqual(['bookinfo', 'shop']);
    expect(picked.ok && picked.clusters).toEqual(['east']);
    expect(picked.ok && picked.targets).toHaveLength(12);
    expect(picked.ok && picked.targets[1].expr).toContain('destination_workload_namespace=~"bookinfo|shop",destination_cluster=~"east"}');
    // All (the default): the namespaces with Istio traffic are listed first, all clusters.
    const everything = presetPlanFor(presetPanels(all.overview)[0], { namespace: v(['$__all']), cluster: v(['$__all']) });
    expect(everything.ok && everything.namespaceLookup).toBe(
      'label_values({__name__=~"istio_requests_total|istio_tcp_received_bytes_total"}, destination_workload_namespace)'
    );
  });

  it('lists every generated dashboard in plugin.json includes, and pages by uid', () => {
    const plugin = JSON.parse(readFileSync(resolve(__dirname, '..', 'src', 'plugin.json'), 'utf8')) as {
      includes: Array<{ type: string; name: string; path: string; addToNav?: boolean }>;
    };
    for (const d of Object.values(Dashboards)) {
      expect(plugin.includes).toContainEqual({ type: 'dashboard', name: d.title, path: `dashboards/${d.file}` });
    }
    const pages = plugin.includes.filter((i) => i.type === 'page' && i.path.startsWith('d/'));
    const uids = new Set<string>(Object.values(Dashboards).map((d) => d.uid));
    expect(pages.length).toBeGreaterThan(0);
    pages.forEach((p) => expect(uids.has(p.path.slice(2))).toBe(true));
  });

  it('no source under src/ imports the foundation SDK (it must stay out of the runtime bundle)', () => {
    const offenders: string[] = [];
    const walk = (dir: string) => {
      for (const entry of readdirSync(dir, { withFileTypes: true })) {
        const path = join(dir, entry.name);
        if (entry.isDirectory()) {
          walk(path);
        } else if (/\.(ts|tsx|js)$/.test(entry.name) && readFileSync(path, 'utf8').includes('grafana-foundation-sdk')) {
          offenders.push(path);
        }
      }
    };
    walk(resolve(__dirname, '..', 'src'));
    expect(offenders).toEqual([]);
  });
});
