import React, { useCallback, useMemo, useRef, useState } from 'react';
import { css } from '@emotion/css';
import { LoadingState, type DataFrame, type GrafanaTheme2, type PanelData, type PanelProps } from '@grafana/data';
import { t } from '@grafana/i18n';
import { useStyles2, useTheme2 } from '@grafana/ui';
import { PanelMessage } from '../../../shared/ui/PanelMessage';
import { toNodeGraphFrames } from '../model/export/toNodeGraphFrames';
import { toSvg } from '../model/export/toSvg';
import { toKialiJson } from '../model/mesh/toKialiJson';
import { useGraphPipeline, useVisibleGraph } from '../state/useGraphData';
import { useLayout } from '../state/useLayout';
import { usePanelLocation } from '../state/usePanelLocation';
import { usePanelState } from '../state/usePanelState';
import { usePresetData } from '../state/usePresetData';
import { defaultMeshGraphPanelOptions, type MeshGraphPanelOptions } from '../types';
import { type Viewport } from './canvas/viewport';
import { download } from './download';
import { FocusBanner } from './FocusBanner';
import { droppedText, Footer } from './Footer';
import { GraphCanvas, type GraphCanvasHandle } from './GraphCanvas';
import { type DrawStats } from './canvas/drawScene';
import { Legend } from './Legend';
import { Minimap } from './Minimap';
import { NodeList } from './NodeList';
import { SidePanel } from './SidePanel';
import { AS_TEXT } from '../../../shared/i18n/asText';
import { Toolbar } from './Toolbar';

const TOOLBAR = 40;
/** While the preset's queries run, the pipeline gets no frames (frozen: shared by every instance, never written). */
const NO_FRAMES: DataFrame[] = Object.freeze([]) as unknown as DataFrame[];
const FOOTER = 20;
const BANNER = 24;

export function MeshGraphPanel(props: PanelProps<MeshGraphPanelOptions>) {
  const { id, data, timeRange, timeZone, replaceVariables, options: saved, width, height, onOptionsChange } = props;
  // Dashboards saved by older versions lack newer options: fill them from the defaults.
  const options = useMemo(() => ({ ...defaultMeshGraphPanelOptions, ...saved }), [saved]);
  const styles = useStyles2(getStyles);
  const theme = useTheme2();
  const state = usePanelState(options.find, options.hide, replaceVariables(options.focus, data.request?.scopedVars));
  const preset = usePresetData(options, { panelId: id, data, timeRange, timeZone, width, replaceVariables });
  const series = preset.status === 'off' ? data.series : preset.status === 'done' ? preset.series : NO_FRAMES;
  // The model gets the namespaces as the queries used them: `$namespace` replaced, "All" as the namespaces the
  // preset found (outside/idle nodes depend on it).
  const namespaces = preset.status === 'done' ? preset.namespaces.join(',') : replaceVariables(options.namespaces, data.request?.scopedVars, 'csv');
  const modelOptions = useMemo(() => ({ ...options, namespaces }), [options, namespaces]);
  const pipeline = useGraphPipeline(series, modelOptions);
  const queryError = preset.status === 'off' ? panelQueryError(data) : undefined;
  const visible = useVisibleGraph(
    pipeline?.ok ? pipeline.graph : undefined,
    state.focus,
    options.nodeBudget,
    options.collapseBy,
    state.expanded,
    state.find,
    state.hide
  );
  const layout = useLayout(visible?.graph, options.layout, options.pins);
  const here = usePanelLocation();
  const canvas = useRef<GraphCanvasHandle>(null);
  const [viewport, setViewport] = useState<Viewport | undefined>(undefined);
  const [painted, setPainted] = useState(false);
  const [shortenedTitles, setShortenedTitles] = useState(0);
  const onPaint = useCallback((_ms: number, stats: DrawStats) => {
    setPainted(true);
    setShortenedTitles(stats.shortenedTitles);
  }, []);
  const onPin = useCallback(
    (id: string, x: number, y: number) =>
      onOptionsChange({ ...options, pins: { ...options.pins, [id]: { x: Math.round(x), y: Math.round(y) } } }),
    [onOptionsChange, options]
  );

  if (preset.status === 'error') {
    return <PanelMessage kind="error" message={preset.error} />;
  }
  // A failed query is never drawn as "no traffic" or as a partial graph read as healthy: the error is the panel.
  if (queryError) {
    return <PanelMessage kind="error" message={queryError} />;
  }
  if (preset.status === 'loading') {
    return (
      <div className={styles.pending} style={{ width, height }} role="status">
        {t('meshgraph.preset.loading', 'Running the Istio preset queries…')}
      </div>
    );
  }
  if (!pipeline) {
    return (
      <div className={styles.pending} style={{ width, height }} role="status">
        {t('meshgraph.building', 'Building the graph from {{count}} frames…', {
          count: series.length,
          defaultValue_one: 'Building the graph from {{count}} frame…',
        })}
      </div>
    );
  }
  if (!pipeline.ok) {
    return <PanelMessage kind="error" message={pipeline.error} />;
  }
  if (pipeline.graph.nodes.length === 0) {
    // Series that arrived but could not be used are not "no traffic": say what was dropped and why.
    const dropped = droppedText(pipeline.counts);
    if (dropped) {
      return (
        <PanelMessage
          kind="error"
          message={t(
            'meshgraph.emptyDropped',
            'Nothing to draw; {{dropped}}. The graph needs Istio’s standard labels, such as source_canonical_revision and destination_canonical_revision.',
            { dropped, ...AS_TEXT }
          )}
        />
      );
    }
    const noQueries =
      preset.status === 'off' && data.request !== undefined && !data.request.targets.some((q) => !q.hide);
    const message =
      preset.status === 'done'
        ? t('meshgraph.preset.empty', 'No Istio traffic in {{namespaces}} for this time range.', {
            namespaces,
            ...AS_TEXT,
          })
        : noQueries
          ? t(
              'meshgraph.noQueries',
              'This panel has no queries: choose Data “Istio preset” in the panel options to graph your Istio namespaces.'
            )
          : t('meshgraph.empty', 'No traffic in the query result for this time range.');
    return <PanelMessage kind="info" message={message} />;
  }
  if (layout.status === 'error') {
    return (
      <PanelMessage
        kind="error"
        message={t('meshgraph.layoutError', 'The layout failed: {{error}}', { error: layout.error, ...AS_TEXT })}
      />
    );
  }
  const banner = visible && visible.focus.status !== 'none' ? BANNER : 0;
  const graphHeight = Math.max(50, height - TOOLBAR - FOOTER - banner);
  const positions = layout.status === 'done' ? layout.positions : undefined;
  const onExport = (kind: 'png' | 'svg' | 'json' | 'kiali') => {
    if (!visible || !positions) {
      return;
    }
    if (kind === 'png') {
      const png = canvas.current?.toPng();
      if (png) {
        download('mesh-graph.png', png, 'image/png');
      }
    } else if (kind === 'svg') {
      const c = theme.colors;
      const svg = toSvg(visible.graph, positions.xy, positions.index, {
        healthy: c.success.main,
        degraded: c.warning.main,
        failure: c.error.main,
        idle: c.text.disabled,
        tcp: c.primary.main,
        fill: c.background.secondary,
        text: c.text.primary,
      });
      download('mesh-graph.svg', svg, 'image/svg+xml');
    } else if (kind === 'json') {
      download('mesh-graph.json', JSON.stringify(toNodeGraphFrames(visible.graph)), 'application/json');
    } else if (pipeline.model) {
      const json = toKialiJson(pipeline.model, { timestamp: Math.round(Date.now() / 1000), duration: 0 });
      download('mesh-graph.kiali.json', JSON.stringify(json), 'application/json');
    }
  };

  return (
    <div
      className={styles.root}
      style={{ width, height }}
      data-testid="meshlens-meshgraph-panel"
      data-meshlens-ready={painted && positions ? 'true' : undefined}
    >
      <Toolbar
        find={state.find}
        hide={state.hide}
        findError={visible?.findError}
        hideError={visible?.hideError}
        matches={visible?.matches.size ?? 0}
        onFind={state.setFind}
        onHide={state.setHide}
        onZoom={(f) => canvas.current?.zoom(f)}
        onFit={() => canvas.current?.fit()}
        legend={state.legend}
        onLegend={state.toggleLegend}
        onExport={onExport}
        canExportKiali={Boolean(pipeline.model)}
      />
      {visible && <FocusBanner focus={visible.focus} onShowAll={state.clearFocus} />}
      {(visible?.findError || visible?.hideError) && (
        <div className={styles.expressionError} role="alert">
          {visible.findError ?? visible.hideError}
        </div>
      )}
      {visible && positions ? (
        <>
          <GraphCanvas
            ref={canvas}
            graph={visible.graph}
            positions={positions}
            width={width}
            height={graphHeight}
            selected={state.selection?.id}
            matches={visible.matches}
            showMtls={options.showMtls}
            namespaceBoxes={options.boxByNamespace}
            animate={options.trafficAnimation}
            onSelect={state.select}
            onPin={onPin}
            onViewport={options.showMinimap ? setViewport : undefined}
            onPaint={onPaint}
          />
          <NodeList nodes={visible.graph.nodes} edges={visible.graph.edges} onSelect={state.select} />
          {options.showMinimap && visible.graph.nodes.length > 50 && (
            <Minimap
              xy={positions.xy}
              viewport={viewport ?? { x: 0, y: 0, k: 1 }}
              width={width}
              height={graphHeight}
              onCenter={(x, y) => canvas.current?.centerWorld(x, y)}
            />
          )}
        </>
      ) : (
        <div className={styles.pending} style={{ height: graphHeight }} role="status">
          {t('meshgraph.layingOut', 'Laying out {{count}} nodes…', {
            count: visible?.graph.nodes.length ?? 0,
            defaultValue_one: 'Laying out {{count}} node…',
          })}
        </div>
      )}
      {(state.legend || options.showLegend) && <Legend />}
      {state.selection && visible && (
        <SidePanel
          graph={visible.graph}
          selection={state.selection}
          links={{
            tracesDatasourceUid: options.tracesDatasourceUid,
            serviceDashboardUid: options.serviceDashboardUid,
            workloadDashboardUid: options.workloadDashboardUid,
            range: { from: timeRange.from.valueOf(), to: timeRange.to.valueOf() },
          }}
          here={here}
          onClose={() => state.select(undefined, undefined)}
          onExpand={state.expand}
        />
      )}
      {visible && <Footer visible={visible} counts={pipeline.counts} layout={positions} compare={pipeline.compare} shortenedTitles={shortenedTitles} />}
    </div>
  );
}

/** The panel's own queries failed (Grafana also marks the panel header): the text of every error, by refId. */
export function panelQueryError(data: PanelData): string | undefined {
  const errors = data.errors ?? [];
  if (errors.length === 0 && data.state !== LoadingState.Error) {
    return undefined;
  }
  const text = errors.map((e) => `${e.refId ? `${e.refId}: ` : ''}${e.message ?? e.data?.message ?? 'query failed'}`).join('; ');
  return t('meshgraph.queryError', 'The graph’s queries failed, so no graph is drawn: {{text}}', { text: text || 'unknown error', ...AS_TEXT });
}

const getStyles = (theme: GrafanaTheme2) => ({
  root: css({ position: 'relative', overflow: 'hidden' }),
  pending: css({ display: 'flex', alignItems: 'center', justifyContent: 'center', color: theme.colors.text.secondary }),
  expressionError: css({
    position: 'absolute',
    top: TOOLBAR,
    left: theme.spacing(1),
    right: theme.spacing(1),
    zIndex: 1,
    color: theme.colors.error.text,
    background: theme.colors.background.primary,
    fontSize: theme.typography.bodySmall.fontSize,
  }),
});
