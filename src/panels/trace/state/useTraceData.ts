import { startTransition, useEffect, useState } from 'react';
import { type DataFrame } from '@grafana/data';
import { type TraceColumns, type TraceSummary } from '../model/columns';
import { type LoadResult } from '../model/engine';
import { type FrameLike } from '../model/normalise';
import { createEngineClient } from './createWorker';
import { CancelledError, type EngineClient } from './engineClient';
import { useKeyedRequest } from './useKeyedRequest';

export type TraceDataState =
  | { status: 'loading' }
  | { status: 'error'; error: string }
  | {
      status: 'ready';
      format: string;
      traces: TraceSummary[];
      columns: TraceColumns | undefined;
      selected: number;
      /** Notes about the input (frames ignored, …), shown above the trace. */
      notes: readonly string[];
    };

/** Only names and values cross to the worker: Grafana fields also hold functions, which cannot be cloned. */
function toPlainFrames(series: readonly DataFrame[]): FrameLike[] {
  return series.map((f) => ({
    name: f.name,
    length: f.length,
    fields: f.fields.map((field) => ({ name: field.name, values: Array.from(field.values as ArrayLike<unknown>) })),
  }));
}

/** Same traces, same spans: what a dashboard refresh of an unchanged trace returns. */
export function sameContent(a: LoadResult, b: LoadResult): boolean {
  return a.format === b.format && a.traces.length === b.traces.length && a.traces.every((t, i) => t.contentKey === b.traces[i].contentKey);
}

interface Shown {
  load: unknown;
  index: number;
  columns: TraceColumns;
}

/**
 * Parses the panel data in the panel's own worker. New data cancels a parse still running; unmount ends the worker.
 * While new data is read, the trace shown stays; when it has the same content (a refresh), the trace shown is kept as
 * it is (same objects), so the view keeps its state. The chosen trace and the clock-skew toggle ask the engine for that
 * trace's (adjusted) model; until it answers, the columns shown before stay on screen.
 */
export function useTraceData(series: DataFrame[], adjustSkew: boolean, makeClient: () => EngineClient = createEngineClient) {
  const [client] = useState(makeClient);
  useEffect(() => () => client.dispose(), [client]);

  const load = useKeyedRequest(series, () => {
    client.cancel();
    return client.request({ type: 'load', frames: toPlainFrames(series), adjustSkew });
  });
  const [loaded, setLoaded] = useState<LoadResult | undefined>(undefined);
  if (load.value && load.value !== loaded && !(loaded && sameContent(loaded, load.value))) {
    setLoaded(load.value);
  }
  const [wanted, setWanted] = useState<{ load: unknown; index: number }>({ load: undefined, index: 0 });
  const [picked, setPicked] = useState<Shown | undefined>(undefined);
  const [pickError, setPickError] = useState<string | undefined>(undefined);

  const index = wanted.load === loaded ? wanted.index : 0;
  const base: Shown | undefined = loaded?.columns ? { load: loaded, index: 0, columns: loaded.columns } : undefined;
  const shown = picked && picked.load === loaded ? picked : base;
  const current = shown && shown.index === index && shown.columns.skewAdjusted === adjustSkew;

  // A reload with the same content restarted the engine on trace 0: point it back at the trace shown.
  const engineLoad = load.value;
  useEffect(() => {
    if (engineLoad && engineLoad !== loaded && index !== 0) {
      client.request({ type: 'select', trace: index, adjustSkew }).catch(() => undefined);
    }
    // Only when the engine was reloaded.
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [engineLoad]);

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
    state = {
      status: 'ready',
      format: loaded.format,
      traces: loaded.traces,
      columns: shown?.columns,
      selected: shown?.index ?? 0,
      notes: loaded.notes,
    };
  }
  const selectTrace = (i: number) => setWanted({ load: loaded, index: i });
  return { state, selectTrace, client };
}
