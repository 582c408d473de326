import React from 'react';
import { css } from '@emotion/css';
import { type GrafanaTheme2 } from '@grafana/data';
import { t } from '@grafana/i18n';
import { useStyles2 } from '@grafana/ui';
import { type InputCounts } from '../model/pipeline';
import { type CompareCounts } from '../model/view/compare';
import { type VisibleGraph } from '../state/useGraphData';
import { type Positions } from '../state/useLayout';

/** Counts of what is drawn, folded, hidden and dropped: nothing disappears without saying so. */
export function footerParts(v: VisibleGraph, c: InputCounts, compare?: CompareCounts): string[] {
  // One count per string, so each noun can take its plural form in every language.
  const nodes = t('meshgraph.footer.nodes', '{{count}} nodes', { count: v.graph.nodes.length });
  const edges = t('meshgraph.footer.edges', '{{count}} edges', { count: v.graph.edges.length });
  const parts = [`${nodes}, ${edges}`];
  if (v.graph.collapsed.length > 0) {
    const boxes = t('meshgraph.footer.boxesFolded', '{{count}} boxes folded', { count: v.graph.collapsed.length });
    const inside = t('meshgraph.footer.nodesInside', '{{count}} nodes', { count: v.collapsedNodes });
    const internal = t('meshgraph.footer.edgesInside', '{{count}} edges inside', { count: v.internalEdges });
    parts.push(`${boxes} (${inside}, ${internal}; ${t('meshgraph.footer.expandHint', 'select one to expand')})`);
  }
  if (c.idleNodes > 0) {
    parts.push(t('meshgraph.footer.idleNodes', '{{count}} idle nodes (deployments without traffic)', { count: c.idleNodes }));
  }
  const hidden = v.hidden;
  if (hidden.nodes + hidden.edges > 0) {
    const hiddenNodes = t('meshgraph.footer.hiddenNodes', 'hidden: {{count}} nodes', { count: hidden.nodes });
    const withEdges = t('meshgraph.footer.hiddenWith', 'with {{count}} edges', { count: hidden.edgesOfHiddenNodes });
    parts.push(`${hiddenNodes} (${withEdges}), ${t('meshgraph.footer.hiddenEdges', '{{count}} edges', { count: hidden.edges })}`);
  }
  const dropped: Array<[number, string]> = [
    [c.missingLabels, t('meshgraph.footer.missingLabels', 'missing labels')],
    [c.badValue, t('meshgraph.footer.badValue', 'NaN, negative or empty values')],
    [c.badSourceTelemetry, t('meshgraph.footer.badSource', 'bad source telemetry')],
    [c.badDestTelemetry, t('meshgraph.footer.badDest', 'bad destination telemetry')],
    [c.unidentifiable, t('meshgraph.footer.unidentifiable', 'unidentifiable ends')],
    [c.unknownFrames, t('meshgraph.footer.unknownFrames', 'frames not recognised')],
    [c.unmatchedEnrichment, t('meshgraph.footer.unmatched', 'enrichment rows without an edge')],
    [c.nodeGraphDroppedNodes, t('meshgraph.footer.dupNodes', 'node rows without or with a repeated id')],
    [c.nodeGraphDanglingEdges, t('meshgraph.footer.dangling', 'edges to unknown nodes')],
  ];
  const shown = dropped.filter(([n]) => n > 0).map(([n, label]) => `${n} ${label}`);
  if (shown.length > 0) {
    parts.push(t('meshgraph.footer.dropped', 'dropped: {{list}}', { list: shown.join(', ') }));
  }
  if (compare) {
    parts.push(t('meshgraph.footer.compare', 'vs the earlier window: {{new}} new, {{gone}} gone, {{changed}} changed edges', { ...compare }));
  }
  if (c.duplicate > 0) {
    parts.push(t('meshgraph.footer.duplicate', '{{count}} series reported by both proxies counted once', { count: c.duplicate }));
  }
  return parts;
}

export function Footer({ visible, counts, layout, compare }: { visible: VisibleGraph; counts: InputCounts; layout?: Positions; compare?: CompareCounts }) {
  const styles = useStyles2(getStyles);
  const parts = footerParts(visible, counts, compare);
  if (layout) {
    parts.push(t('meshgraph.footer.layout', 'layout {{ms}} ms{{where}}', { ms: Math.round(layout.ms), where: layout.inWorker ? '' : ' (main thread)' }));
  }
  return (
    <div className={styles.footer} role="status" data-testid="meshlens-meshgraph-footer">
      {parts.join(' · ')}
    </div>
  );
}

const getStyles = (theme: GrafanaTheme2) => ({
  footer: css({
    height: 20,
    padding: theme.spacing(0, 1),
    fontSize: theme.typography.bodySmall.fontSize,
    color: theme.colors.text.secondary,
    whiteSpace: 'nowrap',
    overflow: 'hidden',
    textOverflow: 'ellipsis',
  }),
});
