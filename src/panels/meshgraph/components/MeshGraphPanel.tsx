import React from 'react';
import { css } from '@emotion/css';
import { type GrafanaTheme2, type PanelProps } from '@grafana/data';
import { t } from '@grafana/i18n';
import { useStyles2 } from '@grafana/ui';
import { PanelMessage } from '../../../shared/ui/PanelMessage';
import { useMeshGraph } from '../state/useMeshGraph';
import { type MeshGraphPanelOptions } from '../types';
import { GraphSvg } from './GraphSvg';

export function MeshGraphPanel({ data, options, width, height }: PanelProps<MeshGraphPanelOptions>) {
  const styles = useStyles2(getStyles);
  const { error, graph, layout } = useMeshGraph(data.series);
  if (error) {
    return <PanelMessage kind="error" message={error} />;
  }
  if (!graph || !layout || graph.nodes.length === 0) {
    return <PanelMessage kind="info" message={t('meshgraph.empty', 'No traffic in the query result for this time range.')} />;
  }
  const dropped = graph.danglingEdges + graph.droppedNodes;
  return (
    <div className={styles.root} style={{ width, height }} data-testid="meshlens-meshgraph-panel" data-meshlens-ready="true">
      <svg
        width={width}
        height={height}
        viewBox={`0 0 ${layout.width} ${layout.height}`}
        preserveAspectRatio="xMidYMid meet"
        aria-label={t('meshgraph.svg.label', 'Mesh traffic graph')}
      >
        <GraphSvg layout={layout} edges={graph.edges} showEdgeLabels={options.showEdgeLabels} />
      </svg>
      <div className={styles.footer} role="status">
        {t('meshgraph.counts', '{{nodes}} nodes, {{edges}} edges', { nodes: graph.nodes.length, edges: graph.edges.length })}
        {dropped > 0 &&
          ` · ${t('meshgraph.dropped', '{{nodes}} invalid nodes and {{edges}} edges to unknown nodes dropped', {
            nodes: graph.droppedNodes,
            edges: graph.danglingEdges,
          })}`}
      </div>
    </div>
  );
}

const getStyles = (theme: GrafanaTheme2) => ({
  root: css({ position: 'relative', overflow: 'hidden' }),
  footer: css({
    position: 'absolute',
    left: theme.spacing(1),
    bottom: theme.spacing(0.5),
    fontSize: theme.typography.bodySmall.fontSize,
    color: theme.colors.text.secondary,
  }),
});
