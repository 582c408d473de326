/** Reading generated dashboards back: the tests, the integration test and the bench all walk them the same way. */
import type { Dashboard, Panel, RowPanel, VariableModel } from '@grafana/grafana-foundation-sdk/dashboard';

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
