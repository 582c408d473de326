import React from 'react';
import {
  EventBusSrv,
  LoadingState,
  PanelPlugin,
  type GrafanaTheme2,
  type PanelProps,
  type TimeRange,
} from '@grafana/data';
import { PanelChrome } from '@grafana/ui';
import { loadPanel, type LoadContext, type PanelOutcome, type SavedPanel } from './loadPanel';
import { HeatmapVisual, StatVisual, TableVisual, TextVisual, TimeSeriesVisual } from './visuals';
import { replaceForPanel } from './variables';

export interface PanelPlugins {
  [type: string]: { plugin: PanelPlugin; options(saved: Record<string, unknown>): Record<string, unknown> };
}

interface Props {
  panel: SavedPanel;
  width: number;
  height: number;
  ctx: LoadContext;
  plugins: PanelPlugins;
  onDone(): void;
}

/** Panel types the preview draws itself (text needs no query). */
const DRAWN = new Set(['timeseries', 'stat', 'table', 'heatmap', 'text']);

/** Keeps one crashing visual from blanking the whole preview; the crash becomes the panel's error state. */
class PanelBoundary extends React.Component<
  { onError(message: string): void; children: React.ReactNode },
  { failed: boolean }
> {
  override state = { failed: false };
  static getDerivedStateFromError() {
    return { failed: true };
  }
  override componentDidCatch(error: Error) {
    this.props.onError(`the visual crashed: ${error.message}`);
  }
  override render() {
    return this.state.failed ? null : this.props.children;
  }
}

function describe(outcome: PanelOutcome | undefined): { state: string; detail: string } {
  if (!outcome) {
    return { state: 'loading', detail: '' };
  }
  if (outcome.state === 'error') {
    return { state: 'error', detail: outcome.message };
  }
  if (outcome.state === 'preset') {
    return { state: 'preset', detail: 'the panel runs its own queries' };
  }
  return { state: outcome.state, detail: `${outcome.frames.length} frames, ${outcome.rows} rows` };
}

/** One dashboard panel: Grafana's panel chrome around the drawn visual, with its outcome in data attributes for the test. */
export function PreviewPanel({ panel, width, height, ctx, plugins, onDone }: Props) {
  const [outcome, setOutcome] = React.useState<PanelOutcome | undefined>(
    panel.type === 'text' ? { state: 'data', frames: [], rows: 0 } : undefined
  );
  React.useEffect(() => {
    if (panel.type === 'text') {
      onDone();
      return;
    }
    let live = true;
    const supported = DRAWN.has(panel.type) || plugins[panel.type];
    // The mesh graph's Istio preset: the panel queries the data source itself, so the preview runs no targets.
    const preset = plugins[panel.type] && panel.options?.dataMode === 'preset';
    const run = preset
      ? Promise.resolve<PanelOutcome>({ state: 'preset', frames: [], rows: 0 })
      : supported
      ? loadPanel(panel, ctx)
      : Promise.resolve<PanelOutcome>({ state: 'error', message: `the preview cannot draw panel type ${panel.type}` });
    run.then((o) => live && (setOutcome(o), onDone()));
    return () => {
      live = false;
    };
    // The panel and context are fixed for one preview.
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, []);
  const [crash, setCrash] = React.useState<string | undefined>();
  const { state, detail } = crash ? { state: 'error', detail: crash } : describe(outcome);
  return (
    <div
      data-testid="preview-panel"
      data-title={panel.title ?? ''}
      data-type={panel.type}
      data-state={state}
      data-detail={detail}
      style={{ width, height }}
    >
      <PanelChrome
        title={panel.title}
        description={panel.description}
        width={width}
        height={height}
        loadingState={outcome ? LoadingState.Done : LoadingState.Loading}
        statusMessage={crash ?? (outcome?.state === 'error' ? outcome.message : undefined)}
      >
        {(w, h) => (
          <PanelBoundary onError={setCrash}>
            <Body
              panel={panel}
              outcome={outcome}
              width={w}
              height={h}
              theme={ctx.theme}
              timeRange={ctx.range}
              plugins={plugins}
              ctx={ctx}
            />
          </PanelBoundary>
        )}
      </PanelChrome>
    </div>
  );
}

interface BodyProps {
  panel: SavedPanel;
  outcome: PanelOutcome | undefined;
  width: number;
  height: number;
  theme: GrafanaTheme2;
  timeRange: TimeRange;
  plugins: PanelPlugins;
  ctx: LoadContext;
}

function Body({ panel, outcome, width, height, theme, timeRange, plugins, ctx }: BodyProps) {
  const options = panel.options ?? {};
  if (panel.type === 'text') {
    return <TextVisual content={String(options.content ?? '')} />;
  }
  if (!outcome || outcome.state === 'error') {
    return null;
  }
  const plugin = plugins[panel.type];
  if (plugin) {
    // MeshLens panels get the frames as Grafana hands them over, empty or not: their empty state is their own.
    const Panel = plugin.plugin.panel as React.ComponentType<PanelProps>;
    return (
      <Panel
        id={panel.id ?? 0}
        title={panel.title ?? ''}
        data={{ state: LoadingState.Done, series: outcome.frames, timeRange }}
        timeRange={timeRange}
        timeZone="utc"
        options={plugin.options(options)}
        fieldConfig={panel.fieldConfig ?? { defaults: {}, overrides: [] }}
        transparent={false}
        width={width}
        height={height}
        renderCounter={0}
        replaceVariables={(s: string, _scoped?: unknown, format?: unknown) =>
          replaceForPanel(s, ctx.scoped, ctx.vars, typeof format === 'string' ? format : undefined)
        }
        onOptionsChange={() => {}}
        onFieldConfigChange={() => {}}
        onChangeTimeRange={() => {}}
        eventBus={new EventBusSrv()}
      />
    );
  }
  if (outcome.state === 'empty') {
    return (
      <div
        style={{
          display: 'flex',
          flexDirection: 'column',
          alignItems: 'center',
          justifyContent: 'center',
          height,
          color: theme.colors.text.secondary,
          textAlign: 'center',
          padding: 8,
        }}
      >
        <div>No data</div>
        {ctx.emptyReasons?.[panel.title ?? ''] && (
          <div style={{ fontSize: theme.typography.bodySmall.fontSize, marginTop: 4 }}>
            {ctx.emptyReasons[panel.title ?? '']}
          </div>
        )}
      </div>
    );
  }
  switch (panel.type) {
    case 'timeseries':
      return (
        <TimeSeriesVisual
          frames={outcome.frames}
          options={options}
          timeRange={timeRange}
          width={width}
          height={height}
        />
      );
    case 'stat':
      return <StatVisual frames={outcome.frames} options={options} theme={theme} width={width} height={height} />;
    case 'table':
      return <TableVisual frames={outcome.frames} options={options} width={width} height={height} />;
    default:
      return <HeatmapVisual frames={outcome.frames} theme={theme} width={width} height={height} />;
  }
}
