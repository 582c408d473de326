/**
 * Panel presets: the few looks the bundled dashboards use, so each dashboard file only says what to show.
 * Colours are Grafana's named palette colours (theme-aware), never hex.
 */
import {
  BigValueColorMode,
  BigValueGraphMode,
  GraphGradientMode,
  LegendDisplayMode,
  LegendPlacement,
  ReduceDataOptionsBuilder,
  StackingConfigBuilder,
  StackingMode,
  VisibilityMode,
  VizLegendOptionsBuilder,
  GraphDrawStyle,
} from '@grafana/grafana-foundation-sdk/common';
import type * as cog from '@grafana/grafana-foundation-sdk/cog';
import {
  PanelBuilder as GenericPanelBuilder,
  ThresholdsConfigBuilder,
  ThresholdsMode,
  type DashboardLink,
  type DataSourceRef,
} from '@grafana/grafana-foundation-sdk/dashboard';
import {
  PanelBuilder as HeatmapPanelBuilder,
  HeatmapColorOptionsBuilder,
  HeatmapColorMode,
  YAxisConfigBuilder,
} from '@grafana/grafana-foundation-sdk/heatmap';
import { DataqueryBuilder, PromQueryFormat } from '@grafana/grafana-foundation-sdk/prometheus';
import { PanelBuilder as StatPanelBuilder } from '@grafana/grafana-foundation-sdk/stat';
import { PanelBuilder as TextPanelBuilder, TextMode } from '@grafana/grafana-foundation-sdk/text';
import { PanelBuilder as TimeseriesPanelBuilder } from '@grafana/grafana-foundation-sdk/timeseries';
import { PROMETHEUS } from './datasources';
import { defaultHealthThresholds, errorRateSteps, successRatioSteps } from '../../src/shared/health';

/** One PromQL target. Range queries unless `instant`. */
export interface Query {
  expr: string;
  legend?: string;
  refId?: string;
  /** Instant query in table format, for tables and "top N" lists. */
  instant?: boolean;
  /** Ask Prometheus for exemplars (trace ids) along with the series. */
  exemplar?: boolean;
  /** Bucket series for a heatmap (`format: heatmap`, legend `{{le}}`). */
  heatmap?: boolean;
}

const REF_IDS = 'ABCDEFGHIJKLMNOPQRSTUVWXYZ';

export function promQuery(q: Query, index: number): DataqueryBuilder {
  const b = new DataqueryBuilder()
    .datasource(PROMETHEUS)
    .refId(q.refId ?? REF_IDS[index])
    .expr(q.expr);
  if (q.legend !== undefined) {
    b.legendFormat(q.legend);
  }
  if (q.instant) {
    b.instant().format(PromQueryFormat.Table);
  } else {
    b.range();
  }
  if (q.heatmap) {
    b.format(PromQueryFormat.Heatmap).legendFormat('{{le}}');
  }
  if (q.exemplar) {
    b.exemplar(true);
  }
  return b;
}

export function targets(queries: readonly Query[]): DataqueryBuilder[] {
  return queries.map(promQuery);
}

export interface TimeSeriesOptions {
  /** Stacked bars, for counts per type (xDS pushes). */
  bars?: boolean;
  links?: Array<cog.Builder<DashboardLink>>;
  min?: number;
  max?: number;
}

/** Line chart with a table legend (last, max), like Istio's generated dashboards. */
export function timeSeries(
  title: string,
  description: string,
  unit: string,
  queries: readonly Query[],
  options: TimeSeriesOptions = {}
): TimeseriesPanelBuilder {
  const b = new TimeseriesPanelBuilder()
    .title(title)
    .description(description)
    .datasource(PROMETHEUS)
    .unit(unit)
    .targets(targets(queries))
    .fillOpacity(10)
    .gradientMode(GraphGradientMode.Opacity)
    .showPoints(VisibilityMode.Never)
    .legend(
      new VizLegendOptionsBuilder()
        .showLegend(true)
        .displayMode(LegendDisplayMode.Table)
        .placement(LegendPlacement.Bottom)
        .calcs(['lastNotNull', 'max'])
    );
  if (options.bars) {
    b.drawStyle(GraphDrawStyle.Bars).fillOpacity(100).stacking(new StackingConfigBuilder().mode(StackingMode.Normal));
  }
  if (options.links) {
    b.dataLinks(options.links);
  }
  if (options.min !== undefined) {
    b.min(options.min);
  }
  if (options.max !== undefined) {
    b.max(options.max);
  }
  return b;
}

export interface StatOptions {
  /** Colour thresholds as [value, colour] steps above the base colour. */
  thresholds?: { base: string; steps: Array<[number, string]> };
  decimals?: number;
}

/** Big number of the last value with a sparkline. */
export function stat(
  title: string,
  description: string,
  unit: string,
  query: Query,
  options: StatOptions = {}
): StatPanelBuilder {
  const b = new StatPanelBuilder()
    .title(title)
    .description(description)
    .datasource(PROMETHEUS)
    .unit(unit)
    .targets(targets([query]))
    .graphMode(BigValueGraphMode.Area)
    .colorMode(BigValueColorMode.Value)
    .reduceOptions(new ReduceDataOptionsBuilder().calcs(['lastNotNull']).values(false));
  const t = options.thresholds ?? { base: 'blue', steps: [] };
  b.thresholds(
    new ThresholdsConfigBuilder()
      .mode(ThresholdsMode.Absolute)
      .steps([{ value: null, color: t.base }, ...t.steps.map(([value, color]) => ({ value, color }))])
  );
  if (options.decimals !== undefined) {
    b.decimals(options.decimals);
  }
  return b;
}

/**
 * Success ratio (not 5xx) colours from the app's health constants (Kiali's 5xx tolerance): red at
 * 90 % or less, orange below 100 % (any 5xx degrades), green at 100 %.
 */
export const SUCCESS_THRESHOLDS = successRatioSteps(defaultHealthThresholds);

/** A 5xx rate (req/s) coloured as Kiali grades any 5xx: degraded (orange) from the first error. */
export const ERROR_RATE_THRESHOLDS = errorRateSteps(defaultHealthThresholds);

/** Pre-bucketed Prometheus histogram as a heatmap (no re-bucketing in the browser). */
export function heatmap(title: string, description: string, unit: string, query: Query): HeatmapPanelBuilder {
  return new HeatmapPanelBuilder()
    .title(title)
    .description(description)
    .datasource(PROMETHEUS)
    .targets(targets([{ ...query, heatmap: true }]))
    .calculate(false)
    .color(new HeatmapColorOptionsBuilder().mode(HeatmapColorMode.Scheme).scheme('Spectral').steps(64))
    .yAxis(new YAxisConfigBuilder().unit(unit));
}

export function markdown(title: string, content: string): TextPanelBuilder {
  return new TextPanelBuilder()
    .title(title)
    .description(`About this dashboard: ${title}`)
    .mode(TextMode.Markdown)
    .content(content);
}

/** A panel of one of MeshLens' own panel plugins (or any plugin) with typed-by-caller options. */
export function pluginPanel(
  type: string,
  title: string,
  description: string,
  datasource: DataSourceRef,
  queries: Array<cog.Builder<cog.Dataquery>>,
  options: Record<string, unknown>
): GenericPanelBuilder {
  return new GenericPanelBuilder()
    .type(type)
    .title(title)
    .description(description)
    .datasource(datasource)
    .targets(queries)
    .options(options);
}
