import React from 'react';
import {
  FieldType,
  getFieldDisplayName,
  reduceField,
  renderTextPanelMarkdown,
  type DataFrame,
  type GrafanaTheme2,
  type TimeRange,
} from '@grafana/data';
import {
  BigValue,
  BigValueColorMode,
  BigValueGraphMode,
  BigValueJustifyMode,
  BigValueTextMode,
  Table,
  TimeSeries,
} from '@grafana/ui';
import { toHeatmapBuckets } from './frames';

/** What the time series panel's field config defaults to in Grafana (its plugin's defaults). */
export const TIMESERIES_CUSTOM = {
  drawStyle: 'line',
  lineInterpolation: 'smooth',
  lineWidth: 1,
  fillOpacity: 10,
  gradientMode: 'none',
  showPoints: 'never',
  pointSize: 4,
  axisPlacement: 'auto',
  axisLabel: '',
  axisBorderShow: false,
  axisCenteredZero: false,
  axisColorMode: 'text',
  barAlignment: 0,
  scaleDistribution: { type: 'linear' },
  spanNulls: false,
  stacking: { mode: 'none', group: 'A' },
  thresholdsStyle: { mode: 'off' },
  hideFrom: { legend: false, tooltip: false, viz: false },
};

interface Size {
  width: number;
  height: number;
}

type Options = Record<string, any>;

export function TimeSeriesVisual({
  frames,
  options,
  timeRange,
  width,
  height,
}: Size & { frames: DataFrame[]; options: Options; timeRange: TimeRange }) {
  const legend = { showLegend: true, displayMode: 'list', placement: 'bottom', calcs: [], ...(options.legend ?? {}) };
  return (
    <TimeSeries
      frames={frames}
      width={width}
      height={height}
      timeRange={timeRange}
      timeZone="utc"
      legend={legend as never}
      options={options}
    />
  );
}

/** Stat: one BigValue per number field, reduced by the panel's calcs, with a sparkline for `graphMode: area`. */
export function StatVisual({
  frames,
  options,
  theme,
  width,
  height,
}: Size & { frames: DataFrame[]; options: Options; theme: GrafanaTheme2 }) {
  const calc = options.reduceOptions?.calcs?.[0] ?? 'lastNotNull';
  const values = frames.flatMap((frame) =>
    frame.fields
      .filter((f) => f.type === FieldType.number)
      .map((field) => {
        const reduced = reduceField({ field, reducers: [calc] })[calc];
        const display = field.display!(reduced);
        const time = frame.fields.find((f) => f.type === FieldType.time);
        const title = frames.length > 1 ? getFieldDisplayName(field, frame, frames) : undefined;
        // BigValue's sparkline reads the value range from field state, as Grafana's stat panel fills it.
        const finite = (field.values as number[]).filter(Number.isFinite);
        const [min, max] = [Math.min(...finite), Math.max(...finite)];
        const y = { ...field, state: { ...field.state, range: { min, max, delta: max - min } } };
        return { display: { ...display, title }, sparkline: time && finite.length > 1 ? { x: time, y } : undefined };
      })
  );
  const each = Math.floor(width / Math.max(1, values.length));
  return (
    <div style={{ display: 'flex' }}>
      {values.map((v, i) => (
        <BigValue
          key={i}
          theme={theme}
          width={each}
          height={height}
          value={v.display}
          sparkline={options.graphMode === 'none' ? undefined : v.sparkline}
          colorMode={(options.colorMode as BigValueColorMode) ?? BigValueColorMode.Value}
          graphMode={(options.graphMode as BigValueGraphMode) ?? BigValueGraphMode.Area}
          justifyMode={(options.justifyMode as BigValueJustifyMode) ?? BigValueJustifyMode.Auto}
          textMode={(options.textMode as BigValueTextMode) ?? BigValueTextMode.Auto}
          count={values.length}
        />
      ))}
    </div>
  );
}

export function TableVisual({ frames, options, width, height }: Size & { frames: DataFrame[]; options: Options }) {
  const frame = frames[options.frameIndex ?? 0] ?? frames[0];
  const sortBy = (options.sortBy ?? []) as Array<{ displayName: string; desc?: boolean }>;
  return <Table data={frame} width={width} height={height} initialSortBy={sortBy} cellHeight={options.cellHeight} />;
}

/**
 * Not Grafana's heatmap panel (which @grafana/ui does not export): per-bucket rates over time as cells whose
 * opacity follows the rate, buckets labelled by `le`, enough to see where pushes fall.
 */
export function HeatmapVisual({ frames, theme, width, height }: Size & { frames: DataFrame[]; theme: GrafanaTheme2 }) {
  const buckets = toHeatmapBuckets(frames).filter((b) => b.values.some((v) => v > 0));
  const columns = buckets[0]?.values.length ?? 0;
  const max = Math.max(1e-12, ...buckets.flatMap((b) => b.values));
  const labelW = 56;
  const cellW = (width - labelW) / Math.max(1, columns);
  const cellH = (height - 16) / Math.max(1, buckets.length);
  return (
    <svg width={width} height={height} role="img" aria-label={`Heatmap of ${buckets.length} buckets`}>
      {buckets.map((b, row) => {
        const y = (buckets.length - 1 - row) * cellH;
        return (
          <g key={b.le}>
            <text
              x={labelW - 4}
              y={y + cellH / 2 + 4}
              textAnchor="end"
              fill={theme.colors.text.secondary}
              fontSize={11}
            >
              {b.le}
            </text>
            {b.values.map((v, i) => (
              <rect
                key={i}
                x={labelW + i * cellW}
                y={y}
                width={Math.max(1, cellW - 1)}
                height={Math.max(1, cellH - 1)}
                fill={theme.visualization.getColorByName('orange')}
                fillOpacity={v / max}
              />
            ))}
          </g>
        );
      })}
      <text x={labelW} y={height - 2} fill={theme.colors.text.secondary} fontSize={11}>
        preview heatmap (drawn by the harness): per-bucket rate, le on the left
      </text>
    </svg>
  );
}

/** The text panel renders its markdown as Grafana does (sanitised HTML from the dashboard's own content). */
export function TextVisual({ content }: { content: string }) {
  return (
    <div
      className="markdown-html"
      style={{ padding: 4, overflow: 'auto', height: '100%' }}
      dangerouslySetInnerHTML={{ __html: renderTextPanelMarkdown(content) }}
    />
  );
}
