import React, { memo } from 'react';
import { css } from '@emotion/css';
import { type GrafanaTheme2 } from '@grafana/data';
import { useStyles2 } from '@grafana/ui';
import { type GraphEdge, type GraphLayout, type PositionedNode } from '../model/types';

const RADIUS = 18;

interface Props {
  layout: GraphLayout;
  edges: readonly GraphEdge[];
  showEdgeLabels: boolean;
}

/** Draws a laid-out graph; the caller scales it with the viewBox, so pan and zoom never re-map nodes. */
export const GraphSvg = memo(function GraphSvg({ layout, edges, showEdgeLabels }: Props) {
  const styles = useStyles2(getStyles);
  const byId = new Map<string, PositionedNode>(layout.nodes.map((n) => [n.id, n]));
  return (
    <>
      <defs>
        <marker id="meshlens-arrow" viewBox="0 0 10 10" refX="10" refY="5" markerWidth="6" markerHeight="6" orient="auto">
          <path d="M0,0 L10,5 L0,10 z" className={styles.arrow} />
        </marker>
      </defs>
      <g>
        {edges.map((edge) => {
          const s = byId.get(edge.source)!;
          const d = byId.get(edge.target)!;
          const len = Math.hypot(d.x - s.x, d.y - s.y) || 1;
          const [ux, uy] = [(d.x - s.x) / len, (d.y - s.y) / len];
          return (
            <g key={edge.id} aria-label={`Edge: ${s.title} → ${d.title}`} role="img">
              <line
                x1={s.x + ux * RADIUS}
                y1={s.y + uy * RADIUS}
                x2={d.x - ux * (RADIUS + 2)}
                y2={d.y - uy * (RADIUS + 2)}
                className={styles.edge}
                markerEnd="url(#meshlens-arrow)"
              />
              {showEdgeLabels && edge.mainStat && (
                <text x={(s.x + d.x) / 2} y={(s.y + d.y) / 2 - 4} className={styles.edgeLabel}>
                  {edge.mainStat}
                </text>
              )}
            </g>
          );
        })}
      </g>
      <g>
        {layout.nodes.map((node) => (
          <g key={node.id} transform={`translate(${node.x},${node.y})`} aria-label={`Node: ${node.title}`} role="img">
            <circle r={RADIUS} className={styles.node} />
            <text y={RADIUS + 14} className={styles.title}>
              {node.title}
            </text>
            {node.subtitle && (
              <text y={RADIUS + 28} className={styles.subtitle}>
                {node.subtitle}
              </text>
            )}
            {node.mainStat && (
              <text y={4} className={styles.stat}>
                {node.mainStat}
              </text>
            )}
          </g>
        ))}
      </g>
    </>
  );
});

const getStyles = (theme: GrafanaTheme2) => ({
  node: css({ fill: theme.colors.background.secondary, stroke: theme.colors.success.main, strokeWidth: 3 }),
  edge: css({ stroke: theme.colors.text.disabled, strokeWidth: 1.5 }),
  arrow: css({ fill: theme.colors.text.disabled }),
  title: css({ fill: theme.colors.text.primary, fontSize: 12, textAnchor: 'middle' }),
  subtitle: css({ fill: theme.colors.text.secondary, fontSize: 10, textAnchor: 'middle' }),
  stat: css({ fill: theme.colors.text.primary, fontSize: 9, textAnchor: 'middle' }),
  edgeLabel: css({ fill: theme.colors.text.secondary, fontSize: 10, textAnchor: 'middle' }),
});
