import React from 'react';
import { css } from '@emotion/css';
import { type GrafanaTheme2 } from '@grafana/data';
import { t } from '@grafana/i18n';
import { useStyles2 } from '@grafana/ui';
import { type InputCounts } from '../model/pipeline';
import { type CompareCounts } from '../model/view/compare';
import { type VisibleGraph } from '../state/useGraphData';
import { type Positions } from '../state/useLayout';
import { AS_TEXT } from '../../../shared/i18n/asText';

/** Counts of what is drawn, folded, hidden and dropped: nothing disappears without saying so. */
export function footerParts(v: VisibleGraph, c: InputCounts, compare?: CompareCounts): string[] {
  // One count per string, so each noun can take its plural form in every language.
  const parts = [`${nodesText(v.graph.nodes.length)}, ${edgesText(v.graph.edges.length)}`];
  if (v.graph.collapsed.length > 0) {
    const boxes = t('meshgraph.footer.boxesFolded', '{{count}} boxes folded', {
      count: v.graph.collapsed.length,
      defaultValue_one: '{{count}} box folded',
    });
    const inside = nodesText(v.collapsedNodes);
    const internal = t('meshgraph.footer.edgesInside', '{{count}} edges inside', {
      count: v.internalEdges,
      defaultValue_one: '{{count}} edge inside',
    });
    parts.push(
      `${boxes} (${inside}, ${internal}; ${t('meshgraph.footer.expandHint', 'select one to expand', { count: v.graph.collapsed.length, defaultValue_one: 'select it to expand' })})`
    );
  }
  if (c.idleNodes > 0) {
    parts.push(
      t('meshgraph.footer.idleNodes', '{{count}} idle nodes (deployments without traffic)', {
        count: c.idleNodes,
        defaultValue_one: '{{count}} idle node (a deployment without traffic)',
      })
    );
  }
  if (c.unconfirmedWaypoints > 0) {
    parts.push(
      t(
        'meshgraph.footer.unconfirmedWaypoints',
        '{{count}} possible waypoints not drawn as waypoints (ztunnel shows one side of their hops only)',
        {
          count: c.unconfirmedWaypoints,
          defaultValue_one:
            '{{count}} possible waypoint not drawn as a waypoint (ztunnel shows one side of its hops only)',
        }
      )
    );
  }
  const hidden = v.hidden;
  if (hidden.nodes + hidden.edges > 0) {
    const hiddenNodes = t('meshgraph.footer.hiddenNodes', 'hidden: {{count}} nodes', {
      count: hidden.nodes,
      defaultValue_one: 'hidden: {{count}} node',
    });
    const withEdges = t('meshgraph.footer.hiddenWith', 'with {{count}} edges', {
      count: hidden.edgesOfHiddenNodes,
      defaultValue_one: 'with {{count}} edge',
    });
    parts.push(`${hiddenNodes} (${withEdges}), ${edgesText(hidden.edges)}`);
  }
  const dropped = droppedText(c);
  if (dropped) {
    parts.push(dropped);
  }
  if (compare) {
    parts.push(
      t('meshgraph.footer.compare', 'edges vs the earlier window: {{new}} new, {{gone}} gone, {{changed}} changed', {
        ...AS_TEXT,
        ...compare,
      })
    );
  }
  if (c.duplicate > 0) {
    parts.push(
      t('meshgraph.footer.duplicate', '{{count}} series reported by both proxies counted once', { count: c.duplicate })
    );
  }
  return parts;
}

/** What the model dropped and why, as one `dropped: …` phrase; undefined when nothing was dropped. */
export function droppedText(c: InputCounts): string | undefined {
  const dropped: Array<[number, string]> = [
    [
      c.missingLabels,
      t('meshgraph.footer.missingLabels', '{{count}} series with missing labels', { count: c.missingLabels }),
    ],
    [
      c.badValue,
      t('meshgraph.footer.badValue', '{{count}} NaN, negative or empty values', {
        count: c.badValue,
        defaultValue_one: '{{count}} NaN, negative or empty value',
      }),
    ],
    [
      c.badSourceTelemetry,
      t('meshgraph.footer.badSource', '{{count}} bad source telemetry', { count: c.badSourceTelemetry }),
    ],
    [
      c.badDestTelemetry,
      t('meshgraph.footer.badDest', '{{count}} bad destination telemetry', { count: c.badDestTelemetry }),
    ],
    [
      c.unidentifiable,
      t('meshgraph.footer.unidentifiable', '{{count}} unidentifiable ends', {
        count: c.unidentifiable,
        defaultValue_one: '{{count}} unidentifiable end',
      }),
    ],
    [
      c.unknownFrames,
      t('meshgraph.footer.unknownFrames', '{{count}} frames not recognised', {
        count: c.unknownFrames,
        defaultValue_one: '{{count}} frame not recognised',
      }),
    ],
    [
      c.unmatchedEnrichment,
      t('meshgraph.footer.unmatched', '{{count}} enrichment rows without an edge', {
        count: c.unmatchedEnrichment,
        defaultValue_one: '{{count}} enrichment row without an edge',
      }),
    ],
    [
      c.nodeGraphDroppedNodes,
      t('meshgraph.footer.dupNodes', '{{count}} node rows without or with a repeated id', {
        count: c.nodeGraphDroppedNodes,
        defaultValue_one: '{{count}} node row without or with a repeated id',
      }),
    ],
    [
      c.nodeGraphDanglingEdges,
      t('meshgraph.footer.dangling', '{{count}} edges to unknown nodes', {
        count: c.nodeGraphDanglingEdges,
        defaultValue_one: '{{count}} edge to an unknown node',
      }),
    ],
  ];
  const shown = dropped.filter(([n]) => n > 0).map(([, label]) => label);
  return shown.length > 0
    ? t('meshgraph.footer.dropped', 'dropped: {{list}}', { ...AS_TEXT, list: shown.join(', ') })
    : undefined;
}

const nodesText = (count: number) =>
  t('meshgraph.footer.nodes', '{{count}} nodes', { count, defaultValue_one: '{{count}} node' });
const edgesText = (count: number) =>
  t('meshgraph.footer.edges', '{{count}} edges', { count, defaultValue_one: '{{count}} edge' });

export function Footer({
  visible,
  counts,
  layout,
  compare,
  shortenedTitles = 0,
}: {
  visible: VisibleGraph;
  counts: InputCounts;
  layout?: Positions;
  compare?: CompareCounts;
  /** Node names the last frame drew shortened to fit beside their neighbours. */
  shortenedTitles?: number;
}) {
  const styles = useStyles2(getStyles);
  const parts = footerParts(visible, counts, compare);
  if (shortenedTitles > 0) {
    parts.push(
      t('meshgraph.footer.shortenedTitles', '{{count}} names shortened to fit (zoom in, or select a node, for the whole name)', {
        count: shortenedTitles,
        defaultValue_one: '{{count}} name shortened to fit (zoom in, or select the node, for the whole name)',
      })
    );
  }
  if (layout) {
    parts.push(
      t('meshgraph.footer.layout', 'layout {{ms}} ms{{where}}', {
        ...AS_TEXT,
        ms: Math.round(layout.ms),
        where: layout.inWorker ? '' : ' (main thread)',
      })
    );
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
