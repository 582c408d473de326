import React from 'react';
import { css } from '@emotion/css';
import { type GrafanaTheme2 } from '@grafana/data';
import { t } from '@grafana/i18n';
import { useStyles2 } from '@grafana/ui';
import { formatDurationMs } from '../../../../shared/format';
import { decodeResponseFlags } from '../../../../shared/traces/envoyFlags';
import { type KeyValue } from '../../model/types';
import { useTraceExtras } from '../../state/useIstioExtras';
import { AS_TEXT } from '../../../../shared/i18n/asText';

/**
 * In the span detail: Envoy's response flags with their meaning, the call's sidecar overhead (client − server of
 * the next hop) and, for a retried call, every attempt. Nothing for a span that has none of these.
 */
export function IstioSpanDetail({ span, attributes }: { span: number; attributes: readonly KeyValue[] }) {
  const styles = useStyles2(getStyles);
  const extras = useTraceExtras();
  const flags = decodeResponseFlags(attributes.find((a) => a.key === 'response_flags')?.value);
  const x = extras?.istio;
  const overhead = x && span < x.overheadMs.length ? x.overheadMs[span] : NaN;
  const group = x && x.retryOf[span] >= 0 ? x.retries[x.retryOf[span]] : undefined;
  if (flags.length === 0 && Number.isNaN(overhead) && !group) {
    return null;
  }
  const c = extras?.columns;
  return (
    <section aria-label={t('trace.istio.detail', 'Istio')} data-testid="meshlens-istio-detail">
      <h6>{t('trace.istio.detail', 'Istio')}</h6>
      {flags.length > 0 && (
        <dl className={styles.flags}>
          {flags.map((f) => (
            <React.Fragment key={f.code}>
              <dt>
                <code>{f.code}</code>
              </dt>
              <dd>{f.known ? f.meaning : t('trace.istio.unknownFlag', 'Not a response flag this version knows.')}</dd>
            </React.Fragment>
          ))}
        </dl>
      )}
      {!Number.isNaN(overhead) && x && c && (
        <p>
          {t(
            'trace.istio.overheadDetail',
            'Sidecar overhead {{ms}}: this client span {{client}} − server span of {{server}} {{serverMs}}.',
            {
              ...AS_TEXT,
              ms: formatDurationMs(overhead),
              client: formatDurationMs(c.duration[span]),
              server: c.services[c.service[x.serverOf[span]]],
              serverMs: formatDurationMs(c.duration[x.serverOf[span]]),
            }
          )}
        </p>
      )}
      {group && c && (
        <p>
          {t(
            'trace.istio.retryDetail',
            'Attempt {{n}} of {{count}} of this call ({{outcome}}); attempts took {{durations}}.',
            {
              ...AS_TEXT,
              n: group.attempts.indexOf(span) + 1,
              count: group.attempts.length,
              outcome: group.succeeded
                ? t('trace.istio.succeeded', 'the last succeeded')
                : t('trace.istio.failed', 'all failed'),
              durations: group.attempts.map((i) => formatDurationMs(c.duration[i])).join(', '),
            }
          )}
        </p>
      )}
    </section>
  );
}

const getStyles = (theme: GrafanaTheme2) => ({
  flags: css({
    display: 'grid',
    gridTemplateColumns: 'max-content 1fr',
    gap: theme.spacing(0.25, 1),
    margin: theme.spacing(0.5, 0),
    dd: { margin: 0 },
  }),
});
