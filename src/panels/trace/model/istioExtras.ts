import {
  hopStatistics,
  retryGroups,
  sidecarOverheads,
  type HopStat,
  type RetryGroup,
} from '../../../shared/traces/istioSpans';
import { type Trace } from './types';

/** Istio latency facts of one trace, by span index (tree order): what rows, statistics and the detail show. */
export interface IstioExtras {
  /** Sidecar overhead of the call a client span makes (ms); NaN where the span is no such client span. */
  readonly overheadMs: Float64Array;
  /** The next hop's server span for a client span, -1 otherwise. */
  readonly serverOf: Int32Array;
  readonly hops: HopStat[];
  readonly retries: RetryGroup[];
  /** Index into `retries` of the group a span is an attempt of, -1 otherwise. */
  readonly retryOf: Int32Array;
}

/** Computes the Istio extras of a built trace (pure; run in the panel's worker). */
export function istioExtras(trace: Trace): IstioExtras {
  const n = trace.spans.length;
  const overheadMs = new Float64Array(n).fill(NaN);
  const serverOf = new Int32Array(n).fill(-1);
  const overheads = sidecarOverheads(trace.spans);
  for (const o of overheads) {
    overheadMs[o.client] = o.overheadMs;
    serverOf[o.client] = o.server;
  }
  const retries = retryGroups(trace.spans);
  const retryOf = new Int32Array(n).fill(-1);
  retries.forEach((g, k) => g.attempts.forEach((i) => (retryOf[i] = k)));
  return { overheadMs, serverOf, hops: hopStatistics(trace.spans, overheads), retries, retryOf };
}
