import React from 'react';
import { css } from '@emotion/css';
import { type GrafanaTheme2, type PanelProps } from '@grafana/data';
import { t } from '@grafana/i18n';
import { Combobox, useStyles2 } from '@grafana/ui';
import { PanelMessage } from '../../../shared/ui/PanelMessage';
import { useTraceModel } from '../state/useTraceModel';
import { type TracePanelOptions } from '../types';
import { SpanList } from './SpanList';
import { TraceHeader } from './TraceHeader';

const HEADER_HEIGHT = 72;

export function TracePanel({ data, options, width, height }: PanelProps<TracePanelOptions>) {
  const styles = useStyles2(getStyles);
  const { error, traces, selected, selectTrace } = useTraceModel(data.series);
  if (error) {
    return <PanelMessage kind="error" message={error} />;
  }
  if (!selected) {
    return <PanelMessage kind="info" message={t('trace.empty', 'No trace in the query result. Query a trace by id, or pass trace JSON.')} />;
  }
  const pickerHeight = traces.length > 1 ? 36 : 0;
  return (
    <div className={styles.root} style={{ width, height }} data-testid="meshlens-trace-panel" data-meshlens-ready="true">
      {traces.length > 1 && (
        <div className={styles.picker}>
          <Combobox
            aria-label={t('trace.picker.label', 'Trace')}
            value={selected.traceId}
            options={traces.map((tr) => ({ value: tr.traceId, label: `${tr.traceId} (${tr.spans.length})` }))}
            onChange={(o) => selectTrace(o.value)}
          />
        </div>
      )}
      <TraceHeader trace={selected} />
      <SpanList trace={selected} height={Math.max(height - HEADER_HEIGHT - pickerHeight, 48)} nameColumnWidth={options.nameColumnWidth} />
    </div>
  );
}

const getStyles = (theme: GrafanaTheme2) => ({
  root: css({ display: 'flex', flexDirection: 'column', overflow: 'hidden' }),
  picker: css({ padding: theme.spacing(0.5), maxWidth: 480 }),
});
