import { LoadingState, type PanelData } from '@grafana/data';
import { SceneQueryRunner } from '@grafana/scenes';
import { traceIdQuery, type TraceSourceKind } from '../../../../shared/traces/traceSource';

/** Why an opened trace shows nothing: the query failed, or it answered without a span; undefined while fine or loading. */
export function openFailure(data: PanelData | undefined): string | undefined {
  if (data?.state === LoadingState.Error) {
    return data.errors?.[0]?.message ?? 'unknown error';
  }
  if (data?.state === LoadingState.Done && !data.series.some((f) => f.fields.some((x) => x.name === 'spanID'))) {
    return 'no such trace in the data source';
  }
  return undefined;
}

/** The query runner that loads one trace by its (checked) id from the trace data source. */
export function traceByIdRunner(traceUid: string, kind: TraceSourceKind, traceId: string): SceneQueryRunner {
  return new SceneQueryRunner({ datasource: { uid: traceUid }, queries: [traceIdQuery(kind, traceId)] });
}
