import { createContext, useContext, useMemo } from 'react';
import { type TraceColumns } from '../model/columns';
import { type IstioExtras } from '../model/istioExtras';
import { type EngineClient } from './engineClient';
import { useEngineQuery } from './useEngineQuery';

/** What the Istio and export additions read inside one trace view (provided once by TraceView). */
export interface TraceExtras {
  readonly client: EngineClient;
  readonly columns: TraceColumns;
  /** Undefined until the engine answered (or when it failed: then `error`). */
  readonly istio?: IstioExtras;
  readonly error?: string;
}

export const TraceExtrasContext = createContext<TraceExtras | undefined>(undefined);

/** The Istio extras of the shown trace, asked of the engine once per trace and clock-skew setting. */
export function useIstioExtras(client: EngineClient, columns: TraceColumns): TraceExtras {
  const { value, error } = useEngineQuery(
    client,
    { type: 'istio', adjustSkew: columns.skewAdjusted },
    `istio:${columns.summary.traceId}:${columns.skewAdjusted}`
  );
  // One object per answer: every row reads this context, so it must not change on unrelated renders.
  return useMemo(() => ({ client, columns, istio: value, error }), [client, columns, value, error]);
}

export function useTraceExtras(): TraceExtras | undefined {
  return useContext(TraceExtrasContext);
}
