import React from 'react';
import { Link } from 'react-router-dom';
import { css } from '@emotion/css';
import { type GrafanaTheme2 } from '@grafana/data';
import { t } from '@grafana/i18n';
import { useStyles2 } from '@grafana/ui';
import { formatRate } from '../../../../shared/format';
import { type PeerRow } from '../model/detailModel';

interface Props {
  title: string;
  peerHeader: string;
  rows: readonly PeerRow[];
  linkOf(peer: PeerRow): string | undefined;
  empty: string;
  testId: string;
}

/** A breakdown by peer and response code; peers link to their own page. Short lists, so not virtualised (capped). */
export function PeerTable({ title, peerHeader, rows, linkOf, empty, testId }: Props) {
  const styles = useStyles2(getStyles);
  const LIMIT = 50;
  const shown = rows.slice(0, LIMIT);
  return (
    <section className={styles.section} aria-label={title} data-testid={testId}>
      <h4>{title}</h4>
      {rows.length === 0 ? (
        <p className={styles.muted}>{empty}</p>
      ) : (
        <table className={styles.table}>
          <thead>
            <tr>
              <th>{peerHeader}</th>
              <th>{t('detail.col.code', 'Response code')}</th>
              <th>{t('detail.col.rate', 'Rate')}</th>
            </tr>
          </thead>
          <tbody>
            {shown.map((p) => {
              const href = linkOf(p);
              const label = p.namespace && p.namespace !== 'unknown' ? `${p.name}.${p.namespace}` : p.name;
              return (
                <tr key={`${p.namespace}/${p.name}/${p.code}`}>
                  <td>{href ? <Link to={href}>{label}</Link> : label}</td>
                  <td className={p.code.startsWith('5') ? styles.error : undefined}>{p.code}</td>
                  <td>{formatRate(p.rate)}</td>
                </tr>
              );
            })}
          </tbody>
        </table>
      )}
      {rows.length > LIMIT && <p className={styles.muted}>{t('detail.more', '{{count}} more rows not shown', { count: rows.length - LIMIT, defaultValue_one: '{{count}} more row not shown' })}</p>}
    </section>
  );
}

const getStyles = (theme: GrafanaTheme2) => ({
  section: css({ flex: '1 1 360px', minWidth: 0 }),
  table: css({
    width: '100%',
    borderCollapse: 'collapse',
    'th, td': { textAlign: 'left', padding: theme.spacing(0.5, 1), borderBottom: `1px solid ${theme.colors.border.weak}` },
    th: { color: theme.colors.text.secondary, fontWeight: theme.typography.fontWeightMedium },
    a: { color: theme.colors.text.link },
  }),
  muted: css({ color: theme.colors.text.secondary }),
  error: css({ color: theme.colors.error.text }),
});
