import { getDataSourceSrv } from '@grafana/runtime';
import { traceSourceKind, type TraceSourceKind } from '../../../../shared/traces/traceSource';

/** The configured trace data source's kind, or a sentence saying why it cannot serve traces. */
export function resolveTraceSource(
  uid: string
): { kind: TraceSourceKind; error?: undefined } | { kind?: undefined; error: string } {
  const settings = getDataSourceSrv().getInstanceSettings({ uid });
  if (!settings) {
    return {
      error: `The trace data source "${uid}" does not exist in this Grafana; choose one on the app's configuration page.`,
    };
  }
  const kind = traceSourceKind(settings.type);
  return kind
    ? { kind }
    : {
        error: `The trace data source "${settings.name}" is of type ${settings.type}; MeshLens reads traces from Jaeger, Tempo or Zipkin.`,
      };
}
