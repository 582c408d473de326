import React from 'react';
import { dateTimeFormat } from '@grafana/data';
import { t } from '@grafana/i18n';
import { useTheme2 } from '@grafana/ui';
import { formatDurationMs } from '../../../../shared/format';
import { hasErrors, type KnownSummary } from '../model/results';
import { scatterPoints, type TraceHit } from '../model/search';
import { AS_TEXT } from '../../../../shared/i18n/asText';

const W = 640;
const H = 140;
const LEFT = 64;
const BOTTOM = 22;

interface Props {
  hits: readonly TraceHit[];
  known: ReadonlyMap<string, KnownSummary>;
  onOpen(id: string): void;
}

/**
 * Jaeger's search scatter: each result's duration over its start time, red when the trace has errors, grey until
 * its counts are loaded; a point opens the trace (click or Enter). Axes show the time span and the longest duration.
 */
export function ResultsScatter({ hits, known, onOpen }: Props) {
  const theme = useTheme2();
  const points = scatterPoints(hits, W, H);
  const fill = (id: string) => {
    const e = hasErrors(known.get(id));
    return e === undefined ? theme.colors.text.disabled : e ? theme.colors.error.main : theme.colors.primary.main;
  };
  const stateText = (id: string) => {
    const e = hasErrors(known.get(id));
    return e === undefined
      ? t('traces.scatter.unknown', 'errors not known yet')
      : e
        ? t('traces.scatter.errors', 'has errors')
        : t('traces.scatter.ok', 'no errors');
  };
  const times = hits.map((h) => h.startMs);
  const maxDuration = Math.max(0, ...hits.map((h) => h.durationMs));
  const axis = { fill: theme.colors.text.secondary, fontSize: theme.typography.bodySmall.fontSize };
  const legend = [
    { color: theme.colors.primary.main, text: t('traces.scatter.ok', 'no errors') },
    { color: theme.colors.error.main, text: t('traces.scatter.errors', 'has errors') },
    { color: theme.colors.text.disabled, text: t('traces.scatter.unknown', 'errors not known yet') },
  ];
  return (
    <svg
      width={LEFT + W + 20}
      height={H + BOTTOM + 34}
      role="group"
      aria-label={t('traces.scatter', 'Trace durations over time')}
      data-testid="meshlens-trace-scatter"
    >
      <g transform={`translate(${LEFT} 10)`}>
        <line x1={0} y1={H} x2={W} y2={H} stroke={theme.colors.border.medium} />
        <line x1={0} y1={0} x2={0} y2={H} stroke={theme.colors.border.medium} />
        <text x={-6} y={8} textAnchor="end" style={axis}>
          {formatDurationMs(maxDuration)}
        </text>
        <text x={-6} y={H} textAnchor="end" style={axis}>
          0
        </text>
        {hits.length > 0 && (
          <>
            <text x={0} y={H + 16} style={axis}>
              {dateTimeFormat(Math.min(...times))}
            </text>
            <text x={W} y={H + 16} textAnchor="end" style={axis}>
              {dateTimeFormat(Math.max(...times))}
            </text>
          </>
        )}
        {points.map((p) => (
          <circle
            key={p.hit.traceId}
            cx={p.x}
            cy={p.y}
            r={5}
            fill={fill(p.hit.traceId)}
            data-errors={String(hasErrors(known.get(p.hit.traceId)) ?? 'unknown')}
            style={{ cursor: 'pointer' }}
            role="button"
            tabIndex={0}
            aria-label={t('traces.scatter.point', '{{name}} {{duration}}, {{state}}: open', {
              ...AS_TEXT,
              name: p.hit.name || p.hit.traceId,
              duration: formatDurationMs(p.hit.durationMs),
              state: stateText(p.hit.traceId),
            })}
            onClick={() => onOpen(p.hit.traceId)}
            onKeyDown={(e) => e.key === 'Enter' && onOpen(p.hit.traceId)}
          />
        ))}
        {legend.map((l, i) => (
          <g key={l.text} transform={`translate(${i * 150} ${H + 32})`}>
            <circle r={5} cx={5} cy={-4} fill={l.color} />
            <text x={14} y={0} style={axis}>
              {l.text}
            </text>
          </g>
        ))}
      </g>
    </svg>
  );
}
