import React, { useCallback, useMemo, useState } from 'react';
import { css } from '@emotion/css';
import { type DataFrame, type GrafanaTheme2 } from '@grafana/data';
import { useStyles2 } from '@grafana/ui';
import { spanIdAt, type TraceColumns, type TraceSummary } from '../model/columns';
import { buildRows } from '../model/rows';
import { filtersFromParam, filtersToParam, isDraftEmpty, toSpanFilter, viewFromParam } from '../model/viewState';
import { type EngineClient } from '../state/engineClient';
import { TraceViewContext, type TraceViewState } from '../state/TraceViewContext';
import { useCollapse } from '../state/useCollapse';
import { useDeepLinkedSpan } from '../state/useDeepLinkedSpan';
import { useFind } from '../state/useFind';
import { useSpanFilter } from '../state/useSpanFilter';
import { useTraceKeyboard } from '../state/useTraceKeyboard';
import { readUrlParam, useUrlParam } from '../state/useUrlState';
import { useViewRange } from '../state/useViewRange';
import { TraceExtrasContext, useIstioExtras } from '../state/useIstioExtras';
import { type TracePanelOptions, type TraceViewName } from '../types';
import { CallGraphView } from './CallGraphView';
import { FilterBar } from './FilterBar';
import { FlameGraph } from './FlameGraph';
import { HelpOverlay } from './HelpOverlay';
import { StatisticsTable } from './StatisticsTable';
import { Timeline } from './Timeline';
import { TraceHeader } from './TraceHeader';
import { Toolbar } from './Toolbar';

interface Props {
  client: EngineClient;
  series: readonly DataFrame[];
  columns: TraceColumns;
  traces: readonly TraceSummary[];
  selectedTrace: number;
  onSelectTrace: (index: number) => void;
  /** Asked for by the toggle; `columns.skewAdjusted` says what is drawn (it follows once the engine answers). */
  adjustSkew: boolean;
  onAdjustSkew: (on: boolean) => void;
  options: TracePanelOptions;
  /** The panel's id: its URL parameters are `meshlensView-<panelId>` etc., so two panels keep their own state. */
  panelId?: number;
  width: number;
  height: number;
  /** Input notes to show above the trace (frames ignored, values truncated, …). */
  notes?: React.ReactNode;
}

/**
 * One loaded trace: owns the view state (collapse, zoom, find, filters, selection) and switches between views.
 * View, find, filters and the selected span start from the URL and are written back to it, so a copied URL
 * (or a new trace with the same content) opens the same view.
 */
export function TraceView({ client, series, columns, traces, selectedTrace, onSelectTrace, adjustSkew, onAdjustSkew, options, panelId, width, height, notes }: Props) {
  const styles = useStyles2(getStyles);
  const [view, setView] = useState<TraceViewName>(() => viewFromParam(readUrlParam('view', panelId)) ?? options.defaultView);
  const [filters, setFilters] = useState(() => filtersFromParam(readUrlParam('filters', panelId)));
  const [showFilters, setShowFilters] = useState(() => !isDraftEmpty(filters));
  const [showHelp, setShowHelp] = useState(false);
  const linked = useDeepLinkedSpan(columns, panelId);
  const [selectedSpan, setSelectedSpan] = useState(linked);
  const [scrollTarget, setScrollTarget] = useState<{ span: number; seq: number }>({ span: linked, seq: 0 });
  const [focusFind, setFocusFind] = useState(0);
  const collapse = useCollapse(columns);
  const viewRange = useViewRange();
  const find = useFind(client, columns, readUrlParam('find', panelId) ?? '');
  const spanFilter = useMemo(() => toSpanFilter(filters, find.query), [filters, find.query]);
  const filter = useSpanFilter(client, columns, spanFilter, filters.criticalOnly);
  const extras = useIstioExtras(client, columns);
  const rows = useMemo(() => buildRows(columns, collapse.collapsed, filter.keep), [columns, collapse.collapsed, filter.keep]);

  useUrlParam('view', panelId, view === options.defaultView ? undefined : view);
  useUrlParam('find', panelId, find.query || undefined);
  useUrlParam('filters', panelId, filtersToParam(filters));
  useUrlParam('span', panelId, selectedSpan >= 0 ? spanIdAt(columns.spanIds, selectedSpan) : undefined);

  const { reveal } = collapse;
  const goTo = useCallback(
    (span: number) => {
      if (span < 0) {
        return;
      }
      reveal(span);
      setScrollTarget((s) => ({ span, seq: s.seq + 1 }));
    },
    [reveal]
  );
  const step = (dir: 1 | -1) => goTo(find.step(dir));
  const onKeyDown = useTraceKeyboard({
    nextMatch: () => step(1),
    prevMatch: () => step(-1),
    collapseAll: collapse.collapseAll,
    expandAll: collapse.expandAll,
    collapseLevel: collapse.collapseLevel,
    expandLevel: collapse.expandLevel,
    pan: viewRange.pan,
    zoom: viewRange.zoom,
    resetZoom: viewRange.reset,
    focusFind: () => setFocusFind((n) => n + 1),
    toggleHelp: () => setShowHelp((h) => !h),
    escape: () => (showHelp ? setShowHelp(false) : setSelectedSpan(-1)),
  });

  const ctx: TraceViewState = useMemo(
    () => ({
      client,
      series,
      columns,
      options,
      panelId,
      collapse,
      viewRange,
      matchSet: find.matchSet,
      currentMatch: find.currentSpan,
      selectedSpan,
      selectSpan: setSelectedSpan,
      goToSpan: goTo,
      scrollTarget,
    }),
    [client, series, columns, options, panelId, collapse, viewRange, find.matchSet, find.currentSpan, selectedSpan, goTo, scrollTarget]
  );

  const headerHeight = 64 + (showFilters ? 40 : 0) + 36;
  const bodyHeight = Math.max(height - headerHeight, 80);
  const body = (
    // The root takes keyboard focus so shortcuts work without a mouse.
    <TraceViewContext.Provider value={ctx}>
      <div className={styles.root} tabIndex={0} onKeyDown={onKeyDown} aria-label="Trace view">
        <TraceHeader summary={columns.summary} traces={traces} selected={selectedTrace} onSelect={onSelectTrace} />
        {notes}
        <Toolbar
          view={view}
          onView={setView}
          focusFind={focusFind}
          findText={find.text}
          onFindText={find.setText}
          matchCount={find.matches.length}
          currentMatch={find.current}
          onNext={() => step(1)}
          onPrev={() => step(-1)}
          showFilters={showFilters}
          onToggleFilters={() => setShowFilters((s) => !s)}
          criticalOnly={filters.criticalOnly}
          onCriticalOnly={(on) => setFilters((f) => ({ ...f, criticalOnly: on }))}
          adjustSkew={adjustSkew}
          onAdjustSkew={onAdjustSkew}
          skewCount={columns.summary.issues.skewed}
          collapse={collapse}
          onHelp={() => setShowHelp(true)}
        />
        {showFilters && (
          <FilterBar columns={columns} draft={filters} onChange={setFilters} findText={find.text} error={filter.error} />
        )}
        {view === 'timeline' && <Timeline rows={rows} width={width} height={bodyHeight} />}
        {view === 'statistics' && <StatisticsTable client={client} columns={columns} height={bodyHeight} />}
        {view === 'flamegraph' && (
          <FlameGraph
            columns={columns}
            width={width}
            height={bodyHeight}
            onSelectSpan={(i) => {
              setView('timeline');
              setSelectedSpan(i);
              goTo(i);
            }}
          />
        )}
        {view === 'callgraph' && <CallGraphView client={client} columns={columns} width={width} height={bodyHeight} />}
        {showHelp && <HelpOverlay onClose={() => setShowHelp(false)} />}
      </div>
    </TraceViewContext.Provider>
  );
  // Istio extras and the JSON export read the trace through this context (rows, detail, statistics, toolbar).
  return <TraceExtrasContext.Provider value={extras}>{body}</TraceExtrasContext.Provider>;
}

const getStyles = (theme: GrafanaTheme2) => ({
  root: css({
    display: 'flex',
    flexDirection: 'column',
    height: '100%',
    outline: 'none',
    '&:focus-visible': { outline: `2px solid ${theme.colors.primary.border}` },
  }),
});
