import React from 'react';
import { css } from '@emotion/css';
import { type GrafanaTheme2 } from '@grafana/data';
import { t } from '@grafana/i18n';
import { ClipboardButton, useStyles2 } from '@grafana/ui';
import { type KeyValue } from '../model/types';
import { AS_TEXT } from '../../../shared/i18n/asText';

/** Attributes as text (never HTML), long values wrap, each with a copy button. */
export function KeyValueTable({ items, label }: { items: readonly KeyValue[]; label: string }) {
  const styles = useStyles2(getStyles);
  if (items.length === 0) {
    return <div className={styles.none}>{t('trace.detail.none', 'None')}</div>;
  }
  return (
    <table className={styles.table} aria-label={label}>
      <tbody>
        {items.map((kv, k) => (
          <tr key={`${kv.key}:${k}`}>
            <th scope="row" className={styles.key}>
              {kv.key}
            </th>
            <td className={styles.value}>{String(kv.value)}</td>
            <td className={styles.copy}>
              <ClipboardButton
                icon="copy"
                size="sm"
                variant="secondary"
                fill="text"
                getText={() => String(kv.value)}
                aria-label={t('trace.detail.copyValue', 'Copy {{key}}', { ...AS_TEXT, key: kv.key })}
              />
            </td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}

const getStyles = (theme: GrafanaTheme2) => ({
  table: css({
    width: '100%',
    fontSize: theme.typography.bodySmall.fontSize,
    borderCollapse: 'collapse',
    tableLayout: 'fixed',
  }),
  key: css({
    textAlign: 'left',
    fontWeight: theme.typography.fontWeightRegular,
    color: theme.colors.text.secondary,
    width: '38%',
    verticalAlign: 'top',
    padding: '2px 4px',
    wordBreak: 'break-all',
  }),
  value: css({
    padding: '2px 4px',
    wordBreak: 'break-word',
    whiteSpace: 'pre-wrap',
    fontFamily: theme.typography.fontFamilyMonospace,
  }),
  copy: css({ width: 28, verticalAlign: 'top' }),
  none: css({ color: theme.colors.text.secondary, fontSize: theme.typography.bodySmall.fontSize }),
});
