import React, { useRef } from 'react';
import { css } from '@emotion/css';
import { useVirtualizer } from '@tanstack/react-virtual';
import { type GrafanaTheme2 } from '@grafana/data';
import { t } from '@grafana/i18n';
import { useStyles2, useTheme2 } from '@grafana/ui';
import { formatDurationMs } from '../../../shared/format';
import { colorForName } from '../../../shared/ui/serviceColor';
import { type TraceModel } from '../model/types';

const ROW_HEIGHT = 24;

interface Props {
  trace: TraceModel;
  height: number;
  nameColumnWidth: number;
}

/** The span tree as a virtualised list: only visible rows exist in the DOM, so size does not matter. */
export function SpanList({ trace, height, nameColumnWidth }: Props) {
  const styles = useStyles2(getStyles);
  const theme = useTheme2();
  const scrollRef = useRef<HTMLDivElement>(null);
  const virtualizer = useVirtualizer({
    count: trace.spans.length,
    getScrollElement: () => scrollRef.current,
    estimateSize: () => ROW_HEIGHT,
    overscan: 12,
  });
  const namePct = `${Math.round(nameColumnWidth * 100)}%`;
  const total = trace.durationMs || 1;

  return (
    <div ref={scrollRef} className={styles.scroll} style={{ height }} role="tree" aria-label={t('trace.list.label', 'Spans')}>
      <div style={{ height: virtualizer.getTotalSize(), position: 'relative' }}>
        {virtualizer.getVirtualItems().map((item) => {
          const span = trace.spans[item.index];
          const left = ((span.startMs - trace.startMs) / total) * 100;
          const width = Math.max((span.durationMs / total) * 100, 0.2);
          const color = span.hasError ? theme.colors.error.main : colorForName(theme, span.service);
          return (
            <div
              key={item.key}
              role="treeitem"
              aria-level={span.depth + 1}
              aria-label={`${span.service} ${span.operation}`}
              className={styles.row}
              style={{ transform: `translateY(${item.start}px)` }}
              data-testid="meshlens-span-row"
            >
              <div className={styles.name} style={{ width: namePct, paddingLeft: 8 + Math.min(span.depth, 40) * 12 }}>
                <span className={styles.service} style={{ borderColor: color }}>
                  {span.service}
                </span>
                <span className={styles.operation}>{span.operation}</span>
              </div>
              <div className={styles.timeline}>
                <div className={styles.bar} style={{ left: `${left}%`, width: `${width}%`, background: color }} />
                <span className={styles.label} style={{ left: `${Math.min(left + width, 90)}%` }}>
                  {formatDurationMs(span.durationMs)}
                </span>
              </div>
            </div>
          );
        })}
      </div>
    </div>
  );
}

const getStyles = (theme: GrafanaTheme2) => ({
  scroll: css({ overflow: 'auto', position: 'relative' }),
  row: css({
    position: 'absolute',
    top: 0,
    left: 0,
    width: '100%',
    height: ROW_HEIGHT,
    display: 'flex',
    alignItems: 'center',
    fontSize: theme.typography.bodySmall.fontSize,
    borderBottom: `1px solid ${theme.colors.border.weak}`,
    '&:hover': { background: theme.colors.action.hover },
  }),
  name: css({
    display: 'flex',
    gap: theme.spacing(0.5),
    overflow: 'hidden',
    whiteSpace: 'nowrap',
    flexShrink: 0,
    borderRight: `1px solid ${theme.colors.border.weak}`,
  }),
  service: css({ borderLeft: '3px solid', paddingLeft: theme.spacing(0.5), fontWeight: theme.typography.fontWeightMedium }),
  operation: css({ color: theme.colors.text.secondary, overflow: 'hidden', textOverflow: 'ellipsis' }),
  timeline: css({ position: 'relative', flexGrow: 1, height: '100%' }),
  bar: css({ position: 'absolute', top: 6, height: ROW_HEIGHT - 12, borderRadius: theme.shape.radius.default, minWidth: 1 }),
  label: css({ position: 'absolute', top: 4, paddingLeft: theme.spacing(0.5), color: theme.colors.text.secondary }),
});
