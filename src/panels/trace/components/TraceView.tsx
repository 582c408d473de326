import React, { useMemo, useState } from 'react';
import { css } from '@emotion/css';
import { type DataFrame, type GrafanaTheme2 } from '@grafana/data';
import { useStyles2 } from '@grafana/ui';
import { type TraceColumns, type TraceSummary } from '../model/columns';
import { buildRows } from '../model/rows';
import { type EngineClient } from '../state/engineClient';
import { useCollapse } from '../state/useCollapse';
import { useDeepLinkedSpan } from '../state/useDeepLinkedSpan';
import { useFind } from '../state/useFind';
import { useSpanFilter } from '../state/useSpanFilter';
import { useTraceKeyboard } from '../state/useTraceKeyboard';
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
  width: number;
  height: number;
}

/** One loaded trace: owns the view state (collapse, zoom, find, filters, selection) and switches between views. */
export function TraceView({
  client,
  series,
  columns,
  traces,
  selectedTrace,
  onSelectTrace,
  adjustSkew,
  onAdjustSkew,
  options,
  width,
  height,
}: Props) {
  const styles = useStyles2(getStyles);
  const [view, setView] = useState<TraceViewName>(options.defaultView);
  const [showFilters, setShowFilters] = useState(false);
  const [showHelp, setShowHelp] = useState(false);
  const linked = useDeepLinkedSpan(columns);
  const [selectedSpan, setSelectedSpan] = useState(linked);
  const [scrollTarget, setScrollTarget] = useState<{ span: number; seq: number }>({ span: linked, seq: 0 });
  const [focusFind, setFocusFind] = useState(0);
  const collapse = useCollapse(columns);
  const viewRange = useViewRange();
  const find = useFind(client, columns);
  const filter = useSpanFilter(client, columns);
  const extras = useIstioExtras(client, columns);
  const rows = useMemo(
    () => buildRows(columns, collapse.collapsed, filter.keep),
    [columns, collapse.collapsed, filter.keep]
  );

  const goTo = (span: number) => {
    if (span < 0) {
      return;
    }
    collapse.reveal(span);
    setScrollTarget((s) => ({ span, seq: s.seq + 1 }));
  };
  const step = (dir: 1 | -1) => {
    if (find.matches.length === 0) {
      return;
    }
    const k = (find.current + dir + find.matches.length) % find.matches.length;
    dir > 0 ? find.next() : find.prev();
    goTo(find.matches[k]);
  };
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

  const headerHeight = 64 + (showFilters ? 40 : 0) + 36;
  const bodyHeight = Math.max(height - headerHeight, 80);
  const body = (
    // The root takes keyboard focus so shortcuts work without a mouse.
    <div className={styles.root} tabIndex={0} onKeyDown={onKeyDown} aria-label="Trace view">
      <TraceHeader summary={columns.summary} traces={traces} selected={selectedTrace} onSelect={onSelectTrace} />
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
        criticalOnly={filter.criticalOnly}
        onCriticalOnly={filter.setCriticalOnly}
        adjustSkew={adjustSkew}
        onAdjustSkew={onAdjustSkew}
        skewCount={columns.summary.issues.skewed}
        collapse={collapse}
        onHelp={() => setShowHelp(true)}
      />
      {showFilters && (
        <FilterBar
          columns={columns}
          filter={filter.filter}
          onChange={filter.setFilter}
          matchesText={find.text}
          error={filter.error}
        />
      )}
      {view === 'timeline' && (
        <Timeline
          client={client}
          series={series}
          columns={columns}
          rows={rows}
          collapse={collapse}
          viewRange={viewRange}
          matchSet={find.matchSet}
          currentMatch={find.currentSpan}
          selectedSpan={selectedSpan}
          onSelectSpan={setSelectedSpan}
          onGoToSpan={goTo}
          scrollTarget={scrollTarget}
          options={options}
          width={width}
          height={bodyHeight}
        />
      )}
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
