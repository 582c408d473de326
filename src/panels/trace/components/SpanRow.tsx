import React, { memo } from 'react';
import { css, cx } from '@emotion/css';
import { type GrafanaTheme2 } from '@grafana/data';
import { t } from '@grafana/i18n';
import { useStyles2 } from '@grafana/ui';
import { formatDurationMs } from '../../../shared/format';
import { FLAG_SKEW, FLAG_WARNING, type TraceColumns } from '../model/columns';
import { barLabelPlacement } from '../model/barLabel';
import { type ViewRange } from '../state/useViewRange';
import { SpanIstioBadges } from './istio/SpanIstioBadges';

export const ROW_HEIGHT = 24;
const INDENT = 12;
const MAX_INDENT_LEVELS = 40;

export interface RowContext {
  c: TraceColumns;
  styles: ReturnType<typeof getRowStyles>;
  colors: readonly string[];
  errorColor: string;
  segments: { offsets: Int32Array; order: Int32Array };
  labels: readonly string[] | undefined;
  range: ViewRange;
  namePx: number;
  showCriticalPath: boolean;
  barLabel: 'duration' | 'attribute' | 'none';
  /** Translated words, looked up once per list render instead of once per row. */
  words: { expand: string; collapse: string; error: string; skew: string; warning: string };
}

interface Props {
  ctx: RowContext;
  index: number;
  top: number;
  collapsed: boolean;
  matched: boolean;
  current: boolean;
  selected: boolean;
  error: boolean;
  onToggle: (i: number) => void;
  onSelect: (i: number) => void;
}

/** Maps absolute ms to a percentage of the visible window. */
function pct(ctx: RowContext, ms: number): number {
  const s = ctx.c.summary;
  const f = (ms - s.startMs) / (s.durationMs || 1);
  return ((f - ctx.range[0]) / (ctx.range[1] - ctx.range[0])) * 100;
}

function SpanRowImpl({ ctx, index: i, top, collapsed, matched, current, selected, error, onToggle, onSelect }: Props) {
  const { c, styles } = ctx;
  const service = c.services[c.service[i]];
  const operation = c.operations[c.operation[i]];
  const start = c.start[i];
  const left = pct(ctx, start);
  const right = pct(ctx, start + c.duration[i]);
  const color = error ? ctx.errorColor : ctx.colors[c.service[i]];
  const depth = c.depth[i];
  const hidden = c.subtreeEnd[i] - i - 1;
  const label =
    ctx.barLabel === 'duration'
      ? formatDurationMs(c.duration[i])
      : ctx.barLabel === 'attribute'
        ? (ctx.labels?.[i] ?? '')
        : '';
  const place = barLabelPlacement(left, right);
  const segs: React.ReactNode[] = [];
  if (ctx.showCriticalPath) {
    for (let k = ctx.segments.offsets[i]; k < ctx.segments.offsets[i + 1]; k++) {
      const o = ctx.segments.order[k];
      const a = pct(ctx, c.criticalSegments[o + 1]);
      const b = pct(ctx, c.criticalSegments[o + 2]);
      segs.push(<div key={k} className={styles.critical} style={{ left: `${a}%`, width: `max(${b - a}%, 2px)` }} />);
    }
  }
  return (
    <div
      role="treeitem"
      aria-level={depth + 1}
      aria-selected={selected}
      aria-current={current ? 'true' : undefined}
      aria-expanded={c.childCount[i] > 0 ? !collapsed : undefined}
      aria-label={`${service} ${operation}`}
      className={cx(styles.row, matched && styles.matched, current && styles.current, selected && styles.selected)}
      style={{ transform: `translateY(${top}px)` }}
      data-testid="meshlens-span-row"
      onClick={() => onSelect(i)}
    >
      <div
        className={styles.name}
        style={{ width: ctx.namePx, paddingLeft: 4 + Math.min(depth, MAX_INDENT_LEVELS) * INDENT }}
      >
        {c.childCount[i] > 0 ? (
          <button
            type="button"
            className={styles.toggle}
            aria-label={`${collapsed ? ctx.words.expand : ctx.words.collapse} ${service} ${operation}`}
            onClick={(e) => {
              e.stopPropagation();
              onToggle(i);
            }}
          >
            {collapsed ? '▸' : '▾'}
          </button>
        ) : (
          <span className={styles.toggleSpace} />
        )}
        {depth > MAX_INDENT_LEVELS && <span className={styles.depth}>{depth}</span>}
        <span className={styles.service} style={{ borderColor: color }}>
          {service}
        </span>
        <span className={styles.operation}>{operation}</span>
        {collapsed && hidden > 0 && (
          <span
            className={styles.badge}
            title={t('trace.row.collapsedCount', '{{count}} spans collapsed', {
              count: hidden,
              defaultValue_one: '{{count}} span collapsed',
            })}
          >
            +{hidden}
          </span>
        )}
        {/* Plain glyphs, not <Icon>: rows mount by the dozen on every scroll frame. */}
        {error && (
          <span className={styles.errorIcon} role="img" aria-label={ctx.words.error}>
            ●
          </span>
        )}
        {(c.flags[i] & FLAG_SKEW) !== 0 && (
          <span className={styles.warnIcon} role="img" aria-label={ctx.words.skew}>
            ±
          </span>
        )}
        {(c.flags[i] & FLAG_WARNING) !== 0 && (c.flags[i] & FLAG_SKEW) === 0 && (
          <span className={styles.warnIcon} role="img" aria-label={ctx.words.warning}>
            ⚠
          </span>
        )}
        <SpanIstioBadges index={i} />
      </div>
      <div className={styles.timeline}>
        <div
          className={styles.bar}
          style={{ left: `${left}%`, width: `max(${right - left}%, 1px)`, background: color }}
        />
        {segs}
        {label && (
          <span
            className={place.side === 'inside' ? styles.labelInside : styles.label}
            data-label-side={place.side}
            style={place.side === 'left' ? { right: `${place.right}%` } : { left: `${place.left}%` }}
          >
            {label}
          </span>
        )}
      </div>
    </div>
  );
}

export const SpanRow = memo(SpanRowImpl);

export function PlaceholderRow(p: {
  top: number;
  depth: number;
  count: number;
  errors: number;
  namePx: number;
  styles: RowContext['styles'];
}) {
  return (
    <div
      className={cx(p.styles.row, p.styles.placeholder)}
      style={{ transform: `translateY(${p.top}px)` }}
      role="treeitem"
      aria-level={p.depth + 1}
      data-testid="meshlens-hidden-row"
    >
      <div
        className={p.styles.name}
        style={{ width: p.namePx, paddingLeft: 20 + Math.min(p.depth, MAX_INDENT_LEVELS) * INDENT }}
      >
        {t('trace.row.pruned', '↳ {{count}} spans hidden', {
          count: p.count,
          defaultValue_one: '↳ {{count}} span hidden',
        })}
        {p.errors > 0 &&
          ` ${t('trace.row.prunedErrors', '({{count}} errors)', { count: p.errors, defaultValue_one: '({{count}} error)' })}`}
      </div>
    </div>
  );
}

export const getRowStyles = (theme: GrafanaTheme2) => ({
  scroll: css({ overflow: 'auto', position: 'relative', contain: 'strict' }),
  row: css({
    position: 'absolute',
    top: 0,
    left: 0,
    width: '100%',
    height: ROW_HEIGHT,
    display: 'flex',
    alignItems: 'center',
    cursor: 'pointer',
    fontSize: theme.typography.bodySmall.fontSize,
    borderBottom: `1px solid ${theme.colors.border.weak}`,
    '&:hover': { background: theme.colors.action.hover },
  }),
  matched: css({ background: theme.colors.warning.transparent }),
  current: css({ boxShadow: `inset 3px 0 0 ${theme.colors.warning.main}` }),
  selected: css({ background: theme.colors.action.selected }),
  placeholder: css({ color: theme.colors.text.secondary, fontStyle: 'italic', cursor: 'default' }),
  name: css({
    display: 'flex',
    alignItems: 'center',
    gap: theme.spacing(0.5),
    overflow: 'hidden',
    whiteSpace: 'nowrap',
    flexShrink: 0,
    height: '100%',
    borderRight: `1px solid ${theme.colors.border.weak}`,
  }),
  toggle: css({
    background: 'none',
    border: 'none',
    padding: 0,
    color: theme.colors.text.secondary,
    cursor: 'pointer',
    width: 16,
    flexShrink: 0,
    lineHeight: 1,
  }),
  toggleSpace: css({ width: 16, flexShrink: 0 }),
  depth: css({ color: theme.colors.text.disabled }),
  service: css({
    borderLeft: '3px solid',
    paddingLeft: theme.spacing(0.5),
    fontWeight: theme.typography.fontWeightMedium,
  }),
  operation: css({ color: theme.colors.text.secondary, overflow: 'hidden', textOverflow: 'ellipsis' }),
  badge: css({
    color: theme.colors.text.secondary,
    background: theme.colors.background.secondary,
    borderRadius: theme.shape.radius.default,
    padding: '0 4px',
  }),
  errorIcon: css({ color: theme.colors.error.text, flexShrink: 0 }),
  warnIcon: css({ color: theme.colors.warning.text, flexShrink: 0 }),
  timeline: css({ position: 'relative', flexGrow: 1, height: '100%', overflow: 'hidden' }),
  bar: css({ position: 'absolute', top: 6, height: ROW_HEIGHT - 12, borderRadius: theme.shape.radius.default }),
  critical: css({ position: 'absolute', top: ROW_HEIGHT / 2 - 1, height: 2, background: theme.colors.text.primary }),
  label: css({
    position: 'absolute',
    top: 4,
    padding: theme.spacing(0, 0.5),
    color: theme.colors.text.secondary,
    whiteSpace: 'nowrap',
  }),
  // On the bar itself: the panel's background behind the text keeps it legible on any span colour.
  labelInside: css({
    position: 'absolute',
    top: 4,
    marginLeft: theme.spacing(0.5),
    padding: theme.spacing(0, 0.5),
    color: theme.colors.text.primary,
    background: theme.colors.background.primary,
    borderRadius: theme.shape.radius.default,
    whiteSpace: 'nowrap',
  }),
});

export const useRowStyles = () => useStyles2(getRowStyles);
