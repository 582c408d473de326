import React from 'react';
import { css } from '@emotion/css';
import { type GrafanaTheme2 } from '@grafana/data';
import { t } from '@grafana/i18n';
import { useStyles2 } from '@grafana/ui';
import { formatDurationMs } from '../../../../shared/format';
import { useTraceExtras } from '../../state/useIstioExtras';
import { AS_TEXT } from '../../../../shared/i18n/asText';

/**
 * In the statistics view: sidecar overhead per hop (caller → callee service) and the retried calls, for Istio
 * latency work. Shows nothing for a trace without Istio client/server pairs or retries.
 */
export function SidecarOverheadTable() {
  const styles = useStyles2(getStyles);
  const extras = useTraceExtras();
  if (extras?.error) {
    return <div className={styles.note}>{extras.error}</div>;
  }
  const x = extras?.istio;
  if (!x || (x.hops.length === 0 && x.retries.length === 0)) {
    return null;
  }
  const c = extras.columns;
  const name = (i: number) => `${c.services[c.service[i]]}: ${c.operations[c.operation[i]]}`;
  return (
    <section aria-label={t('trace.istio.section', 'Istio latency')} data-testid="meshlens-istio-stats">
      {x.hops.length > 0 && (
        <table className={styles.table}>
          <caption>
            {t('trace.istio.hopsCaption', 'Sidecar overhead per hop (client span − server span of the next hop)')}
          </caption>
          <thead>
            <tr>
              <th>{t('trace.istio.from', 'From')}</th>
              <th>{t('trace.istio.to', 'To')}</th>
              <th>{t('trace.istio.calls', 'Calls')}</th>
              <th>{t('trace.istio.total', 'Total')}</th>
              <th>{t('trace.istio.mean', 'Mean')}</th>
              <th>{t('trace.istio.max', 'Max')}</th>
              <th>{t('trace.istio.share', 'Of client time')}</th>
            </tr>
          </thead>
          <tbody>
            {x.hops.map((h) => (
              <tr key={`${h.from}\u0000${h.to}`} data-testid="meshlens-istio-hop">
                <td>{h.from}</td>
                <td>{h.to}</td>
                <td>{h.calls}</td>
                <td>{formatDurationMs(h.totalMs)}</td>
                <td>{formatDurationMs(h.meanMs)}</td>
                <td>{formatDurationMs(h.maxMs)}</td>
                <td>{`${(h.shareOfClient * 100).toFixed(1)} %`}</td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
      {x.retries.length > 0 && (
        <ul className={styles.retries} aria-label={t('trace.istio.retries', 'Retried calls')}>
          {x.retries.map((g) => (
            <li key={g.attempts[0]} data-testid="meshlens-istio-retry">
              {t('trace.istio.retryLine', '{{name}}: {{count}} attempts, {{outcome}}', {
                ...AS_TEXT,
                name: name(g.attempts[0]),
                count: g.attempts.length,
                outcome: g.succeeded
                  ? t('trace.istio.succeeded', 'the last succeeded')
                  : t('trace.istio.failed', 'all failed'),
              })}
            </li>
          ))}
        </ul>
      )}
    </section>
  );
}

const getStyles = (theme: GrafanaTheme2) => ({
  table: css({
    borderCollapse: 'collapse',
    margin: theme.spacing(1, 0),
    caption: { textAlign: 'left', color: theme.colors.text.secondary, fontSize: theme.typography.bodySmall.fontSize },
    'th, td': {
      textAlign: 'left',
      padding: theme.spacing(0.25, 1),
      borderBottom: `1px solid ${theme.colors.border.weak}`,
    },
  }),
  retries: css({ margin: theme.spacing(1, 0), paddingLeft: theme.spacing(2) }),
  note: css({ color: theme.colors.text.secondary, fontSize: theme.typography.bodySmall.fontSize }),
});
