import { firstValueFrom } from 'rxjs';
import {
  FieldType,
  type DataFrame,
  type DataQuery,
  type DataQueryRequest,
  type DataTransformerConfig,
  type FieldConfigSource,
  type GrafanaTheme2,
  type ScopedVars,
  type TimeRange,
} from '@grafana/data';
import { getDataSourceSrv } from '@grafana/runtime';
import { applyFieldConfig, applyTransformations, toTableFrames } from './frames';
import { substitute, type ResolvedVariable } from './variables';
import { TIMESERIES_CUSTOM } from './visuals';

/** The parts of a saved panel the preview reads. */
export interface SavedPanel {
  id?: number;
  type: string;
  title?: string;
  description?: string;
  gridPos: { x: number; y: number; w: number; h: number };
  datasource?: { type?: string; uid?: string };
  targets?: Array<
    DataQuery & { expr?: string; query?: string; format?: string; instant?: boolean; datasource?: { uid?: string } }
  >;
  transformations?: DataTransformerConfig[];
  fieldConfig?: FieldConfigSource;
  options?: Record<string, any>;
  panels?: SavedPanel[];
}

export type PanelOutcome =
  | { state: 'data'; frames: DataFrame[]; rows: number }
  | { state: 'empty'; frames: DataFrame[]; rows: 0 }
  /** Series came back but every sample is 0: drawn, yet it says nothing, so the test must name the reason. */
  | { state: 'zero'; frames: DataFrame[]; rows: number }
  | { state: 'error'; message: string }
  /** A MeshLens panel in preset mode: no targets, it runs its own queries (what it drew is in its own DOM). */
  | { state: 'preset'; frames: DataFrame[]; rows: 0 };

export interface LoadContext {
  scoped: ScopedVars;
  /** The resolved variables, for panels that ask for a format (`csv`) when they replace them. */
  vars: ResolvedVariable[];
  range: TimeRange;
  theme: GrafanaTheme2;
  widthPx: number;
  /** Why a panel is empty by design, by title (shown under "No data"). */
  emptyReasons?: Record<string, string>;
}

/** The field config `custom` defaults Grafana's panel plugins declare (the table's cell type drives its renderer). */
const CUSTOM_DEFAULTS: Record<string, Record<string, unknown>> = {
  timeseries: TIMESERIES_CUSTOM,
  table: { align: 'auto', cellOptions: { type: 'auto' }, inspect: false, minWidth: 120 },
};
const DEFAULT_COLOR: Record<string, { mode: string }> = { timeseries: { mode: 'palette-classic' } };

/** Saved thresholds write the base step as `value: null`; Grafana reads it as -Infinity. */
function loadThresholds(source: FieldConfigSource): FieldConfigSource {
  const fix = (config: any) => {
    for (const step of config?.thresholds?.steps ?? []) {
      if (step.value === null) {
        step.value = -Infinity;
      }
    }
  };
  const copy: FieldConfigSource = JSON.parse(JSON.stringify(source));
  fix(copy.defaults);
  copy.overrides?.forEach((o) => o.properties.forEach((p) => p.id === 'thresholds' && fix({ thresholds: p.value })));
  return copy;
}

/**
 * As Grafana's Prometheus data source: a series named by the target's legendFormat carries that name as
 * `displayNameFromDS` (so labels are not appended), and NaN samples (histogram_quantile over no requests) are
 * nulls, which the graph draws as gaps.
 */
function withLegend(frame: DataFrame, targets: SavedPanel['targets'] = []): DataFrame {
  const legend = targets.find((t) => t.refId === frame.refId && (t as { legendFormat?: string }).legendFormat);
  return {
    ...frame,
    fields: frame.fields.map((f) =>
      f.type !== FieldType.number
        ? f
        : {
            ...f,
            config: legend && frame.name ? { ...f.config, displayNameFromDS: frame.name } : f.config,
            values: f.values.map((v) => (Number.isNaN(v) ? null : v)),
          }
    ),
  };
}

/** Runs a panel's queries as Grafana would (one request per data source), then the table transform, transformations and field config. */
export async function loadPanel(panel: SavedPanel, ctx: LoadContext): Promise<PanelOutcome> {
  const targets = (panel.targets ?? []).filter((t) => !t.hide);
  const dsUid = (t: (typeof targets)[number]) =>
    substitute(t.datasource?.uid ?? panel.datasource?.uid ?? '', ctx.scoped);
  const rangeMs = ctx.range.to.valueOf() - ctx.range.from.valueOf();
  const intervalMs = Math.max(1000, Math.round(rangeMs / Math.max(100, ctx.widthPx) / 1000) * 1000);
  let frames: DataFrame[] = [];
  try {
    for (const uid of [...new Set(targets.map(dsUid))]) {
      const ds = await getDataSourceSrv().get({ uid });
      const own = targets
        .filter((t) => dsUid(t) === uid)
        .map((t) => ({
          ...t,
          expr: t.expr && substitute(t.expr, ctx.scoped),
          query: t.query && substitute(t.query, ctx.scoped),
        }));
      const request = {
        requestId: `preview-${panel.id}`,
        targets: own,
        range: ctx.range,
        rangeRaw: ctx.range.raw,
        scopedVars: ctx.scoped,
        interval: `${intervalMs / 1000}s`,
        intervalMs,
        maxDataPoints: ctx.widthPx,
        timezone: 'utc',
        app: 'dashboard',
        startTime: Date.now(),
      } as unknown as DataQueryRequest;
      const res = await firstValueFrom(
        ds.query(request) as never as import('rxjs').Observable<{
          data: DataFrame[];
          errors?: Array<{ message?: string }>;
        }>
      );
      if (res.errors?.length) {
        return { state: 'error', message: res.errors.map((e) => e.message).join('; ') };
      }
      const tableRefs = new Set(own.filter((t) => t.format === 'table').map((t) => t.refId));
      const [tables, rest] = [
        res.data.filter((f) => tableRefs.has(f.refId ?? '')),
        res.data.filter((f) => !tableRefs.has(f.refId ?? '')),
      ];
      frames.push(...rest, ...(tables.length ? toTableFrames(tables) : []));
    }
    frames = await applyTransformations(
      frames.map((f) => withLegend(f, targets)),
      panel.transformations
    );
  } catch (e) {
    return { state: 'error', message: e instanceof Error ? e.message : String(e) };
  }
  let seriesIndex = 0;
  frames.forEach((f) =>
    f.fields.forEach(
      (field) => field.type === FieldType.number && (field.state = { ...field.state, seriesIndex: seriesIndex++ })
    )
  );
  const source = loadThresholds(panel.fieldConfig ?? { defaults: {}, overrides: [] });
  source.defaults = {
    color: DEFAULT_COLOR[panel.type] ?? { mode: 'thresholds' },
    thresholds: { mode: 'absolute' as never, steps: [{ value: -Infinity, color: 'green' }] },
    ...source.defaults,
  };
  frames = applyFieldConfig(frames, source, ctx.theme, CUSTOM_DEFAULTS[panel.type] ?? {});
  // A heatmap whose buckets never counted anything draws no cell: report it as empty rather than as data.
  const observed =
    panel.type !== 'heatmap' ||
    frames.some((f) => f.fields.some((x) => x.type === FieldType.number && x.values.some((v) => v > 0)));
  const rows = observed ? frames.reduce((n, f) => n + f.length, 0) : 0;
  if (rows === 0) {
    return { state: 'empty', frames, rows: 0 };
  }
  const allZero = frames.every((f) => f.fields.every((x) => x.type !== FieldType.number || x.values.every((v) => !v)));
  return allZero ? { state: 'zero', frames, rows } : { state: 'data', frames, rows };
}
