import React, { useRef } from 'react';
import { Link } from 'react-router-dom';
import { css } from '@emotion/css';
import { useVirtualizer } from '@tanstack/react-virtual';
import { type GrafanaTheme2 } from '@grafana/data';
import { t } from '@grafana/i18n';
import { useStyles2 } from '@grafana/ui';
import { graphUrlForNamespace } from '../../../routes';
import { formatCount, formatMs, formatPct, formatRate } from '../../../../shared/format';
import { type NamespaceRow } from '../model/namespaceRows';
import { HealthBadge } from './HealthBadge';
import { NamespaceFlags } from './NamespaceFlags';
import { Sparkline } from './Sparkline';
import { AS_TEXT } from '../../../../shared/i18n/asText';

// Two lines: the health word and its reason.
const ROW_HEIGHT = 48;
// minmax(0, …): a long health reason is cut with an ellipsis (whole in its tooltip), never widening its column.
const COLUMNS = ['1.8fr', '2.2fr', '0.8fr', '0.8fr', '1fr', '0.8fr', '0.8fr', '0.7fr'].map((f) => `minmax(0, ${f})`).join(' ') + ' 120px';

/** One virtualised row per namespace: 500 namespaces render as the ~20 that fit. */
export function NamespaceTable({ rows }: { rows: readonly NamespaceRow[] }) {
  const styles = useStyles2(getStyles);
  const scrollRef = useRef<HTMLDivElement>(null);
  const virtualizer = useVirtualizer({
    count: rows.length,
    getScrollElement: () => scrollRef.current,
    estimateSize: () => ROW_HEIGHT,
    overscan: 8,
  });
  return (
    <div
      role="table"
      aria-label={t('overview.table.label', 'Namespaces')}
      aria-rowcount={rows.length + 1}
      className={styles.table}
    >
      <div role="row" className={styles.header}>
        {[
          t('overview.col.namespace', 'Namespace'),
          t('overview.col.health', 'Health'),
          t('overview.col.workloads', 'Workloads'),
          t('overview.col.services', 'Services'),
          t('overview.col.rate', 'Request rate'),
          t('overview.col.errors', 'Errors'),
          t('overview.col.p95', 'P95 latency'),
          t('overview.col.mtls', 'mTLS'),
          t('overview.col.trend', 'Traffic'),
        ].map((h) => (
          <span role="columnheader" key={h}>
            {h}
          </span>
        ))}
      </div>
      <div ref={scrollRef} className={styles.scroll}>
        <div style={{ height: virtualizer.getTotalSize(), position: 'relative' }}>
          {virtualizer.getVirtualItems().map((item) => {
            const r = rows[item.index];
            return (
              <div
                role="row"
                key={r.namespace}
                aria-rowindex={item.index + 2}
                data-testid="meshlens-namespace-row"
                className={styles.row}
                style={{ transform: `translateY(${item.start}px)` }}
              >
                <span role="cell" className={styles.name}>
                  <Link
                    to={graphUrlForNamespace(r.namespace)}
                    aria-label={t('overview.open', 'Open the graph of {{namespace}}', {
                      ...AS_TEXT,
                      namespace: r.namespace,
                    })}
                  >
                    {r.namespace}
                  </Link>
                  <NamespaceFlags row={r} />
                </span>
                <span role="cell">
                  <HealthBadge health={r.health} reasons={r.healthReasons} compact />
                </span>
                <span role="cell">{formatCount(r.workloads)}</span>
                <span role="cell">{formatCount(r.services)}</span>
                <span role="cell">{formatRate(r.requestRate)}</span>
                <span role="cell">{formatPct(r.errorPct)}</span>
                <span role="cell">{formatMs(r.p95Ms)}</span>
                <span role="cell">{formatPct(r.mtlsPct)}</span>
                <span role="cell">
                  <Sparkline
                    values={r.trend?.values}
                    width={110}
                    height={24}
                    label={t('overview.trendOf', 'Request rate over time in {{namespace}}', {
                      ...AS_TEXT,
                      namespace: r.namespace,
                    })}
                  />
                </span>
              </div>
            );
          })}
        </div>
      </div>
    </div>
  );
}

const getStyles = (theme: GrafanaTheme2) => {
  const grid = {
    display: 'grid',
    gridTemplateColumns: COLUMNS,
    gap: theme.spacing(1),
    alignItems: 'center',
    padding: theme.spacing(0, 1),
  };
  return {
    table: css({ border: `1px solid ${theme.colors.border.weak}`, borderRadius: theme.shape.radius.default }),
    header: css({
      ...grid,
      height: ROW_HEIGHT,
      color: theme.colors.text.secondary,
      fontWeight: theme.typography.fontWeightMedium,
      borderBottom: `1px solid ${theme.colors.border.weak}`,
    }),
    scroll: css({ maxHeight: '60vh', overflowY: 'auto' }),
    row: css({
      ...grid,
      position: 'absolute',
      top: 0,
      left: 0,
      right: 0,
      height: ROW_HEIGHT,
      borderBottom: `1px solid ${theme.colors.border.weak}`,
      '&:hover': { background: theme.colors.action.hover },
    }),
    name: css({
      overflow: 'hidden',
      textOverflow: 'ellipsis',
      whiteSpace: 'nowrap',
      a: { color: theme.colors.text.link },
    }),
  };
};
