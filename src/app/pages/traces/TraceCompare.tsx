import React from 'react';
import { css } from '@emotion/css';
import { type GrafanaTheme2 } from '@grafana/data';
import { t } from '@grafana/i18n';
import {
  SceneObjectBase,
  SceneObjectUrlSyncConfig,
  SceneQueryRunner,
  VizPanel,
  type SceneComponentProps,
  type SceneObjectState,
  type SceneObjectUrlValues,
} from '@grafana/scenes';
import { useStyles2 } from '@grafana/ui';
import { traceIdQuery } from '../../../shared/traces/traceSource';
import { PanelMessage } from '../../../shared/ui/PanelMessage';
import { CompareTable } from './components/CompareTable';
import { TRACE_PANEL_ID } from './constants';
import { resolveTraceSource } from './state/resolveTraceSource';
import { checkComparePair } from './model/traceIds';
import { AS_TEXT } from '../../../shared/i18n/asText';

export interface TraceCompareState extends SceneObjectState {
  traceUid: string;
  /** The two trace ids compared (A, B); none: nothing shown. */
  ids?: [string, string];
  /** A trace panel per side, each with its own query; the diff table reads both. */
  panels?: [VizPanel, VizPanel];
  sourceError?: string;
  /** `?compare=` that is not two trace ids: shown, nothing queried. */
  idError?: string;
}

/** Two traces side by side in two trace panels, and their structure/duration diff. Grafana has no such view. */
export class TraceCompare extends SceneObjectBase<TraceCompareState> {
  static Component = TraceCompareRenderer;
  protected override _urlSync = new SceneObjectUrlSyncConfig(this, { keys: ['compare'] });

  constructor(state: TraceCompareState) {
    super(state);
    this.addActivationHandler(() => {
      if (this.state.ids && !this.state.panels) {
        this.compare(...this.state.ids);
      }
    });
  }

  getUrlState(): SceneObjectUrlValues {
    return { compare: this.state.ids ? this.state.ids.join(',') : undefined };
  }

  updateFromUrl(values: SceneObjectUrlValues) {
    if (typeof values.compare !== 'string') {
      return;
    }
    const pair = checkComparePair(values.compare);
    if (!pair.ok) {
      // Nothing is queried for ids that are not trace ids (Tempo would run the text as TraceQL).
      this.setState({ ids: undefined, panels: undefined, idError: pair.error });
      return;
    }
    const [a, b] = pair.ids;
    if (pair.ids.join(',') !== this.state.ids?.join(',')) {
      if (this.isActive) {
        this.compare(a, b);
      } else {
        this.setState({ ids: [a, b], panels: undefined, idError: undefined });
      }
    }
  }

  compare(a: string, b: string) {
    const pair = checkComparePair(`${a},${b}`);
    if (!pair.ok) {
      this.setState({ ids: undefined, panels: undefined, idError: pair.error });
      return;
    }
    [a, b] = pair.ids;
    const source = resolveTraceSource(this.state.traceUid);
    if (!source.kind) {
      this.setState({ ids: [a, b], panels: undefined, sourceError: source.error });
      return;
    }
    const panel = (side: 'A' | 'B', id: string) =>
      new VizPanel({
        key: `compare-${side}`,
        pluginId: TRACE_PANEL_ID,
        title: t('traces.compare.panel', '{{side}}: trace {{id}}', { ...AS_TEXT, side, id }),
        $data: new SceneQueryRunner({
          datasource: { uid: this.state.traceUid },
          queries: [traceIdQuery(source.kind, id, side)],
        }),
      });
    this.setState({ ids: [a, b], panels: [panel('A', a), panel('B', b)], sourceError: undefined, idError: undefined });
  }
}

function TraceCompareRenderer({ model }: SceneComponentProps<TraceCompare>) {
  const styles = useStyles2(getStyles);
  const { ids, panels, sourceError, idError } = model.useState();
  if (idError) {
    return (
      <PanelMessage
        kind="error"
        message={t('traces.compare.badIds', 'Nothing was compared: {{reason}}', { ...AS_TEXT, reason: idError })}
      />
    );
  }
  if (!ids) {
    return null;
  }
  if (sourceError || !panels) {
    return <PanelMessage kind="error" message={sourceError ?? t('traces.compare.loading', 'Loading both traces…')} />;
  }
  return (
    <section
      className={styles.root}
      aria-label={t('traces.compare', 'Trace comparison')}
      data-testid="meshlens-trace-compare"
    >
      <div className={styles.sides}>
        {panels.map((p, i) => (
          <div key={p.state.key} className={styles.side} data-testid={`meshlens-compare-side-${i === 0 ? 'a' : 'b'}`}>
            <p.Component model={p} />
          </div>
        ))}
      </div>
      <CompareTable ids={ids} a={panels[0]} b={panels[1]} />
    </section>
  );
}

const getStyles = (theme: GrafanaTheme2) => ({
  root: css({ margin: theme.spacing(1, 0) }),
  sides: css({ display: 'flex', gap: theme.spacing(1) }),
  side: css({ flex: '1 1 0', minWidth: 0, height: 520 }),
});
