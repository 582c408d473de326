import { type DataFrame } from '@grafana/data';
import { frameRowCount, rowStatus, traceFrameFields, traceFrameOf as sharedTraceFrameOf } from '../../../../shared/traces/traceFrame';

/** What the result list shows per trace once the trace itself is loaded. */
export interface TraceSummary {
  spans: number;
  errors: number;
  /** Distinct services, most spans first. */
  services: string[];
}

/**
 * Span, error and service counts from a Grafana trace frame (a row per span), read by the shared trace-frame reader, so
 * a span is an error here exactly when the trace panel shows it as one (shared/traces/spanStatus: status code ERROR,
 * `error=true`, or HTTP 5xx, unless the status is explicitly OK).
 */
export function summariseTrace(frame: DataFrame): TraceSummary {
  const f = traceFrameFields(frame);
  const perService = new Map<string, number>();
  let errors = 0;
  const rows = frameRowCount(frame);
  for (let i = 0; i < rows; i++) {
    const name = String(f.service?.[i] ?? '');
    perService.set(name, (perService.get(name) ?? 0) + 1);
    errors += rowStatus(f, i) === 'error' ? 1 : 0;
  }
  const services = [...perService.entries()].sort((a, b) => b[1] - a[1] || a[0].localeCompare(b[0])).map(([s]) => s);
  return { spans: rows, errors, services };
}

/** The trace frame among a query's frames (the one with span ids), if the trace was found. */
export function traceFrameOf(frames: readonly DataFrame[]): DataFrame | undefined {
  return sharedTraceFrameOf(frames);
}
