import React from 'react';
import { css } from '@emotion/css';
import { type GrafanaTheme2 } from '@grafana/data';
import { t } from '@grafana/i18n';
import { Modal, useStyles2 } from '@grafana/ui';
import { SHORTCUTS } from '../state/useTraceKeyboard';

export function HelpOverlay({ onClose }: { onClose: () => void }) {
  const styles = useStyles2(getStyles);
  return (
    <Modal title={t('trace.help.title', 'Keyboard shortcuts')} isOpen onDismiss={onClose}>
      <table className={styles.table} aria-label={t('trace.help.title', 'Keyboard shortcuts')}>
        <tbody>
          {SHORTCUTS.map((s) => (
            <tr key={s.keys}>
              <th scope="row">
                <kbd className={styles.kbd}>{s.keys}</kbd>
              </th>
              <td>{t(`trace.help.${s.keys}`, s.action)}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </Modal>
  );
}

const getStyles = (theme: GrafanaTheme2) => ({
  table: css({ 'th, td': { padding: theme.spacing(0.25, 1), textAlign: 'left' } }),
  kbd: css({
    color: theme.colors.text.primary,
    background: theme.colors.background.secondary,
    border: `1px solid ${theme.colors.border.medium}`,
    borderRadius: theme.shape.radius.default,
    padding: theme.spacing(0, 0.5),
    fontFamily: theme.typography.fontFamilyMonospace,
  }),
});
