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
import { useElementWidth } from '../state/useElementWidth';
import { HealthBadge } from './HealthBadge';
import { NamespaceFlags } from './NamespaceFlags';
import { Sparkline } from './Sparkline';
import { AS_TEXT } from '../../../../shared/i18n/asText';

const CARD_MIN_WIDTH = 260;
// Room for the health reason line under the badge.
const CARD_ROW_HEIGHT = 208;

/** Cards in a grid, virtualised by grid row; the column count follows the width. */
export function NamespaceCards({ rows }: { rows: readonly NamespaceRow[] }) {
  const styles = useStyles2(getStyles);
  const scrollRef = useRef<HTMLDivElement>(null);
  const width = useElementWidth(scrollRef);
  const columns = Math.max(1, Math.floor(width / CARD_MIN_WIDTH));
  const gridRows = Math.ceil(rows.length / columns);
  const virtualizer = useVirtualizer({
    count: gridRows,
    getScrollElement: () => scrollRef.current,
    estimateSize: () => CARD_ROW_HEIGHT,
    overscan: 2,
  });
  return (
    <div ref={scrollRef} className={styles.scroll} role="list" aria-label={t('overview.cards.label', 'Namespaces')}>
      <div style={{ height: virtualizer.getTotalSize(), position: 'relative' }}>
        {virtualizer.getVirtualItems().map((item) => (
          <div
            key={item.index}
            className={styles.gridRow}
            style={{ transform: `translateY(${item.start}px)`, gridTemplateColumns: `repeat(${columns}, minmax(0, 1fr))` }}
          >
            {rows.slice(item.index * columns, (item.index + 1) * columns).map((r) => (
              <Card key={r.namespace} row={r} />
            ))}
          </div>
        ))}
      </div>
    </div>
  );
}

function Card({ row: r }: { row: NamespaceRow }) {
  const styles = useStyles2(getStyles);
  const stat = (label: string, value: string) => (
    <div className={styles.stat}>
      <dt>{label}</dt>
      <dd>{value}</dd>
    </div>
  );
  return (
    <div role="listitem" className={styles.card} data-testid="meshlens-namespace-card">
      <div className={styles.title}>
        <Link
          to={graphUrlForNamespace(r.namespace)}
          aria-label={t('overview.open', 'Open the graph of {{namespace}}', { ...AS_TEXT, namespace: r.namespace })}
        >
          {r.namespace}
        </Link>
        <NamespaceFlags row={r} />
      </div>
      <div className={styles.health}>
        <HealthBadge health={r.health} reasons={r.healthReasons} compact />
      </div>
      <dl className={styles.stats}>
        {stat(t('overview.col.workloads', 'Workloads'), formatCount(r.workloads))}
        {stat(t('overview.col.services', 'Services'), formatCount(r.services))}
        {stat(t('overview.col.rate', 'Request rate'), formatRate(r.requestRate))}
        {stat(t('overview.col.errors', 'Errors'), formatPct(r.errorPct))}
        {stat(t('overview.col.p95', 'P95 latency'), formatMs(r.p95Ms))}
        {stat(t('overview.col.mtls', 'mTLS'), formatPct(r.mtlsPct))}
      </dl>
      <Sparkline
        values={r.trend?.values}
        width={220}
        height={28}
        label={t('overview.trendOf', 'Request rate over time in {{namespace}}', { ...AS_TEXT, namespace: r.namespace })}
      />
    </div>
  );
}

const getStyles = (theme: GrafanaTheme2) => ({
  scroll: css({ maxHeight: '65vh', overflowY: 'auto' }),
  gridRow: css({
    position: 'absolute',
    top: 0,
    left: 0,
    right: 0,
    display: 'grid',
    gap: theme.spacing(1),
    paddingBottom: theme.spacing(1),
  }),
  card: css({
    height: CARD_ROW_HEIGHT - 8,
    padding: theme.spacing(1, 1.5),
    background: theme.colors.background.secondary,
    border: `1px solid ${theme.colors.border.weak}`,
    borderRadius: theme.shape.radius.default,
    overflow: 'hidden',
  }),
  title: css({
    display: 'flex',
    justifyContent: 'space-between',
    gap: theme.spacing(1),
    fontWeight: theme.typography.fontWeightMedium,
    a: { color: theme.colors.text.link, overflow: 'hidden', textOverflow: 'ellipsis', whiteSpace: 'nowrap' },
  }),
  health: css({ display: 'flex', minWidth: 0, marginTop: theme.spacing(0.5) }),
  stats: css({
    display: 'grid',
    gridTemplateColumns: 'repeat(3, 1fr)',
    gap: theme.spacing(0.5, 1),
    margin: theme.spacing(1, 0),
  }),
  stat: css({
    dt: { color: theme.colors.text.secondary, fontSize: theme.typography.bodySmall.fontSize },
    dd: { margin: 0 },
  }),
});
