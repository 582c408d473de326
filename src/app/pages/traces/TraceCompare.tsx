import React, { useMemo } from 'react';
import { css } from '@emotion/css';
import { LoadingState, type GrafanaTheme2 } from '@grafana/data';
import { t } from '@grafana/i18n';
import {
  SceneObjectBase,
  SceneObjectUrlSyncConfig,
  SceneQueryRunner,
  sceneGraph,
  type SceneComponentProps,
  type SceneObjectState,
  type SceneObjectUrlValues,
} from '@grafana/scenes';
import { LoadingPlaceholder, useStyles2 } from '@grafana/ui';
import { formatDurationMs } from '../../../shared/format';
import { PanelMessage } from '../../../shared/ui/PanelMessage';
import { compareTraces } from './model/compare';

export interface TraceCompareState extends SceneObjectState {
  /** The two trace ids compared (A, B); none: nothing shown. */
  ids?: [string, string];
}

/** Two traces side by side: structure (spans per service and operation) and durations. Grafana has no such view. */
export class TraceCompare extends SceneObjectBase<TraceCompareState> {
  static Component = TraceCompareRenderer;
  protected override _urlSync = new SceneObjectUrlSyncConfig(this, { keys: ['compare'] });

  constructor(state: TraceCompareState) {
    super(state);
    this.addActivationHandler(() => this.run());
  }

  getUrlState(): SceneObjectUrlValues {
    return { compare: this.state.ids ? this.state.ids.join(',') : undefined };
  }

  updateFromUrl(values: SceneObjectUrlValues) {
    const parts = typeof values.compare === 'string' ? values.compare.split(',').filter(Boolean) : [];
    if (parts.length === 2 && parts.join(',') !== this.state.ids?.join(',')) {
      this.setState({ ids: [parts[0], parts[1]] });
      this.run();
    }
  }

  compare(a: string, b: string) {
    this.setState({ ids: [a, b] });
    this.run();
  }

  private run() {
    const runner = sceneGraph.getData(this);
    if (this.state.ids && runner instanceof SceneQueryRunner) {
      const [a, b] = this.state.ids;
      runner.setState({ queries: [{ refId: 'A', query: a }, { refId: 'B', query: b }] });
      runner.runQueries();
    }
  }
}

function TraceCompareRenderer({ model }: SceneComponentProps<TraceCompare>) {
  const styles = useStyles2(getStyles);
  const { ids } = model.useState();
  const { data } = sceneGraph.getData(model).useState();
  const comparison = useMemo(
    () => (data ? compareTraces(data.series.find((f) => f.refId === 'A'), data.series.find((f) => f.refId === 'B')) : undefined),
    [data]
  );
  if (!ids) {
    return null;
  }
  if (!data || !comparison || data.state === LoadingState.Loading) {
    return <LoadingPlaceholder text={t('traces.compare.loading', 'Loading both traces…')} />;
  }
  if (data.state === LoadingState.Error) {
    return <PanelMessage kind="error" message={t('traces.compare.error', 'The traces could not be compared: {{reason}}', { reason: data.errors?.[0]?.message ?? '' })} />;
  }
  const delta = (a: number, b: number) => (b - a >= 0 ? `+${formatDurationMs(b - a)}` : `−${formatDurationMs(a - b)}`);
  return (
    <section className={styles.root} aria-label={t('traces.compare', 'Trace comparison')} data-testid="meshlens-trace-compare">
      <h4>
        {t('traces.compare.title', 'A: {{a}} ({{spansA}}, {{durA}}) vs B: {{b}} ({{spansB}}, {{durB}})', {
          a: ids[0],
          b: ids[1],
          spansA: t('traces.compare.spans', '{{count}} spans', { count: comparison.spansA, defaultValue_one: '{{count}} span' }),
          spansB: t('traces.compare.spans', '{{count}} spans', { count: comparison.spansB, defaultValue_one: '{{count}} span' }),
          durA: formatDurationMs(comparison.durationMsA),
          durB: formatDurationMs(comparison.durationMsB),
        })}
      </h4>
      <table className={styles.table}>
        <thead>
          <tr>
            <th>{t('traces.compare.service', 'Service')}</th>
            <th>{t('traces.compare.operation', 'Operation')}</th>
            <th>{t('traces.compare.spans', 'Spans A / B')}</th>
            <th>{t('traces.compare.time', 'Time A / B')}</th>
            <th>{t('traces.compare.delta', 'Change')}</th>
          </tr>
        </thead>
        <tbody>
          {comparison.rows.map((r) => (
            <tr key={`${r.service}\u0000${r.operation}`} data-testid="meshlens-compare-row" className={r.countA === 0 || r.countB === 0 ? styles.only : undefined}>
              <td>{r.service}</td>
              <td>{r.operation}</td>
              <td>{`${r.countA} / ${r.countB}`}</td>
              <td>{`${formatDurationMs(r.totalMsA)} / ${formatDurationMs(r.totalMsB)}`}</td>
              <td>{r.countA === 0 ? t('traces.compare.onlyB', 'only in B') : r.countB === 0 ? t('traces.compare.onlyA', 'only in A') : delta(r.totalMsA, r.totalMsB)}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </section>
  );
}

const getStyles = (theme: GrafanaTheme2) => ({
  root: css({ margin: theme.spacing(1, 0) }),
  table: css({ borderCollapse: 'collapse', width: '100%', 'th, td': { textAlign: 'left', padding: theme.spacing(0.5, 1), borderBottom: `1px solid ${theme.colors.border.weak}` } }),
  only: css({ color: theme.colors.warning.text }),
});
