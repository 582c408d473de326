import React, { useEffect, useMemo, useRef } from 'react';
import { t } from '@grafana/i18n';
import { useStyles2, useTheme2 } from '@grafana/ui';
import { colorForName } from '../../../shared/ui/serviceColor';
import { FLAG_ERROR, type TraceColumns } from '../model/columns';
import { type Rows } from '../model/rows';
import { type EngineClient } from '../state/engineClient';
import { useTraceView } from '../state/TraceViewContext';
import { useFixedRowWindow } from '../state/useFixedRowWindow';
import { useKeyedRequest } from '../state/useKeyedRequest';
import { type TracePanelOptions } from '../types';
import { getRowStyles, PlaceholderRow, ROW_HEIGHT, SpanRow } from './SpanRow';

interface Props {
  rows: Rows;
  nameWidth: number;
  width: number;
  height: number;
}

/** The span tree as a fixed-row-height virtual list: only visible rows exist in the DOM, whatever the trace size. */
export function SpanList(p: Props) {
  const styles = useStyles2(getRowStyles);
  const theme = useTheme2();
  const scrollRef = useRef<HTMLDivElement>(null);
  const v = useTraceView();
  const { rows } = p;
  const { columns: c, collapse } = v;
  const view = useFixedRowWindow(scrollRef, rows.items.length, ROW_HEIGHT, p.height, 10);
  const colors = useMemo(
    () =>
      v.options.colorBy === 'status'
        ? c.services.map(() => theme.colors.success.main)
        : c.services.map((s) => colorForName(theme, s)),
    [c, theme, v.options.colorBy]
  );
  const segments = c.criticalBySpan;
  const labels = useBarLabels(v.client, c, v.options);

  // Scrolls once per jump: when it is asked for, or when the rows it needs appear (the ancestors are being expanded).
  // Later row changes (collapsing some other row) must not scroll back to an old jump.
  const scrolled = useRef(-1);
  const { scrollTarget } = v;
  useEffect(() => {
    if (scrollTarget.span < 0 || scrolled.current === scrollTarget.seq) {
      return;
    }
    const idx = rows.items.indexOf(scrollTarget.span);
    if (idx >= 0) {
      scrolled.current = scrollTarget.seq;
      view.scrollToIndex(idx);
    }
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [scrollTarget, rows]);

  const namePx = Math.round(p.width * p.nameWidth);
  const { range } = v.viewRange;
  const { showCriticalPath, barLabel } = v.options;
  // One stable context object, so memoised rows re-render only when what they draw changes.
  const words = useMemo(
    () => ({
      expand: t('trace.row.expand', 'Expand'),
      collapse: t('trace.row.collapse', 'Collapse'),
      error: t('trace.row.error', 'Error'),
      skew: t('trace.row.skew', 'Clock skew'),
      warning: t('trace.row.warning', 'Has warnings'),
    }),
    []
  );
  const ctx = useMemo(
    () => ({
      c,
      styles,
      colors,
      errorColor: theme.colors.error.main,
      segments,
      labels,
      range,
      namePx,
      showCriticalPath,
      barLabel,
      words,
    }),
    [c, styles, colors, theme, segments, labels, range, namePx, showCriticalPath, barLabel, words]
  );
  return (
    <div
      ref={scrollRef}
      className={styles.scroll}
      style={{ height: p.height }}
      role="tree"
      aria-label={t('trace.list.label', 'Spans')}
    >
      <div style={{ height: view.totalHeight, position: 'relative' }}>
        {Array.from({ length: view.last - view.first }, (_, j) => {
          const k = view.first + j;
          const s = rows.items[k];
          if (s < 0) {
            const h = -1 - s;
            return (
              <PlaceholderRow
                key={k}
                top={k * ROW_HEIGHT}
                depth={rows.placeholderDepth[h]}
                count={rows.placeholderCount[h]}
                errors={rows.placeholderErrors[h]}
                namePx={namePx}
                styles={styles}
              />
            );
          }
          return (
            <SpanRow
              key={k}
              ctx={ctx}
              index={s}
              top={k * ROW_HEIGHT}
              collapsed={collapse.collapsed[s] === 1}
              matched={v.matchSet[s] === 1}
              current={v.currentMatch === s}
              selected={v.selectedSpan === s}
              onToggle={collapse.toggle}
              onSelect={v.selectSpan}
              error={(c.flags[s] & FLAG_ERROR) !== 0}
            />
          );
        })}
      </div>
    </div>
  );
}

/** Attribute labels for the bars come from the engine (attributes stay in the worker). */
function useBarLabels(client: EngineClient, c: TraceColumns, options: TracePanelOptions): string[] | undefined {
  const key = options.barLabel === 'attribute' && options.barLabelAttribute ? options.barLabelAttribute : undefined;
  return useKeyedRequest(key === undefined ? undefined : `${c.summary.traceId}:${key}`, () =>
    client.request({ type: 'labels', key: key ?? '' })
  ).value;
}
