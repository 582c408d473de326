import React from 'react';
import { css } from '@emotion/css';
import { dateTimeFormat, type GrafanaTheme2 } from '@grafana/data';
import { t } from '@grafana/i18n';
import { useStyles2 } from '@grafana/ui';
import { formatDurationMs } from '../../../shared/format';
import { type TraceModel } from '../model/types';

export function TraceHeader({ trace }: { trace: TraceModel }) {
  const styles = useStyles2(getStyles);
  const root = trace.spans[0];
  const w = trace.warnings;
  const dropped = w.duplicateSpans + w.invalidRows;
  return (
    <header className={styles.header} aria-label={t('trace.header.label', 'Trace summary')}>
      <strong className={styles.title}>
        {root ? `${root.service}: ${root.operation}` : trace.traceId}
      </strong>
      <span className={styles.meta}>
        <span>{t('trace.header.traceId', 'Trace ID')} <code>{trace.traceId}</code></span>
        <span>{t('trace.header.start', 'Start')} {dateTimeFormat(trace.startMs, { timeZone: 'utc' })}</span>
        <span>{t('trace.header.duration', 'Duration')} {formatDurationMs(trace.durationMs)}</span>
        <span>{t('trace.header.services', 'Services')} {trace.services.length}</span>
        <span>{t('trace.header.depth', 'Depth')} {trace.maxDepth + 1}</span>
        <span>{t('trace.header.spans', 'Spans')} {trace.spans.length}</span>
        <span className={trace.errorCount ? styles.error : undefined}>
          {t('trace.header.errors', 'Errors')} {trace.errorCount}
        </span>
      </span>
      {(dropped > 0 || w.orphanSpans > 0) && (
        <span className={styles.warning} role="note">
          {t('trace.header.warnings', '{{orphans}} orphan spans shown as roots; {{dropped}} rows dropped (duplicate or invalid)', {
            orphans: w.orphanSpans,
            dropped,
          })}
        </span>
      )}
    </header>
  );
}

const getStyles = (theme: GrafanaTheme2) => ({
  header: css({
    display: 'flex',
    flexDirection: 'column',
    gap: theme.spacing(0.5),
    padding: theme.spacing(0.5, 1),
    borderBottom: `1px solid ${theme.colors.border.weak}`,
  }),
  title: css({ fontSize: theme.typography.h5.fontSize }),
  meta: css({
    display: 'flex',
    flexWrap: 'wrap',
    columnGap: theme.spacing(2),
    color: theme.colors.text.secondary,
    fontSize: theme.typography.bodySmall.fontSize,
  }),
  error: css({ color: theme.colors.error.text }),
  warning: css({ color: theme.colors.warning.text, fontSize: theme.typography.bodySmall.fontSize }),
});
