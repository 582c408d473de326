import React, { useState } from 'react';
import { css } from '@emotion/css';
import { dateTimeFormat, type GrafanaTheme2 } from '@grafana/data';
import { t } from '@grafana/i18n';
import { Button, Checkbox, useStyles2, useTheme2 } from '@grafana/ui';
import { formatDurationMs } from '../../../../shared/format';
import { scatterPoints, type TraceHit } from '../model/search';

const W = 640;
const H = 140;

/** Duration over time (Jaeger's search scatter) and the result list; both open a trace. */
interface Props {
  hits: readonly TraceHit[];
  dropped: number;
  onOpen(id: string): void;
  onCompare(a: string, b: string): void;
}

export function ResultsView({ hits, dropped, onOpen, onCompare }: Props) {
  const styles = useStyles2(getStyles);
  const [picked, setPicked] = useState<string[]>([]);
  const toggle = (id: string) => setPicked((p) => (p.includes(id) ? p.filter((x) => x !== id) : [...p, id].slice(-2)));
  const theme = useTheme2();
  const points = scatterPoints(hits, W, H);
  return (
    <div className={styles.root} data-testid="meshlens-trace-results">
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
      <table className={styles.table}>
        <thead>
          <tr>
            <th>{t('traces.col.pick', 'Compare')}</th>
            <th>{t('traces.col.name', 'Trace')}</th>
            <th>{t('traces.col.start', 'Started')}</th>
            <th>{t('traces.col.duration', 'Duration')}</th>
            <th />
          </tr>
        </thead>
        <tbody>
          {hits.map((h) => (
            <tr key={h.traceId} data-testid="meshlens-trace-hit">
              <td>
                <Checkbox value={picked.includes(h.traceId)} onChange={() => toggle(h.traceId)} aria-label={t('traces.pick', 'Pick {{id}} to compare', { id: h.traceId })} />
              </td>
              <td>{h.name || h.traceId}</td>
              <td>{dateTimeFormat(h.startMs)}</td>
              <td>{formatDurationMs(h.durationMs)}</td>
              <td>
                <Button size="sm" variant="secondary" onClick={() => onOpen(h.traceId)} aria-label={t('traces.open', 'Open trace {{id}}', { id: h.traceId })}>
                  {t('traces.openShort', 'Open')}
                </Button>
              </td>
            </tr>
          ))}
        </tbody>
      </table>
      <div>
        <Button size="sm" icon="exchange-alt" disabled={picked.length !== 2} onClick={() => onCompare(picked[0], picked[1])}>
          {t('traces.compareButton', 'Compare the two picked traces')}
        </Button>
      </div>
      {dropped > 0 && <p>{t('traces.dropped', '{{count}} results without an id or times not shown', { count: dropped, defaultValue_one: '{{count}} result without an id or times not shown' })}</p>}
    </div>
  );
}

const getStyles = (theme: GrafanaTheme2) => ({
  root: css({ display: 'flex', flexDirection: 'column', gap: theme.spacing(1) }),
  table: css({ borderCollapse: 'collapse', 'th, td': { textAlign: 'left', padding: theme.spacing(0.5, 1), borderBottom: `1px solid ${theme.colors.border.weak}` } }),
});
