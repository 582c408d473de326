import React, { useMemo, useState } from 'react';
import { css, cx } from '@emotion/css';
import { type GrafanaTheme2 } from '@grafana/data';
import { t } from '@grafana/i18n';
import { IconButton, useStyles2 } from '@grafana/ui';
import { type TraceDiff } from '../model/compareTree';
import { AS_TEXT } from '../../../../shared/i18n/asText';

const ROW = 26;
/** Rows drawn above and below the visible window. */
const OVERSCAN = 10;
const MAX_HEIGHT = 420;

/** The visible rows of the merged tree: nodes whose ancestors are all expanded (a pure walk over `end`). */
function visibleRows(diff: TraceDiff, collapsed: ReadonlySet<number>): number[] {
  const out: number[] = [];
  for (let i = 0; i < diff.nodes.length;) {
    out.push(i);
    i = collapsed.has(i) ? diff.nodes[i].end : i + 1;
  }
  return out;
}

/**
 * Jaeger's trace diff as a tree: each (service, operation) path with its span count in A and B, coloured by
 * presence (A only, B only, both with other counts). Only the rows in view are in the DOM, so a diff of
 * thousands of paths scrolls as fast as one of ten.
 */
export function CompareTree({ diff }: { diff: TraceDiff }) {
  const styles = useStyles2(getStyles);
  const [collapsed, setCollapsed] = useState<ReadonlySet<number>>(new Set());
  const [scrollTop, setScrollTop] = useState(0);
  const rows = useMemo(() => visibleRows(diff, collapsed), [diff, collapsed]);
  const height = Math.min(MAX_HEIGHT, rows.length * ROW);
  const first = Math.max(0, Math.floor(scrollTop / ROW) - OVERSCAN);
  const last = Math.min(rows.length, Math.ceil((scrollTop + height) / ROW) + OVERSCAN);
  const toggle = (i: number) =>
    setCollapsed((c) => {
      const next = new Set(c);
      next.has(i) ? next.delete(i) : next.add(i);
      return next;
    });
  const status = (i: number) => {
    const n = diff.nodes[i];
    if (n.presence === 'a') {
      return { text: t('traces.diff.onlyA', 'only in A'), className: styles.onlyA };
    }
    if (n.presence === 'b') {
      return { text: t('traces.diff.onlyB', 'only in B'), className: styles.onlyB };
    }
    return n.countA !== n.countB
      ? { text: t('traces.diff.changed', 'count changed'), className: styles.changed }
      : { text: t('traces.diff.same', 'same'), className: undefined };
  };
  return (
    <section aria-label={t('traces.diff.label', 'Structure of A and B')}>
      <h5 data-testid="meshlens-diff-summary">
        {t(
          'traces.diff.summary',
          'Structure: {{nodes}} paths of service and operation · {{onlyA}} only in A · {{onlyB}} only in B · {{changed}} with other counts',
          { ...AS_TEXT, nodes: diff.nodes.length, onlyA: diff.onlyA, onlyB: diff.onlyB, changed: diff.changed }
        )}
        {diff.unplacedA + diff.unplacedB > 0 &&
          ` · ${t('traces.diff.unplaced', '{{a}} spans of A and {{b}} of B are in a parent cycle and not shown', {
            ...AS_TEXT,
            a: diff.unplacedA,
            b: diff.unplacedB,
          })}`}
      </h5>
      <div className={styles.legend}>
        <span className={styles.onlyA}>{t('traces.diff.onlyA', 'only in A')}</span>
        <span className={styles.onlyB}>{t('traces.diff.onlyB', 'only in B')}</span>
        <span className={styles.changed}>{t('traces.diff.changed', 'count changed')}</span>
      </div>
      <div
        className={styles.scroller}
        style={{ height }}
        role="tree"
        aria-label={t('traces.diff.tree', 'Merged span tree of A and B')}
        onScroll={(e) => setScrollTop(e.currentTarget.scrollTop)}
        data-testid="meshlens-diff-tree"
      >
        <div style={{ height: rows.length * ROW, position: 'relative' }}>
          {rows.slice(first, last).map((i, k) => {
            const n = diff.nodes[i];
            const st = status(i);
            const hasKids = n.end > i + 1;
            return (
              <div
                key={n.key}
                role="treeitem"
                aria-level={n.depth + 1}
                aria-expanded={hasKids ? !collapsed.has(i) : undefined}
                data-testid="meshlens-diff-node"
                className={cx(styles.row, st.className)}
                style={{ top: (first + k) * ROW, paddingLeft: n.depth * 16 }}
              >
                <span className={styles.toggle}>
                  {hasKids && (
                    <IconButton
                      size="sm"
                      name={collapsed.has(i) ? 'angle-right' : 'angle-down'}
                      aria-label={t('traces.diff.toggle', 'Collapse or expand {{name}}', {
                        ...AS_TEXT,
                        name: n.operation,
                      })}
                      onClick={() => toggle(i)}
                    />
                  )}
                </span>
                <span className={styles.name}>
                  <strong>{n.service}</strong> {n.operation}
                </span>
                <span className={styles.counts}>{`${n.countA} / ${n.countB}`}</span>
                <span className={styles.status}>{st.text}</span>
              </div>
            );
          })}
        </div>
      </div>
    </section>
  );
}

const getStyles = (theme: GrafanaTheme2) => ({
  scroller: css({ overflowY: 'auto', border: `1px solid ${theme.colors.border.weak}`, marginBottom: theme.spacing(2) }),
  row: css({
    position: 'absolute',
    left: 0,
    right: 0,
    height: ROW,
    display: 'flex',
    alignItems: 'center',
    gap: theme.spacing(1),
    borderBottom: `1px solid ${theme.colors.border.weak}`,
    fontSize: theme.typography.bodySmall.fontSize,
  }),
  toggle: css({ width: 24, flex: '0 0 24px' }),
  name: css({ flex: '1 1 auto', overflow: 'hidden', textOverflow: 'ellipsis', whiteSpace: 'nowrap' }),
  counts: css({ flex: '0 0 80px', textAlign: 'right', fontVariantNumeric: 'tabular-nums' }),
  status: css({ flex: '0 0 120px', paddingRight: theme.spacing(1) }),
  legend: css({
    display: 'flex',
    gap: theme.spacing(2),
    fontSize: theme.typography.bodySmall.fontSize,
    marginBottom: theme.spacing(0.5),
  }),
  onlyA: css({ color: theme.colors.error.text }),
  onlyB: css({ color: theme.colors.success.text }),
  changed: css({ color: theme.colors.warning.text }),
});
