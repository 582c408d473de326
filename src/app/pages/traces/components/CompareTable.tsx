import React, { useMemo } from 'react';
import { css } from '@emotion/css';
import { LoadingState, type GrafanaTheme2, type PanelData } from '@grafana/data';
import { t } from '@grafana/i18n';
import { sceneGraph, type VizPanel } from '@grafana/scenes';
import { LoadingPlaceholder, useStyles2 } from '@grafana/ui';
import { formatDurationMs } from '../../../../shared/format';
import { PanelMessage } from '../../../../shared/ui/PanelMessage';
import { compareTraces } from '../model/compare';
import { diffTraces } from '../model/compareTree';
import { CompareTree } from './CompareTree';
import { traceFrameOf } from '../model/summary';
import { AS_TEXT } from '../../../../shared/i18n/asText';

interface Props {
  ids: [string, string];
  a: VizPanel;
  b: VizPanel;
}

/** Why one side has no trace (query failed, or the id is unknown), else undefined. */
function problem(side: string, id: string, data: PanelData | undefined): string | undefined {
  if (data?.state === LoadingState.Error) {
    return t('traces.compare.error', 'Trace {{side}} "{{id}}" could not be loaded: {{reason}}', {
      ...AS_TEXT,
      side,
      id,
      reason: data.errors?.[0]?.message ?? data.error?.message ?? '',
    });
  }
  if (data?.state === LoadingState.Done && !traceFrameOf(data.series)) {
    return t('traces.compare.notFound', 'Trace {{side}} "{{id}}" was not found in the trace data source.', {
      ...AS_TEXT,
      side,
      id,
    });
  }
  return undefined;
}

/** The structure/duration diff of the two traces the side-by-side panels show (spans grouped by service and operation). */
export function CompareTable({ ids, a, b }: Props) {
  const styles = useStyles2(getStyles);
  const dataA = sceneGraph.getData(a).useState().data;
  const dataB = sceneGraph.getData(b).useState().data;
  const done = dataA?.state === LoadingState.Done && dataB?.state === LoadingState.Done;
  const comparison = useMemo(
    () => (done ? compareTraces(traceFrameOf(dataA.series), traceFrameOf(dataB.series)) : undefined),
    [done, dataA, dataB]
  );
  const diff = useMemo(
    () => (done ? diffTraces(traceFrameOf(dataA.series), traceFrameOf(dataB.series)) : undefined),
    [done, dataA, dataB]
  );
  const problems = [problem('A', ids[0], dataA), problem('B', ids[1], dataB)].filter((p): p is string => Boolean(p));
  if (problems.length) {
    return <PanelMessage kind="error" message={problems.join(' ')} />;
  }
  if (!comparison || !diff) {
    return <LoadingPlaceholder text={t('traces.compare.loading', 'Loading both traces…')} />;
  }
  const delta = (x: number, y: number) => (y - x >= 0 ? `+${formatDurationMs(y - x)}` : `−${formatDurationMs(x - y)}`);
  return (
    <>
      <h4 data-testid="meshlens-compare-summary">
        {t('traces.compare.title', 'A: {{a}} ({{spansA}}, {{durA}}) vs B: {{b}} ({{spansB}}, {{durB}})', {
          ...AS_TEXT,
          a: ids[0],
          b: ids[1],
          spansA: t('traces.compare.spans', '{{count}} spans', {
            count: comparison.spansA,
            defaultValue_one: '{{count}} span',
          }),
          spansB: t('traces.compare.spans', '{{count}} spans', {
            count: comparison.spansB,
            defaultValue_one: '{{count}} span',
          }),
          durA: formatDurationMs(comparison.durationMsA),
          durB: formatDurationMs(comparison.durationMsB),
        })}
      </h4>
      <CompareTree diff={diff} />
      <h5>{t('traces.compare.timeTitle', 'Time by service and operation')}</h5>
      <table className={styles.table}>
        <thead>
          <tr>
            <th>{t('traces.compare.service', 'Service')}</th>
            <th>{t('traces.compare.operation', 'Operation')}</th>
            <th>{t('traces.compare.spansHeader', 'Spans A / B')}</th>
            <th>{t('traces.compare.time', 'Time A / B')}</th>
            <th>{t('traces.compare.delta', 'Change')}</th>
          </tr>
        </thead>
        <tbody>
          {comparison.rows.map((r) => (
            <tr
              key={`${r.service}\u0000${r.operation}`}
              data-testid="meshlens-compare-row"
              className={r.countA === 0 || r.countB === 0 ? styles.only : undefined}
            >
              <td>{r.service}</td>
              <td>{r.operation}</td>
              <td>{`${r.countA} / ${r.countB}`}</td>
              <td>{`${formatDurationMs(r.totalMsA)} / ${formatDurationMs(r.totalMsB)}`}</td>
              <td>
                {r.countA === 0
                  ? t('traces.compare.onlyB', 'only in B')
                  : r.countB === 0
                    ? t('traces.compare.onlyA', 'only in A')
                    : delta(r.totalMsA, r.totalMsB)}
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </>
  );
}

const getStyles = (theme: GrafanaTheme2) => ({
  table: css({
    borderCollapse: 'collapse',
    width: '100%',
    'th, td': {
      textAlign: 'left',
      padding: theme.spacing(0.5, 1),
      borderBottom: `1px solid ${theme.colors.border.weak}`,
    },
  }),
  only: css({ color: theme.colors.warning.text }),
});
