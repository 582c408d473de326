import React from 'react';
import { css } from '@emotion/css';
import { type GrafanaTheme2 } from '@grafana/data';
import { t } from '@grafana/i18n';
import { useStyles2 } from '@grafana/ui';

/** Notes about the input shown above the trace: query errors, frames that were ignored. Text only. */
export function InputNotes({ notes }: { notes: readonly string[] }) {
  const styles = useStyles2(getStyles);
  if (notes.length === 0) {
    return null;
  }
  return (
    <ul className={styles.notes} aria-label={t('trace.notes.label', 'Notes about the data')}>
      {notes.map((n, k) => (
        <li key={k}>{n}</li>
      ))}
    </ul>
  );
}

const getStyles = (theme: GrafanaTheme2) => ({
  notes: css({
    margin: 0,
    padding: theme.spacing(0.25, 1, 0.25, 3),
    fontSize: theme.typography.bodySmall.fontSize,
    color: theme.colors.warning.text,
    borderBottom: `1px solid ${theme.colors.border.weak}`,
    flexShrink: 0,
    maxHeight: 60,
    overflowY: 'auto',
  }),
});
