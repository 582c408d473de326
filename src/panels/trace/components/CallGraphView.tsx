import React, { useMemo } from 'react';
import { css } from '@emotion/css';
import { type GrafanaTheme2 } from '@grafana/data';
import { t } from '@grafana/i18n';
import { LoadingPlaceholder, useStyles2, useTheme2 } from '@grafana/ui';
import { colorForName } from '../../../shared/ui/serviceColor';
import { layoutCallGraph } from '../model/callGraphLayout';
import { type TraceColumns } from '../model/columns';
import { builtInLinks } from '../model/links';
import { spanTimeRange } from '../../../shared/links/timeRange';
import { type EngineClient } from '../state/engineClient';
import { useEngineQuery } from '../state/useEngineQuery';
import { AS_TEXT } from '../../../shared/i18n/asText';

const COL = 220;
const ROW = 56;
const NODE_W = 170;
const NODE_H = 36;

/** Service-level call graph of the trace with call counts; each service links to the mesh graph page. */
export function CallGraphView({
  client,
  columns,
  width,
  height,
}: {
  client: EngineClient;
  columns: TraceColumns;
  width: number;
  height: number;
}) {
  const styles = useStyles2(getStyles);
  const theme = useTheme2();
  const { value, error } = useEngineQuery(
    client,
    { type: 'callGraph', adjustSkew: columns.skewAdjusted },
    `${columns.summary.traceId}:${columns.skewAdjusted}`
  );
  const placed = useMemo(
    () => (value ? layoutCallGraph(value.nodes, value.edges, columns.summary.rootService) : []),
    [value, columns]
  );
  if (error) {
    return <div className={styles.error}>{error}</div>;
  }
  if (!value) {
    return <LoadingPlaceholder text={t('trace.graph.loading', 'Building call graph…')} />;
  }
  const pos = new Map(placed.map((n) => [n.service, n]));
  const svgW = Math.max(width, (Math.max(0, ...placed.map((n) => n.x)) + 1) * COL + 20);
  const svgH = (Math.max(0, ...placed.map((n) => n.y)) + 1) * ROW + 20;
  const center = (s: string) => {
    const n = pos.get(s)!;
    return { x: 10 + n.x * COL + NODE_W / 2, y: 10 + n.y * ROW + NODE_H / 2 };
  };
  return (
    <div className={styles.wrap} style={{ height }}>
      <svg width={svgW} height={svgH} role="img" aria-label={t('trace.graph.label', 'Service call graph')}>
        {value.edges.map((e) => {
          const a = center(e.source);
          const b = center(e.target);
          const x1 = a.x + NODE_W / 2;
          const x2 = b.x - NODE_W / 2;
          return (
            <g
              key={`${e.source}>${e.target}`}
              aria-label={t('trace.graph.edge', '{{source}} → {{target}}: {{count}} calls', {
                ...AS_TEXT,
                source: e.source,
                target: e.target,
                count: e.calls,
                defaultValue_one: '{{source}} → {{target}}: {{count}} call',
              })}
            >
              <path
                d={`M${x1},${a.y} C${x1 + 30},${a.y} ${x2 - 30},${b.y} ${x2},${b.y}`}
                fill="none"
                stroke={e.errors ? theme.colors.error.main : theme.colors.border.strong}
                strokeWidth={1.5}
              />
              <text x={(x1 + x2) / 2} y={(a.y + b.y) / 2 - 4} className={styles.edgeLabel} textAnchor="middle">
                {e.calls}
                {e.errors
                  ? ` ${t('trace.graph.edgeErrors', '({{count}} errors)', { count: e.errors, defaultValue_one: '({{count}} error)' })}`
                  : ''}
              </text>
            </g>
          );
        })}
        {placed.map((n) => {
          // Istio's `<canonical service>.<namespace>`: namespaces hold no dots, so the last dot splits.
          const dot = n.service.lastIndexOf('.');
          const href = builtInLinks(
            { service: dot > 0 ? n.service.slice(0, dot) : n.service, namespace: dot > 0 ? n.service.slice(dot + 1) : '', workload: '' },
            spanTimeRange(columns.summary.startMs, columns.summary.durationMs)
          ).find((l) => l.title === 'Mesh graph')!.href;
          return (
            <a
              key={n.service}
              href={href}
              aria-label={t('trace.graph.node', '{{service}}: {{count}} spans, open in mesh graph', {
                ...AS_TEXT,
                service: n.service,
                count: n.spans,
                defaultValue_one: '{{service}}: {{count}} span, open in mesh graph',
              })}
            >
              <rect
                x={10 + n.x * COL}
                y={10 + n.y * ROW}
                width={NODE_W}
                height={NODE_H}
                rx={4}
                className={styles.node}
                stroke={colorForName(theme, n.service)}
              />
              <text x={18 + n.x * COL} y={10 + n.y * ROW + 15} className={styles.nodeTitle}>
                {n.service.length > 24 ? `${n.service.slice(0, 23)}…` : n.service}
              </text>
              <text x={18 + n.x * COL} y={10 + n.y * ROW + 29} className={styles.nodeStat}>
                {t('trace.graph.spans', '{{count}} spans', { count: n.spans, defaultValue_one: '{{count}} span' })},{' '}
                {t('trace.graph.errors', '{{count}} errors', { count: n.errors, defaultValue_one: '{{count}} error' })}
              </text>
            </a>
          );
        })}
      </svg>
    </div>
  );
}

const getStyles = (theme: GrafanaTheme2) => ({
  wrap: css({ overflow: 'auto', padding: theme.spacing(1) }),
  node: css({ fill: theme.colors.background.secondary, strokeWidth: 2 }),
  nodeTitle: css({
    fill: theme.colors.text.primary,
    fontSize: theme.typography.bodySmall.fontSize,
    fontWeight: theme.typography.fontWeightMedium,
  }),
  nodeStat: css({ fill: theme.colors.text.secondary, fontSize: 11 }),
  edgeLabel: css({ fill: theme.colors.text.secondary, fontSize: 11 }),
  error: css({ color: theme.colors.error.text, padding: theme.spacing(1) }),
});
