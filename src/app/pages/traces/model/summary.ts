import { type DataFrame } from '@grafana/data';

/** What the result list shows per trace once the trace itself is loaded. */
export interface TraceSummary {
  spans: number;
  errors: number;
  /** Distinct services, most spans first. */
  services: string[];
}

function isErrorTag(tag: unknown): boolean {
  if (!tag || typeof tag !== 'object') {
    return false;
  }
  const { key, value } = tag as { key?: unknown; value?: unknown };
  return (key === 'error' && (value === true || value === 'true')) || (key === 'otel.status_code' && value === 'ERROR');
}

/**
 * Span, error and service counts from a Grafana trace frame (a row per span). A span is in error as
 * Jaeger UI and Grafana read it: OTel status code 2 (Tempo's `statusCode`), or tag `error=true`, or
 * `otel.status_code=ERROR` (Jaeger, Zipkin).
 */
export function summariseTrace(frame: DataFrame): TraceSummary {
  const field = (name: string) => frame.fields.find((f) => f.name === name);
  const service = field('serviceName')?.values ?? [];
  const status = field('statusCode')?.values ?? [];
  const tags = field('tags')?.values ?? [];
  const perService = new Map<string, number>();
  let errors = 0;
  for (let i = 0; i < frame.length; i++) {
    const name = String(service[i] ?? '');
    perService.set(name, (perService.get(name) ?? 0) + 1);
    const spanTags: unknown = tags[i];
    if (status[i] === 2 || (Array.isArray(spanTags) && spanTags.some(isErrorTag))) {
      errors++;
    }
  }
  const services = [...perService.entries()].sort((a, b) => b[1] - a[1] || a[0].localeCompare(b[0])).map(([s]) => s);
  return { spans: frame.length, errors, services };
}

/** The trace frame among a query's frames (the one with span ids), if the trace was found. */
export function traceFrameOf(frames: readonly DataFrame[]): DataFrame | undefined {
  return frames.find((f) => f.fields.some((x) => x.name === 'spanID'));
}
