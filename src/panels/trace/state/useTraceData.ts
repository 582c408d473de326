import { startTransition, useEffect, useState } from 'react';
import { type DataFrame } from '@grafana/data';
import { type TraceColumns, type TraceSummary } from '../model/columns';
import { type FrameLike } from '../model/normalise';
import { createEngineClient } from './createWorker';
import { CancelledError, type EngineClient } from './engineClient';
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

interface Shown {
  load: unknown;
  index: number;
  columns: TraceColumns;
}

/**
 * Parses the panel data in the panel's own worker. New data cancels a parse still running; unmount ends the worker.
 * The chosen trace and the clock-skew toggle ask the engine for that trace's (adjusted) model; until it answers,
 * the columns shown before stay on screen.
 */
export function useTraceData(series: DataFrame[], adjustSkew: boolean, makeClient: () => EngineClient = createEngineClient) {
  const [client] = useState(makeClient);
  useEffect(() => () => client.dispose(), [client]);

  const load = useKeyedRequest(series, () => {
    client.cancel();
    return client.request({ type: 'load', frames: toPlainFrames(series), adjustSkew });
  });
  const [wanted, setWanted] = useState<{ load: unknown; index: number }>({ load: undefined, index: 0 });
  const [picked, setPicked] = useState<Shown | undefined>(undefined);
  const [pickError, setPickError] = useState<string | undefined>(undefined);

  const loaded = load.value;
  const index = wanted.load === loaded ? wanted.index : 0;
  const base: Shown | undefined = loaded?.columns ? { load: loaded, index: 0, columns: loaded.columns } : undefined;
  const shown = picked && picked.load === loaded ? picked : base;
  const current = shown && shown.index === index && shown.columns.skewAdjusted === adjustSkew;

  useEffect(() => {
    if (!loaded?.columns || current) {
      return;
    }
    let live = true;
    client
      .request({ type: 'select', trace: index, adjustSkew })
      .then((columns) => live && startTransition(() => setPicked({ load: loaded, index, columns })))
      .catch((e: Error) => live && !(e instanceof CancelledError) && setPickError(e.message));
    return () => {
      live = false;
    };
  }, [client, loaded, index, adjustSkew, current]);

  let state: TraceDataState;
  if (load.error || pickError) {
    state = { status: 'error', error: (load.error ?? pickError)! };
  } else if (!loaded) {
    state = { status: 'loading' };
  } else {
    state = { status: 'ready', format: loaded.format, traces: loaded.traces, columns: shown?.columns, selected: shown?.index ?? 0 };
  }
  const selectTrace = (i: number) => setWanted({ load: loaded, index: i });
  return { state, selectTrace, client };
}
