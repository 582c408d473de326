import React, { memo } from 'react';
import { css } from '@emotion/css';
import { t } from '@grafana/i18n';
import { useStyles2 } from '@grafana/ui';
import { type ViewNode } from '../model/view/types';

const MAX_LISTED = 500;

/**
 * The canvas's accessible twin: one button per node (first 500; Find reaches the rest), so screen
 * readers, keyboards and tests can find and select nodes by name.
 */
export const NodeList = memo(function NodeList({ nodes, onSelect }: { nodes: readonly ViewNode[]; onSelect: (id: string) => void }) {
  const styles = useStyles2(getStyles);
  return (
    <ul className={styles.list} aria-label={t('meshgraph.nodes.label', 'Graph nodes')}>
      {nodes.slice(0, MAX_LISTED).map((n) => (
        <li key={n.id}>
          <button type="button" aria-label={`Node: ${n.title}`} onClick={() => onSelect(n.id)}>
            {n.title} {n.health}
          </button>
        </li>
      ))}
      {nodes.length > MAX_LISTED && <li>{t('meshgraph.nodes.more', '{{count}} more nodes: use Find', { count: nodes.length - MAX_LISTED })}</li>}
    </ul>
  );
});

const getStyles = () => ({
  // Visually hidden, still in the accessibility tree and focusable.
  list: css({ position: 'absolute', width: 1, height: 1, overflow: 'hidden', clipPath: 'inset(50%)', whiteSpace: 'nowrap', margin: 0, padding: 0 }),
});
