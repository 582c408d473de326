import React, { memo, useMemo } from 'react';
import { css } from '@emotion/css';
import { t } from '@grafana/i18n';
import { useStyles2 } from '@grafana/ui';
import { BADGE_TEXT } from '../model/view/badges';
import { type ViewEdge, type ViewNode } from '../model/view/types';

const MAX_LISTED = 500;

interface Props {
  nodes: readonly ViewNode[];
  edges: readonly ViewEdge[];
  onSelect: (id: string, kind: 'node' | 'edge') => void;
}

/** The node as text: title, Kiali shape and node type, health, badges (what the canvas draws). */
export function describeNode(n: ViewNode): string {
  const type = n.mesh ? `${n.mesh.nodeType} (${n.shape})` : n.shape;
  const badges = n.badges?.length ? ` · badges: ${n.badges.map((b) => BADGE_TEXT[b].long).join(', ')}` : '';
  return `${n.title} · ${type} · ${n.health}${badges}`;
}

/**
 * The canvas's accessible twin: one button per node and per edge (the first 500 of each; Find reaches
 * the rest), so screen readers, keyboards and tests can find and select them by name.
 */
export const NodeList = memo(function NodeList({ nodes, edges, onSelect }: Props) {
  const styles = useStyles2(getStyles);
  const titles = useMemo(() => new Map(nodes.map((n) => [n.id, n.title])), [nodes]);
  return (
    <div className={styles.hidden}>
      <ul aria-label={t('meshgraph.nodes.label', 'Graph nodes')}>
        {nodes.slice(0, MAX_LISTED).map((n) => (
          <li key={n.id}>
            <button type="button" aria-label={`Node: ${n.title}`} onClick={() => onSelect(n.id, 'node')}>
              {describeNode(n)}
            </button>
          </li>
        ))}
        {nodes.length > MAX_LISTED && <li>{t('meshgraph.nodes.more', '{{count}} more nodes: use Find', { count: nodes.length - MAX_LISTED, defaultValue_one: '{{count}} more node: use Find' })}</li>}
      </ul>
      <ul aria-label={t('meshgraph.edges.label', 'Graph edges')}>
        {edges.slice(0, MAX_LISTED).map((e) => (
          <li key={e.id}>
            <button type="button" aria-label={`Edge: ${titles.get(e.source) ?? e.source} → ${titles.get(e.target) ?? e.target}`} onClick={() => onSelect(e.id, 'edge')}>
              {`${e.protocol} · ${e.label ? `${e.label} · ` : ''}${e.health}`}
            </button>
          </li>
        ))}
        {edges.length > MAX_LISTED && <li>{t('meshgraph.edges.more', '{{count}} more edges: use Find', { count: edges.length - MAX_LISTED, defaultValue_one: '{{count}} more edge: use Find' })}</li>}
      </ul>
    </div>
  );
});

const getStyles = () => ({
  // Visually hidden, still in the accessibility tree and focusable.
  hidden: css({ position: 'absolute', width: 1, height: 1, overflow: 'hidden', clipPath: 'inset(50%)', whiteSpace: 'nowrap', margin: 0, padding: 0 }),
});
