import { useCallback, useEffect, useState } from 'react';
import { type DataFrame } from '@grafana/data';
import { type TraceColumns, type TraceSummary } from '../model/columns';
import { type FrameLike } from '../model/normalise';
import { createEngineClient } from './createWorker';
import { type EngineClient } from './engineClient';
import { useKeyedRequest } from './useKeyedRequest';

export type TraceDataState =
  | { status: 'loading' }
  | { status: 'error'; error: string }
  | { status: 'ready'; format: string; traces: TraceSummary[]; columns: TraceColumns | undefined; selected: number };

/** Only names and values cross to the worker: Grafana fields also hold functions, which cannot be cloned. */
function toPlainFrames(series: readonly DataFrame[]): FrameLike[] {
  return series.map((f) => ({
    name: f.name,
    length: f.length,
    fields: f.fields.map((field) => ({ name: field.name, values: Array.from(field.values as ArrayLike<unknown>) })),
  }));
}

/**
 * Parses the panel data in the panel's own worker. New data cancels a parse still running; unmount ends the worker.
 */
export function useTraceData(series: DataFrame[], makeClient: () => EngineClient = createEngineClient) {
  const [client] = useState(makeClient);
  useEffect(() => () => client.dispose(), [client]);

  const load = useKeyedRequest(series, () => {
    client.cancel();
    return client.request({ type: 'load', frames: toPlainFrames(series) });
  });
  const [picked, setPicked] = useState<{ load: unknown; index: number; columns: TraceColumns } | undefined>(undefined);
  const [pickError, setPickError] = useState<string | undefined>(undefined);

  const selectTrace = useCallback(
    (index: number) => {
      const forLoad = load.value;
      client
        .request({ type: 'select', trace: index })
        .then((columns) => setPicked({ load: forLoad, index, columns }))
        .catch((e: Error) => setPickError(e.message));
    },
    [client, load.value]
  );

  let state: TraceDataState;
  if (load.error || pickError) {
    state = { status: 'error', error: (load.error ?? pickError)! };
  } else if (!load.value) {
    state = { status: 'loading' };
  } else {
    const pick = picked && picked.load === load.value ? picked : undefined;
    state = {
      status: 'ready',
      format: load.value.format,
      traces: load.value.traces,
      columns: pick ? pick.columns : load.value.columns,
      selected: pick ? pick.index : 0,
    };
  }
  return { state, selectTrace, client };
}
