import React, { useState } from 'react';
import { css } from '@emotion/css';
import { type GrafanaTheme2 } from '@grafana/data';
import { t } from '@grafana/i18n';
import { Button, ClipboardButton, TextArea, useStyles2 } from '@grafana/ui';
import { type ShownKeyValue } from '../model/engine';
import { AS_TEXT } from '../../../shared/i18n/asText';

interface Props {
  items: readonly ShownKeyValue[];
  label: string;
  /** Fetches a value the engine cut (item k) whole. */
  loadFull?: (k: number) => Promise<string>;
}

/**
 * Attributes as text (never HTML), long values wrap, each with a copy button. A value cut by the engine says so, with
 * "show all": the whole value then opens in a read-only text area (a 5 MB value laid out as table text froze the tab).
 */
export function KeyValueTable({ items, label, loadFull }: Props) {
  const styles = useStyles2(getStyles);
  const [full, setFull] = useState<Record<number, string>>({});
  const [failed, setFailed] = useState<string | undefined>(undefined);
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
            <td className={styles.value}>
              {full[k] !== undefined ? (
                <TextArea readOnly rows={8} value={full[k]} aria-label={t('trace.detail.fullValue', 'Whole value of {{key}}', { ...AS_TEXT, key: kv.key })} />
              ) : (
                String(kv.value)
              )}
              {kv.fullLength !== undefined && full[k] === undefined && (
                <div className={styles.cut}>
                  {t('trace.detail.cut', '… cut at {{shown}} of {{count}} characters', {
                    ...AS_TEXT,
                    shown: String(kv.value).length.toLocaleString(),
                    count: kv.fullLength.toLocaleString(),
                  })}{' '}
                  {loadFull && (
                    <Button
                      size="sm"
                      fill="text"
                      onClick={() =>
                        loadFull(k).then(
                          (v) => setFull((f) => ({ ...f, [k]: v })),
                          (e: Error) => setFailed(e.message)
                        )
                      }
                    >
                      {t('trace.detail.showAll', 'Show all')}
                    </Button>
                  )}
                </div>
              )}
              {failed && <div className={styles.cut}>{failed}</div>}
            </td>
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
  cut: css({ color: theme.colors.text.secondary, fontFamily: theme.typography.fontFamily }),
  none: css({ color: theme.colors.text.secondary, fontSize: theme.typography.bodySmall.fontSize }),
});
