/** Reading generated dashboards back: the tests, the integration test and the bench all walk them the same way. */
import type { Dashboard, Panel, RowPanel, VariableModel } from '@grafana/grafana-foundation-sdk/dashboard';
import { presetPlan, type PresetPlan } from '../../src/panels/meshgraph/model/preset/presetPlan';
import { csvValue, type VariableValue } from './interpolate';

export interface PromTarget {
  panel: string;
  panelType: string;
  refId: string;
  expr: string;
  instant: boolean;
}

export function panelsOf(dash: Dashboard): Panel[] {
  const out: Panel[] = [];
  for (const p of dash.panels ?? []) {
    if (p.type === 'row') {
      out.push(...((p as RowPanel).panels ?? []));
    } else {
      out.push(p as Panel);
    }
  }
  return out;
}

/** Every Prometheus target (panels whose datasource is the `datasource` variable). */
export function promTargets(dash: Dashboard): PromTarget[] {
  const out: PromTarget[] = [];
  for (const panel of panelsOf(dash)) {
    for (const t of (panel.targets ?? []) as unknown as Array<Record<string, unknown>>) {
      const ds = t.datasource as { type?: string } | undefined;
      if (ds?.type !== 'prometheus' || typeof t.expr !== 'string') {
        continue;
      }
      out.push({
        panel: panel.title ?? '',
        panelType: panel.type,
        refId: String(t.refId),
        expr: t.expr,
        instant: t.instant === true,
      });
    }
  }
  return out;
}

export function variablesOf(dash: Dashboard): VariableModel[] {
  return dash.templating?.list ?? [];
}

/** Mesh graph panels in preset mode: they carry no targets and run the Istio preset's queries themselves. */
export interface PresetPanel {
  panel: string;
  options: Record<string, unknown>;
}

export function presetPanels(dash: Dashboard): PresetPanel[] {
  return panelsOf(dash)
    .filter((p) => p.type === 'meshlens-meshgraph-panel' && (p.options as { dataMode?: string } | undefined)?.dataMode === 'preset')
    .map((p) => ({ panel: p.title ?? '', options: p.options as Record<string, unknown> }));
}

/**
 * The preset's plan for these variable values, as the panel makes it: its `namespaces` and `clusters` options with
 * `$name` replaced in Grafana's csv format (All is the variable's custom all value, which the plan reads as "All").
 */
export function presetPlanFor(p: PresetPanel, values: Record<string, VariableValue>): PresetPlan {
  const csv = (text: unknown) =>
    String(text ?? '').replace(/\$\{?(\w+)\}?/g, (m, name: string) => (values[name] ? csvValue(values[name]) : m));
  return presetPlan({
    namespaces: csv(p.options.namespaces),
    clusters: csv(p.options.clusters),
    compareOffset: String(p.options.compareOffset ?? ''),
    includeIdleEdges: p.options.includeIdleEdges === true,
    showIdleNodes: p.options.showIdleNodes === true,
  });
}
