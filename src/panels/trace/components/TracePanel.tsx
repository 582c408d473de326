import React, { useState } from 'react';
import { css } from '@emotion/css';
import { type DataQueryError, type GrafanaTheme2, LoadingState, type PanelData, type PanelProps } from '@grafana/data';
import { t } from '@grafana/i18n';
import { LoadingPlaceholder, useStyles2 } from '@grafana/ui';
import { AS_TEXT } from '../../../shared/i18n/asText';
import { PanelMessage } from '../../../shared/ui/PanelMessage';
import { type EngineClient } from '../state/engineClient';
import { useTraceData } from '../state/useTraceData';
import { type TracePanelOptions } from '../types';
import { InputNotes } from './InputNotes';
import { TraceView } from './TraceView';

interface Props extends PanelProps<TracePanelOptions> {
  /** Tests pass an in-process engine; the panel uses a Web Worker. */
  makeClient?: () => EngineClient;
}

export function TracePanel({ id, data, options, width, height, makeClient }: Props) {
  const styles = useStyles2(getStyles);
  // Kept here, above the per-trace view, because the engine builds the adjusted model the whole view then draws.
  const [adjustSkew, setAdjustSkew] = useState(options.adjustClockSkew);
  const { state, selectTrace, client } = useTraceData(data.series, adjustSkew, makeClient);
  const queryErrors = queryErrorsOf(data);
  let body: React.ReactNode;
  if (queryErrors.length > 0 && !(state.status === 'ready' && state.columns)) {
    // Grafana's convention: the data source's errors (data.errors, state Error) are the answer, never "no trace".
    body = <PanelMessage kind="error" message={t('trace.queryError', 'The query failed: {{errors}}', { ...AS_TEXT, errors: queryErrors.join(' · ') })} />;
  } else if (state.status === 'loading') {
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
        // Same content (a refresh of an unchanged trace) keeps the view and its state; new content starts afresh.
        key={`${state.selected}:${state.traces[state.selected]?.contentKey ?? state.columns.summary.traceId}`}
        notes={<InputNotes notes={[...queryErrors.map((e) => t('trace.queryErrorNote', 'Query error: {{error}}', { ...AS_TEXT, error: e })), ...state.notes]} />}
        client={client}
        series={data.series}
        columns={state.columns}
        traces={state.traces}
        selectedTrace={state.selected}
        onSelectTrace={selectTrace}
        adjustSkew={adjustSkew}
        onAdjustSkew={setAdjustSkew}
        options={options}
        panelId={id}
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

/** The data source's errors, as Grafana panels read them (data.errors, or the older data.error). */
function queryErrorsOf(data: PanelData): string[] {
  const errors: DataQueryError[] = data.errors?.length ? data.errors : data.error ? [data.error] : [];
  const texts = errors.map((e) => e.message || e.data?.message || e.statusText || String(e.status ?? '')).filter(Boolean);
  if (texts.length === 0 && data.state === LoadingState.Error) {
    return [t('trace.queryErrorUnknown', 'the data source reported an error without a message')];
  }
  return texts;
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
