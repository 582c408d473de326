import React, { useRef } from 'react';
import { css } from '@emotion/css';
import { type GrafanaTheme2 } from '@grafana/data';
import { t } from '@grafana/i18n';
import { useStyles2 } from '@grafana/ui';
import { formatDurationMs } from '../../../shared/format';
import { type TraceColumns } from '../model/columns';
import { type ViewRange } from '../state/useViewRange';

interface Props {
  columns: TraceColumns;
  range: ViewRange;
  nameWidth: number;
  onNameWidth: (fraction: number) => void;
  width: number;
  height: number;
}

const TICKS = 5;

/** Column header: the resizable name column and time ticks for the visible window. */
export function TimeAxis({ columns, range, nameWidth, onNameWidth, width, height }: Props) {
  const styles = useStyles2(getStyles);
  const ref = useRef<HTMLDivElement>(null);
  const duration = columns.summary.durationMs;
  const onPointerDown = (e: React.PointerEvent) => {
    const el = ref.current;
    if (!el) {
      return;
    }
    const box = el.getBoundingClientRect();
    const move = (ev: PointerEvent) => onNameWidth(Math.min(0.85, Math.max(0.1, (ev.clientX - box.left) / box.width)));
    const up = () => {
      window.removeEventListener('pointermove', move);
      window.removeEventListener('pointerup', up);
    };
    window.addEventListener('pointermove', move);
    window.addEventListener('pointerup', up);
    e.preventDefault();
  };
  const nameCol = Math.round(width * nameWidth);
  return (
    <div ref={ref} className={styles.axis} style={{ height }}>
      <div className={styles.name} style={{ width: nameCol }}>
        {t('trace.axis.name', 'Service & operation')}
      </div>
      <div
        className={styles.resizer}
        style={{ left: nameCol - 3 }}
        role="separator"
        aria-orientation="vertical"
        aria-label={t('trace.axis.resize', 'Resize name column')}
        aria-valuenow={Math.round(nameWidth * 100)}
        tabIndex={0}
        onPointerDown={onPointerDown}
        onKeyDown={(e) => {
          if (e.key === 'ArrowLeft' || e.key === 'ArrowRight') {
            e.stopPropagation();
            onNameWidth(Math.min(0.85, Math.max(0.1, nameWidth + (e.key === 'ArrowLeft' ? -0.02 : 0.02))));
          }
        }}
      />
      <div className={styles.ticks}>
        {Array.from({ length: TICKS }, (_, k) => {
          const f = k / (TICKS - 1);
          return (
            <span
              key={k}
              className={styles.tick}
              style={{ left: `${f * 100}%`, transform: k === TICKS - 1 ? 'translateX(-100%)' : undefined }}
            >
              {formatDurationMs((range[0] + (range[1] - range[0]) * f) * duration)}
            </span>
          );
        })}
      </div>
    </div>
  );
}

const getStyles = (theme: GrafanaTheme2) => ({
  axis: css({
    display: 'flex',
    position: 'relative',
    borderBottom: `1px solid ${theme.colors.border.weak}`,
    fontSize: theme.typography.bodySmall.fontSize,
    color: theme.colors.text.secondary,
    flexShrink: 0,
  }),
  name: css({ padding: theme.spacing(0.5, 1), flexShrink: 0, whiteSpace: 'nowrap', overflow: 'hidden' }),
  resizer: css({
    position: 'absolute',
    top: 0,
    bottom: 0,
    width: 6,
    cursor: 'col-resize',
    zIndex: 1,
    '&:hover, &:focus': { background: theme.colors.primary.transparent },
  }),
  ticks: css({ position: 'relative', flexGrow: 1 }),
  tick: css({
    position: 'absolute',
    top: 4,
    paddingLeft: 2,
    borderLeft: `1px solid ${theme.colors.border.medium}`,
    whiteSpace: 'nowrap',
  }),
});
