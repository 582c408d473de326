import React from 'react';
import { t } from '@grafana/i18n';
import { Modal } from '@grafana/ui';
import { SHORTCUTS } from '../state/useTraceKeyboard';

export function HelpOverlay({ onClose }: { onClose: () => void }) {
  return (
    <Modal title={t('trace.help.title', 'Keyboard shortcuts')} isOpen onDismiss={onClose}>
      <table aria-label={t('trace.help.title', 'Keyboard shortcuts')}>
        <tbody>
          {SHORTCUTS.map((s) => (
            <tr key={s.keys}>
              <th scope="row" style={{ textAlign: 'left', paddingRight: 16 }}>
                <kbd>{s.keys}</kbd>
              </th>
              <td>{t(`trace.help.${s.keys}`, s.action)}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </Modal>
  );
}
