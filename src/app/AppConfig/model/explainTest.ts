import { FieldType, type DataFrame } from '@grafana/data';

export interface TestOutcome {
  ok: boolean;
  message: string;
}

/** The query the Prometheus test runs: Istio request series per namespace (one instant query). */
export const PROMETHEUS_TEST_QUERY = 'count by (destination_workload_namespace) (istio_requests_total)';

/** What a Prometheus test result means for MeshLens. */
export function explainPrometheusTest(frames: readonly DataFrame[] | undefined, error: string | undefined): TestOutcome {
  if (error) {
    return { ok: false, message: `The query failed: ${error}. Check the data source's URL and access in its own settings.` };
  }
  let series = 0;
  const namespaces = new Set<string>();
  for (const frame of frames ?? []) {
    const value = frame.fields.find((f) => f.type === FieldType.number);
    const last = value?.values[value.values.length - 1];
    if (typeof last === 'number' && Number.isFinite(last)) {
      series += last;
      namespaces.add(value?.labels?.destination_workload_namespace ?? '');
    }
  }
  if (series === 0) {
    return {
      ok: false,
      message:
        'Prometheus answered, but holds no istio_requests_total series. It is reachable, yet it does not scrape the Istio sidecars (or the mesh has had no traffic).',
    };
  }
  return { ok: true, message: `Prometheus answered: ${series} Istio request series in ${namespaces.size} namespaces.` };
}

/** What a trace data source's health check means. */
export function explainTraceTest(result: { status?: string; message?: string } | undefined, error: string | undefined): TestOutcome {
  if (error) {
    return { ok: false, message: `The trace data source could not be tested: ${error}` };
  }
  if (result?.status === 'success') {
    return { ok: true, message: result.message || 'The trace data source answered.' };
  }
  return { ok: false, message: `The trace data source reported a problem: ${result?.message ?? 'no details'}` };
}
