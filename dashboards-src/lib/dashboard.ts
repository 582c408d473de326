import type * as cog from '@grafana/grafana-foundation-sdk/cog';
import {
  DashboardBuilder,
  DashboardCursorSync,
  type Dashboard,
  type VariableModel,
} from '@grafana/grafana-foundation-sdk/dashboard';
import { layout, type Section } from './grid';
import { Dashboards, REVISION, type DashboardKey } from './ids';
import { navigationLinks } from './links';
import { RAW_SWITCH } from './recorded';
import { datasourceVariable, rawSwitchVariable } from './variables';

export interface DashboardSpec {
  key: DashboardKey;
  description: string;
  tags: string[];
  /** Variables after `datasource` (which every dashboard gets first). */
  variables: Array<cog.Builder<VariableModel>>;
  sections: Section[];
  refresh?: string;
  from?: string;
}

/**
 * MeshLens dashboard defaults: fixed uid, title and revision, `id: null` (Grafana assigns it), shared crosshair,
 * a Prometheus `datasource` variable first, the `raw` switch when a query reads recorded series, links to every other bundled dashboard and the app pages.
 */
export function buildDashboard(spec: DashboardSpec): Dashboard {
  const id = Dashboards[spec.key];
  const builder = new DashboardBuilder(id.title)
    .id(null)
    .uid(id.uid)
    .revision(REVISION)
    .description(spec.description)
    .tags(['meshlens', 'istio', ...spec.tags])
    .editable()
    .tooltip(DashboardCursorSync.Crosshair)
    .refresh(spec.refresh ?? '30s')
    .time({ from: spec.from ?? 'now-30m', to: 'now' })
    .timezone('browser')
    .withVariable(datasourceVariable());
  spec.variables.forEach((v) => builder.withVariable(v));
  const panels = layout(spec.sections);
  // Dashboards with recorded-or-raw queries get the `raw` switch (lib/recorded.ts), last, in the controls menu.
  if (JSON.stringify(panels).includes(JSON.stringify(RAW_SWITCH).slice(1, -1))) {
    builder.withVariable(rawSwitchVariable());
  }
  navigationLinks(spec.key).forEach((l) => builder.link(l));
  const built = builder.build();
  return { ...built, panels };
}
