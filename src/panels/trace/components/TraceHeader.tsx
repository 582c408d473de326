import React, { useId } from 'react';
import { css } from '@emotion/css';
import { dateTimeFormat, type GrafanaTheme2 } from '@grafana/data';
import { t } from '@grafana/i18n';
import { ClipboardButton, Combobox, useStyles2 } from '@grafana/ui';
import { formatDurationMs } from '../../../shared/format';
import { type TraceSummary } from '../model/columns';

interface Props {
  summary: TraceSummary;
  traces: readonly TraceSummary[];
  selected: number;
  onSelect: (index: number) => void;
}

/** Root service and operation, trace id (copy), start, duration, services, depth, spans, errors, and what the reader fixed. */
export function TraceHeader({ summary: s, traces, selected, onSelect }: Props) {
  const styles = useStyles2(getStyles);
  const pickerLabel = useId();
  const i = s.issues;
  const notes = [
    i.orphans && t('trace.header.orphans', '{{count}} orphan spans shown as roots', { count: i.orphans, defaultValue_one: '{{count}} orphan span shown as a root' }),
    i.duplicateIds && t('trace.header.duplicates', '{{count}} duplicate span ids', { count: i.duplicateIds, defaultValue_one: '{{count}} duplicate span id' }),
    i.cycles && t('trace.header.cycles', '{{count}} parent cycles broken', { count: i.cycles, defaultValue_one: '{{count}} parent cycle broken' }),
    i.skewed && t('trace.header.skew', '{{count}} spans with clock skew', { count: i.skewed, defaultValue_one: '{{count}} span with clock skew' }),
    i.repaired && t('trace.header.repaired', '{{count}} spans with missing or invalid times repaired', { count: i.repaired, defaultValue_one: '{{count}} span with missing or invalid times repaired' }),
    i.skipped && t('trace.header.skipped', '{{count}} records skipped', { count: i.skipped, defaultValue_one: '{{count}} record skipped' }),
  ].filter(Boolean);
  return (
    <header className={styles.header} aria-label={t('trace.header.label', 'Trace summary')}>
      <div className={styles.titleRow}>
        <strong className={styles.title}>{s.rootService ? `${s.rootService}: ${s.rootOperation}` : s.traceId}</strong>
        {traces.length > 1 && (
          <div className={styles.picker}>
            {/* Combobox is named by a label element, not aria-label. */}
            <span id={pickerLabel} className={styles.hidden}>
              {t('trace.picker.label', 'Trace')}
            </span>
            <Combobox
              aria-labelledby={pickerLabel}
              value={selected}
              options={traces.map((tr, k) => ({ value: k, label: `${tr.rootService}: ${tr.rootOperation} (${tr.spanCount}) ${tr.traceId}` }))}
              onChange={(o) => onSelect(o.value)}
            />
          </div>
        )}
      </div>
      <span className={styles.meta}>
        <span>
          {t('trace.header.traceId', 'Trace ID')} <code>{s.traceId}</code>{' '}
          <ClipboardButton icon="copy" size="sm" variant="secondary" fill="text" getText={() => s.traceId} aria-label={t('trace.header.copyId', 'Copy trace ID')} />
        </span>
        <span>{t('trace.header.start', 'Start')} {dateTimeFormat(s.startMs, { timeZone: 'utc', format: 'YYYY-MM-DD HH:mm:ss.SSS' })}</span>
        <span>{t('trace.header.duration', 'Duration')} {formatDurationMs(s.durationMs)}</span>
        <span>{t('trace.header.services', 'Services')} {s.serviceCount}</span>
        <span>{t('trace.header.depth', 'Depth')} {s.maxDepth + 1}</span>
        <span>{t('trace.header.spans', 'Spans')} {s.spanCount.toLocaleString('en')}</span>
        <span className={s.errorCount ? styles.error : undefined}>{t('trace.header.errors', 'Errors')} {s.errorCount}</span>
      </span>
      {(notes.length > 0 || s.warnings.length > 0) && (
        <span className={styles.warning} role="note" title={s.warnings.join('\n')}>
          {[...notes, ...s.warnings.slice(0, 3)].join(' · ')}
          {s.warnings.length > 3 && ` · +${s.warnings.length - 3}`}
        </span>
      )}
    </header>
  );
}

const getStyles = (theme: GrafanaTheme2) => ({
  header: css({ display: 'flex', flexDirection: 'column', gap: 2, padding: theme.spacing(0.5, 1), borderBottom: `1px solid ${theme.colors.border.weak}` }),
  titleRow: css({ display: 'flex', alignItems: 'center', gap: theme.spacing(1), minWidth: 0 }),
  title: css({ fontSize: theme.typography.h5.fontSize, whiteSpace: 'nowrap', overflow: 'hidden', textOverflow: 'ellipsis' }),
  picker: css({ minWidth: 240, maxWidth: 480, flexGrow: 1 }),
  hidden: css({ position: 'absolute', width: 1, height: 1, overflow: 'hidden', clipPath: 'inset(50%)' }),
  meta: css({ display: 'flex', flexWrap: 'wrap', alignItems: 'center', columnGap: theme.spacing(2), color: theme.colors.text.secondary, fontSize: theme.typography.bodySmall.fontSize }),
  error: css({ color: theme.colors.error.text }),
  warning: css({ color: theme.colors.warning.text, fontSize: theme.typography.bodySmall.fontSize, whiteSpace: 'nowrap', overflow: 'hidden', textOverflow: 'ellipsis' }),
});
