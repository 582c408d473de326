import { useMemo, useState } from 'react';
import { type DataFrame } from '@grafana/data';
import { parseTraceFrames } from '../model/parseTraceFrames';
import { type TraceModel } from '../model/types';

export interface TraceModelState {
  error: string | undefined;
  traces: TraceModel[];
  selected: TraceModel | undefined;
  selectTrace: (traceId: string) => void;
}

/** Parses the panel's frames once per data change and tracks the picked trace (per panel instance). */
export function useTraceModel(series: DataFrame[]): TraceModelState {
  const result = useMemo(() => parseTraceFrames(series), [series]);
  const [pickedId, setPickedId] = useState<string | undefined>(undefined);
  const traces = result.ok ? result.traces : [];
  const selected = traces.find((t) => t.traceId === pickedId) ?? traces[0];
  return { error: result.ok ? undefined : result.error, traces, selected, selectTrace: setPickedId };
}
