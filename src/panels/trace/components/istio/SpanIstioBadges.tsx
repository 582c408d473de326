import React from 'react';
import { css } from '@emotion/css';
import { type GrafanaTheme2 } from '@grafana/data';
import { t } from '@grafana/i18n';
import { useStyles2 } from '@grafana/ui';
import { formatDurationMs } from '../../../../shared/format';
import { useTraceExtras } from '../../state/useIstioExtras';
import { AS_TEXT } from '../../../../shared/i18n/asText';

/**
 * On a span row: the sidecar overhead of the call (client span minus the next hop's server span) and, for a
 * retried call, which attempt this is. Nothing when the span is neither.
 */
export function SpanIstioBadges({ index }: { index: number }) {
  const styles = useStyles2(getStyles);
  const extras = useTraceExtras();
  const x = extras?.istio;
  if (!x || index >= x.overheadMs.length) {
    return null;
  }
  const overhead = x.overheadMs[index];
  const group = x.retryOf[index] >= 0 ? x.retries[x.retryOf[index]] : undefined;
  return (
    <>
      {!Number.isNaN(overhead) && (
        <span
          className={styles.overhead}
          data-testid="meshlens-sidecar-overhead"
          title={t(
            'trace.istio.overheadTitle',
            'Sidecar overhead of this call: this client span minus the server span of the next hop'
          )}
        >
          {t('trace.istio.overhead', '⇄ {{ms}}', { ...AS_TEXT, ms: formatDurationMs(overhead) })}
        </span>
      )}
      {group && (
        <span className={styles.retry} data-testid="meshlens-retry-badge">
          {t('trace.istio.attempt', 'attempt {{n}}/{{count}}', {
            ...AS_TEXT,
            n: group.attempts.indexOf(index) + 1,
            count: group.attempts.length,
          })}
        </span>
      )}
    </>
  );
}

const getStyles = (theme: GrafanaTheme2) => ({
  overhead: css({
    flexShrink: 0,
    fontSize: theme.typography.bodySmall.fontSize,
    color: theme.colors.text.secondary,
    border: `1px solid ${theme.colors.border.weak}`,
    borderRadius: theme.shape.radius.default,
    padding: theme.spacing(0, 0.5),
  }),
  retry: css({
    flexShrink: 0,
    fontSize: theme.typography.bodySmall.fontSize,
    color: theme.colors.warning.text,
    border: `1px solid ${theme.colors.warning.border}`,
    borderRadius: theme.shape.radius.default,
    padding: theme.spacing(0, 0.5),
  }),
});
