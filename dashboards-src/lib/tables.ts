/** Table presets: one row per label set, value columns from instant queries. */
import type * as cog from '@grafana/grafana-foundation-sdk/cog';
import { TableSortByFieldStateBuilder } from '@grafana/grafana-foundation-sdk/common';
import type { DashboardLink } from '@grafana/grafana-foundation-sdk/dashboard';
import { PanelBuilder as TablePanelBuilder } from '@grafana/grafana-foundation-sdk/table';
import { PROMETHEUS } from './datasources';
import { SUCCESS_THRESHOLDS, targets, type Query } from './panels';

export interface TableColumn {
  /** refId of the instant query whose value fills the column. */
  refId: string;
  title: string;
  unit: string;
  /** Colour the cell by SUCCESS_THRESHOLDS (the app's health constants). */
  success?: boolean;
}

/**
 * The value column Grafana's Prometheus data source gives a table-format query: `Value #<refId>` when the panel
 * has several queries, plain `Value` when it has one (its result transformer's getValueText).
 */
export function valueColumn(queryCount: number, refId: string): string {
  return queryCount > 1 ? `Value #${refId}` : 'Value';
}

export interface TableOptions {
  /** Data links per column (by its title), for rows that lead to different dashboards from different cells. */
  columnLinks?: Record<string, Array<cog.Builder<DashboardLink>>>;
  /** Columns (by title) kept for links but not shown. */
  hidden?: string[];
}

/**
 * One row per label set, one value column per instant query (Grafana's "merge" transformation), with the label
 * columns kept and `Time` hidden. Istio's Mesh dashboard uses the same technique for its workload tables.
 */
export function mergedTable(
  title: string,
  description: string,
  queries: readonly Query[],
  columns: readonly TableColumn[],
  labelColumns: Record<string, string>,
  links: Array<cog.Builder<DashboardLink>> = [],
  options: TableOptions = {}
): TablePanelBuilder {
  const renameByName: Record<string, string> = { ...labelColumns };
  const indexByName: Record<string, number> = {};
  Object.keys(labelColumns).forEach((label, i) => (indexByName[label] = i));
  columns.forEach((c, i) => {
    renameByName[valueColumn(queries.length, c.refId)] = c.title;
    indexByName[valueColumn(queries.length, c.refId)] = Object.keys(labelColumns).length + i;
  });
  const b = new TablePanelBuilder()
    .title(title)
    .description(description)
    .datasource(PROMETHEUS)
    .targets(targets(queries.map((q) => ({ ...q, instant: true }))))
    .withTransformation({ id: 'merge', options: {} })
    .withTransformation({
      id: 'organize',
      options: { excludeByName: { Time: true }, renameByName, indexByName, includeByName: {} },
    });
  for (const c of columns) {
    const props: Array<{ id: string; value: unknown }> = [{ id: 'unit', value: c.unit }];
    if (c.success) {
      props.push(
        {
          id: 'thresholds',
          value: {
            mode: 'absolute',
            steps: [{ value: null, color: SUCCESS_THRESHOLDS.base }, ...SUCCESS_THRESHOLDS.steps.map(([value, color]) => ({ value, color }))],
          },
        },
        { id: 'custom.cellOptions', value: { type: 'color-text' } }
      );
    }
    b.overrideByName(c.title, props);
  }
  if (links.length > 0) {
    b.dataLinks(links);
  }
  for (const [title, columnLinks] of Object.entries(options.columnLinks ?? {})) {
    b.overrideByName(title, [{ id: 'links', value: columnLinks.map((l) => l.build()) }]);
  }
  for (const title of options.hidden ?? []) {
    // Kept in the data (links read it), not drawn as a column.
    b.overrideByName(title, [{ id: 'custom.hideFrom', value: { legend: true, tooltip: true, viz: true } }]);
  }
  return b;
}

/** A ranked list (one instant query), e.g. the slowest services. */
export function rankedTable(
  title: string,
  description: string,
  query: Query,
  valueTitle: string,
  unit: string,
  labelColumns: Record<string, string>,
  links: Array<cog.Builder<DashboardLink>> = []
): TablePanelBuilder {
  return mergedTable(
    title,
    description,
    [{ ...query, refId: 'value' }],
    [{ refId: 'value', title: valueTitle, unit }],
    labelColumns,
    links
  ).sortBy([new TableSortByFieldStateBuilder().displayName(valueTitle).desc(true)]);
}
