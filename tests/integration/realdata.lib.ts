import '../../bench/lib/meshgraph-globals';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { type DataFrame } from '@grafana/data';
import { framesToGraph, type PipelineResult } from '../../src/panels/meshgraph/model/pipeline';
import { defaultMeshGraphPanelOptions, type MeshGraphPanelOptions } from '../../src/panels/meshgraph/types';
import { graphPanelOptions, graphTargets, type GraphChoices } from '../../src/app/pages/graph/model/graphOptions';
import { namespaceVariableStatus, type NamespaceStatus } from '../../src/app/pages/graph/model/namespaceStatus';
import { PAGE_TRAFFIC_METRICS_SELECTOR } from './realdata.pageQueries';
import { buildNamespaceRows, type OverviewModel } from '../../src/app/pages/overview/model/namespaceRows';
import { overviewQueries } from '../../src/app/pages/overview/model/overviewQueries';
import { DEFAULT_THRESHOLDS } from '../../src/shared/settings';
import { presetPanels, presetPlanFor } from '../../dashboards-src/lib/inspect';
import type { Dashboard } from '@grafana/grafana-foundation-sdk/dashboard';
import { startReplay, type RunningReplay } from '../../simulator/replay/server';
import { startPrometheus, type RunningPrometheus } from '../lib/prometheus';
import { pollUntil } from '../lib/poll';
import { seriesFrames, tableFrame, type Vector } from '../lib/promFrames';

export type { Vector };

/** Seconds in which each replayed counter adds its recorded value once: rate() = recorded value / PERIOD. */
export const PERIOD = 60;
/** The rate window every query here uses (Grafana's `$__range` / `$__rate_interval`, interpolated). */
export const WINDOW = '5s';

export const SCRAPES = join(__dirname, '..', 'fixtures', 'scrapes');
export const fixtureText = (file: string) => readFileSync(join(SCRAPES, file), 'utf8');

export interface ReplayedTarget {
  file: string;
  /** Target labels, as Prometheus's kubernetes-pods job adds the pod's labels (`app`, `version`). */
  labels: Record<string, string>;
}

export interface FixtureMesh {
  prom: RunningPrometheus;
  replays: RunningReplay[];
  stop(): Promise<void>;
}

/** Replays the fixtures on 127.0.0.1 and starts a real Prometheus scraping each every second, with its labels. */
export async function startFixtureMesh(targets: readonly ReplayedTarget[]): Promise<FixtureMesh> {
  const replays = await Promise.all(targets.map((t) => startReplay(fixtureText(t.file), { periodSeconds: PERIOD })));
  const yaml = [
    'global:',
    '  scrape_interval: 1s',
    '  evaluation_interval: 1s',
    'scrape_configs:',
    ...targets.flatMap((t, i) => [
      `  - job_name: replay-${i}`,
      '    static_configs:',
      `      - targets: ['${replays[i].target}']`,
      `        labels: {${Object.entries(t.labels)
        .map(([k, v]) => `${k}: '${v}'`)
        .join(', ')}}`,
    ]),
    '',
  ].join('\n');
  let prom: RunningPrometheus;
  try {
    prom = await startPrometheus(yaml);
  } catch (e) {
    await Promise.all(replays.map((r) => r.stop()));
    throw e;
  }
  return {
    prom,
    replays,
    stop: async () => {
      await prom.stop();
      await Promise.all(replays.map((r) => r.stop()));
    },
  };
}

/**
 * Waits until the `n` series of `metric` have samples older than the rate window, so every `rate()` over
 * WINDOW sees a fully covered window and Prometheus's extrapolation gives the exact slope.
 */
export async function waitForFullWindow(prom: RunningPrometheus, metric: string, n: number): Promise<void> {
  const expr = `count(${metric} offset ${Number.parseInt(WINDOW, 10) + 1}s)`;
  await pollUntil(async () => {
    const v = (await prom.query(expr)) as Vector;
    return v.length === 1 && Number(v[0].value[1]) === n ? true : undefined;
  }, `${n} series of ${metric} older than the ${WINDOW} window`, 40_000);
}

/** An instant query at a fixed evaluation time (unix seconds), so several queries read the same instant. */
export function queryAt(prom: RunningPrometheus, expr: string, time?: number): Promise<Vector> {
  return prom.query(expr, time);
}

/** Grafana's variable interpolation for the queries: the window, the 1 s scrape interval, all clusters. */
export function interpolate(expr: string): string {
  return expr
    .replace(/\$__range|\$__rate_interval/g, WINDOW)
    .replace(/\$__interval/g, '1s')
    .replace(/\$\{cluster:regex\}/g, '.*');
}

/** The graph page's choices the tests use: the workload graph without service nodes or boxes. */
export const WORKLOAD_GRAPH: GraphChoices = { graphType: 'workload', edgeLabels: 'trafficRate', display: ['mtls'], focus: '' };

/**
 * THE GRAPH A PAGE SHOWS for these namespaces: the graph page's own grouped queries (graphTargets) on the real
 * Prometheus, as Grafana's table frames, through the mesh graph panel's Kiali model with the page's panel options
 * (graphPanelOptions): the one path the Graph page, the detail pages' graphs and the panel share.
 */
export async function pageGraph(prom: RunningPrometheus, namespaces: string[], choices: Partial<GraphChoices> = {}, time?: number): Promise<PipelineResult> {
  const c: GraphChoices = { ...WORKLOAD_GRAPH, ...choices };
  const frames: DataFrame[] = [];
  for (const t of graphTargets(namespaces, [], c.display)) {
    const expr = interpolate(t.expr);
    frames.push(tableFrame(t.refId, expr, await queryAt(prom, expr, time)));
  }
  const options: MeshGraphPanelOptions = { ...defaultMeshGraphPanelOptions, ...graphPanelOptions(c, namespaces.join(','), '') };
  return framesToGraph(frames, options);
}

/** The bundled Overview dashboard as it ships (src/dashboards; generated.test.ts keeps it current). */
export function shippedOverview(): Dashboard {
  return JSON.parse(readFileSync(join(__dirname, '..', '..', 'src', 'dashboards', 'meshlens-overview.json'), 'utf8')) as Dashboard;
}

/**
 * THE GRAPH THE OVERVIEW DASHBOARD DRAWS for these `namespace` values (`['$__all']` for All), all clusters: its mesh
 * graph panel's Istio preset as the panel plans it (variables replaced in csv; All listed first with the label values
 * lookup), the queries on the real Prometheus as table frames, then the panel's Kiali model with the saved options.
 */
export async function overviewDashboardGraph(prom: RunningPrometheus, namespace: string[], time?: number): Promise<{ result: PipelineResult; queries: number; namespaces: string[] }> {
  const [panel] = presetPanels(shippedOverview());
  if (!panel) {
    throw new Error('the Overview dashboard has no mesh graph panel in preset mode');
  }
  const v = (values: string[]) => ({ values, multi: true, includeAll: true, allValue: '.*' });
  let plan = presetPlanFor(panel, { namespace: v(namespace), cluster: v(['$__all']) });
  if (plan.ok && plan.namespaceLookup !== undefined) {
    const m = /^label_values\((.*), (\w+)\)$/.exec(plan.namespaceLookup)!;
    const res = await fetch(`${prom.url}/api/v1/label/${m[2]}/values?match[]=${encodeURIComponent(m[1])}`);
    const found = ((await res.json()) as { data: string[] }).data;
    plan = presetPlanFor(panel, { namespace: v(found), cluster: v(['$__all']) });
  }
  if (!plan.ok) {
    throw new Error(`the overview's preset failed: ${plan.error}`);
  }
  const frames: DataFrame[] = [];
  for (const t of plan.targets) {
    const expr = interpolate(t.expr);
    frames.push(tableFrame(t.refId, expr, await queryAt(prom, expr, time)));
  }
  const options = { ...defaultMeshGraphPanelOptions, ...(panel.options as Partial<MeshGraphPanelOptions>), namespaces: plan.namespaces.join(',') };
  return { result: framesToGraph(frames, options), queries: plan.targets.length, namespaces: plan.namespaces };
}

/**
 * WHAT THE GRAPH PAGE SAYS BEFORE DRAWING: its namespace variable's values (label_values over the traffic metrics, as
 * Grafana asks Prometheus for them) through the page's status model: `none` is the "No traffic metrics yet" message.
 */
export async function pageNamespaceStatus(prom: RunningPrometheus): Promise<{ namespaces: string[]; status: NamespaceStatus }> {
  const res = await fetch(`${prom.url}/api/v1/label/destination_workload_namespace/values?match[]=${encodeURIComponent(PAGE_TRAFFIC_METRICS_SELECTOR)}`);
  const body = (await res.json()) as { status: string; data: string[] };
  const namespaces = body.data ?? [];
  return { namespaces, status: namespaceVariableStatus({ options: namespaces.map((value) => ({ value })), value: [] }) };
}

/** THE OVERVIEW'S ROWS: its queries (overviewQueries) on the real Prometheus, folded by its model. */
export async function overviewRows(prom: RunningPrometheus, time?: number): Promise<OverviewModel> {
  const frames: DataFrame[] = [];
  for (const q of overviewQueries({ defaultNamespaces: [] })) {
    frames.push(...seriesFrames(q.refId, await queryAt(prom, interpolate(q.expr), time)));
  }
  return buildNamespaceRows(frames, DEFAULT_THRESHOLDS);
}

/** What a graph shows, in words: node titles and `source → target protocol` edges, sorted. */
export function graphInWords(result: PipelineResult): { nodes: string[]; edges: string[] } {
  if (!result.ok) {
    throw new Error(`the graph failed: ${result.error}`);
  }
  const title = new Map(result.graph.nodes.map((n) => [n.id, n.title]));
  return {
    nodes: result.graph.nodes.map((n) => n.title).sort(),
    edges: result.graph.edges.map((e) => `${title.get(e.source)} → ${title.get(e.target)} ${e.protocol}`).sort(),
  };
}

/** The edge between two node titles, failing with the edges there are. */
export function edgeBetween(result: PipelineResult, from: string, to: string) {
  if (!result.ok) {
    throw new Error(`the graph failed: ${result.error}`);
  }
  const title = new Map(result.graph.nodes.map((n) => [n.id, n.title]));
  const edge = result.graph.edges.find((e) => title.get(e.source) === from && title.get(e.target) === to);
  if (!edge) {
    throw new Error(`no edge ${from} → ${to} among ${graphInWords(result).edges.join(', ')}`);
  }
  return edge;
}

/** Relative closeness for rates computed by Prometheus in floating point from exactly linear counters. */
export function close(actual: number, expected: number, what: string): void {
  if (!(Math.abs(actual - expected) <= 1e-9 * Math.max(1, Math.abs(expected)))) {
    throw new Error(`${what}: expected ${expected}, got ${actual}`);
  }
}
