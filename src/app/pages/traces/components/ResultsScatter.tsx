import React from 'react';
import { t } from '@grafana/i18n';
import { useTheme2 } from '@grafana/ui';
import { formatDurationMs } from '../../../../shared/format';
import { scatterPoints, type TraceHit } from '../model/search';

const W = 640;
const H = 140;

/** Jaeger's search scatter: each result's duration over its start time; a point opens the trace. */
export function ResultsScatter({ hits, onOpen }: { hits: readonly TraceHit[]; onOpen(id: string): void }) {
  const theme = useTheme2();
  const points = scatterPoints(hits, W, H);
  return (
    <svg width={W + 20} height={H + 20} role="group" aria-label={t('traces.scatter', 'Trace durations over time')}>
      <g transform="translate(10 10)">
        <line x1={0} y1={H} x2={W} y2={H} stroke={theme.colors.border.medium} />
        {points.map((p) => (
          <circle
            key={p.hit.traceId}
            cx={p.x}
            cy={p.y}
            r={5}
            fill={theme.colors.primary.main}
            role="button"
            tabIndex={0}
            aria-label={`${p.hit.name} ${formatDurationMs(p.hit.durationMs)}`}
            onClick={() => onOpen(p.hit.traceId)}
            onKeyDown={(e) => e.key === 'Enter' && onOpen(p.hit.traceId)}
          />
        ))}
      </g>
    </svg>
  );
}
