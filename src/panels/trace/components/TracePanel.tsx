import React, { useState } from 'react';
import { css } from '@emotion/css';
import { type GrafanaTheme2, type PanelProps } from '@grafana/data';
import { t } from '@grafana/i18n';
import { LoadingPlaceholder, useStyles2 } from '@grafana/ui';
import { PanelMessage } from '../../../shared/ui/PanelMessage';
import { type EngineClient } from '../state/engineClient';
import { useTraceData } from '../state/useTraceData';
import { type TracePanelOptions } from '../types';
import { TraceView } from './TraceView';

interface Props extends PanelProps<TracePanelOptions> {
  /** Tests pass an in-process engine; the panel uses a Web Worker. */
  makeClient?: () => EngineClient;
}

export function TracePanel({ data, options, width, height, makeClient }: Props) {
  const styles = useStyles2(getStyles);
  // Kept here, above the per-trace view, because the engine builds the adjusted model the whole view then draws.
  const [adjustSkew, setAdjustSkew] = useState(options.adjustClockSkew);
  const { state, selectTrace, client } = useTraceData(data.series, adjustSkew, makeClient);
  let body: React.ReactNode;
  if (state.status === 'loading') {
    body = <LoadingPlaceholder text={t('trace.loading', 'Reading trace…')} />;
  } else if (state.status === 'error') {
    body = <PanelMessage kind="error" message={state.error} />;
  } else if (!state.columns) {
    body = (
      <PanelMessage
        kind="info"
        message={t('trace.empty', 'No trace in the query result. Query a trace by id, or pass trace JSON.')}
      />
    );
  } else {
    body = (
      <TraceView
        key={`${state.selected}:${state.columns.summary.traceId}`}
        client={client}
        series={data.series}
        columns={state.columns}
        traces={state.traces}
        selectedTrace={state.selected}
        onSelectTrace={selectTrace}
        adjustSkew={adjustSkew}
        onAdjustSkew={setAdjustSkew}
        options={options}
        width={width}
        height={height}
      />
    );
  }
  return (
    <div
      className={styles.root}
      style={{ width, height }}
      data-testid="meshlens-trace-panel"
      data-meshlens-ready={state.status === 'ready' && state.columns ? 'true' : 'false'}
    >
      {body}
    </div>
  );
}

const getStyles = (theme: GrafanaTheme2) => ({
  root: css({
    display: 'flex',
    flexDirection: 'column',
    overflow: 'hidden',
    position: 'relative',
    background: theme.colors.background.primary,
  }),
});
