import React, { useMemo, useState } from 'react';
import { css } from '@emotion/css';
import { type GrafanaTheme2 } from '@grafana/data';
import { t } from '@grafana/i18n';
import { LoadingPlaceholder, RadioButtonGroup, useStyles2 } from '@grafana/ui';
import { formatDurationMs } from '../../../shared/format';
import { type TraceColumns } from '../model/columns';
import { type StatRow } from '../model/stats';
import { type EngineClient } from '../state/engineClient';
import { useEngineQuery } from '../state/useEngineQuery';
import { SidecarOverheadTable } from './istio/SidecarOverheadTable';

type SortKey = keyof Omit<StatRow, 'service' | 'operation'>;

const COLUMNS: Array<{ key: SortKey; label: string; ms: boolean }> = [
  { key: 'count', label: 'Count', ms: false },
  { key: 'totalMs', label: 'Total', ms: true },
  { key: 'avgMs', label: 'Avg', ms: true },
  { key: 'minMs', label: 'Min', ms: true },
  { key: 'maxMs', label: 'Max', ms: true },
  { key: 'selfTotalMs', label: 'Self total', ms: true },
  { key: 'selfAvgMs', label: 'Self avg', ms: true },
  { key: 'selfMinMs', label: 'Self min', ms: true },
  { key: 'selfMaxMs', label: 'Self max', ms: true },
  { key: 'errors', label: 'Errors', ms: false },
];

/** Jaeger-style trace statistics: group by service or operation, sortable columns, self time. */
export function StatisticsTable({
  client,
  columns,
  height,
}: {
  client: EngineClient;
  columns: TraceColumns;
  height: number;
}) {
  const styles = useStyles2(getStyles);
  const [groupBy, setGroupBy] = useState<'service' | 'operation'>('service');
  const [sort, setSort] = useState<{ key: SortKey; desc: boolean }>({ key: 'totalMs', desc: true });
  const { value, error } = useEngineQuery(
    client,
    { type: 'stats', groupBy, adjustSkew: columns.skewAdjusted },
    `${columns.summary.traceId}:${groupBy}:${columns.skewAdjusted}`
  );
  const rows = useMemo(
    () => (value ? [...value].sort((a, b) => (sort.desc ? b[sort.key] - a[sort.key] : a[sort.key] - b[sort.key])) : []),
    [value, sort]
  );
  return (
    <div className={styles.wrap} style={{ height }}>
      <RadioButtonGroup
        size="sm"
        value={groupBy}
        onChange={setGroupBy}
        options={[
          { value: 'service', label: t('trace.stats.byService', 'By service') },
          { value: 'operation', label: t('trace.stats.byOperation', 'By operation') },
        ]}
      />
      <SidecarOverheadTable />
      {error && <div className={styles.error}>{error}</div>}
      {!value && !error && <LoadingPlaceholder text={t('trace.stats.loading', 'Computing statistics…')} />}
      {value && (
        <table className={styles.table} aria-label={t('trace.stats.label', 'Trace statistics')}>
          <thead>
            <tr>
              <th scope="col">{t('trace.stats.service', 'Service')}</th>
              {groupBy === 'operation' && <th scope="col">{t('trace.stats.operation', 'Operation')}</th>}
              {COLUMNS.map((c) => (
                <th
                  key={c.key}
                  scope="col"
                  aria-sort={sort.key === c.key ? (sort.desc ? 'descending' : 'ascending') : 'none'}
                >
                  <button
                    type="button"
                    className={styles.sort}
                    onClick={() => setSort((s) => ({ key: c.key, desc: s.key === c.key ? !s.desc : true }))}
                  >
                    {t(`trace.stats.${c.key}`, c.label)}
                  </button>
                </th>
              ))}
            </tr>
          </thead>
          <tbody>
            {rows.map((r) => (
              <tr key={`${r.service}\u0000${r.operation}`}>
                <td>{r.service}</td>
                {groupBy === 'operation' && <td>{r.operation}</td>}
                {COLUMNS.map((c) => (
                  <td key={c.key} className={styles.num}>
                    {c.ms ? formatDurationMs(r[c.key]) : r[c.key]}
                  </td>
                ))}
              </tr>
            ))}
          </tbody>
        </table>
      )}
    </div>
  );
}

const getStyles = (theme: GrafanaTheme2) => ({
  wrap: css({ overflow: 'auto', padding: theme.spacing(1) }),
  table: css({
    width: '100%',
    marginTop: theme.spacing(1),
    fontSize: theme.typography.bodySmall.fontSize,
    borderCollapse: 'collapse',
    'th, td': {
      padding: theme.spacing(0.25, 1),
      borderBottom: `1px solid ${theme.colors.border.weak}`,
      textAlign: 'left',
      whiteSpace: 'nowrap',
    },
  }),
  num: css({ textAlign: 'right', fontVariantNumeric: 'tabular-nums' }),
  sort: css({
    background: 'none',
    border: 'none',
    padding: 0,
    color: theme.colors.text.primary,
    fontWeight: theme.typography.fontWeightMedium,
    cursor: 'pointer',
  }),
  error: css({ color: theme.colors.error.text }),
});
