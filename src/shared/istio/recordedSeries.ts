/**
 * The recording rules MeshLens ships (deploy/prometheus/rules/istio-recording-rules.yml is generated from this file
 * by `npm run dashboards`) and how a query picks a recorded series instead of the raw one. Pure data and functions:
 * the dashboards generator uses them now; the app's query builders can adopt `recordedFor` the same way.
 *
 * Istio's production guidance ("Using Prometheus for production-scale monitoring") records
 * `sum without (instance, pod) (istio_requests_total)`: a sum of counters, which drops by a whole pod's count whenever
 * a pod goes away and makes the next `rate()` of the sum read that drop as a counter reset (a spike). These rules
 * take the rate first and sum second (`sum by (...) (rate(x[1m]))`), keep only the labels the dashboards group and
 * filter by, and also cover the TCP byte and connection counters.
 */

/** Rate window of every recorded rate: four 15 s scrapes (the demo stack's and Istio's usual interval). */
export const RECORDED_WINDOW = '1m';

/** Labels that identify the two workloads of a hop and the service between them. */
const HOP = [
  'reporter',
  'source_workload',
  'source_workload_namespace',
  'source_cluster',
  'destination_workload',
  'destination_workload_namespace',
  'destination_cluster',
  'destination_service',
  'destination_service_namespace',
  // mTLS: the server side sets connection_security_policy; the client side only knows the peer's principal.
  'connection_security_policy',
  'destination_principal',
] as const;

/** Namespace-level labels: enough for the mesh-wide figures filtered by cluster and namespace, either side. */
const NAMESPACE = [
  'reporter',
  'source_workload_namespace',
  'source_cluster',
  'destination_workload_namespace',
  'destination_cluster',
  'destination_service_namespace',
] as const;

export type RecordedLevel = 'workload' | 'namespace';

/** One recorded family: `<level>:<raw name without _total>:rate1m`, grouped by `labels`. */
export interface RecordedSeries {
  /** Recorded metric name, e.g. `workload:istio_requests:rate1m`. */
  record: string;
  /** The raw counter (or histogram series) whose per-second rate is recorded. */
  raw: string;
  level: RecordedLevel;
  /** The only labels the recorded series carries (`le` included for buckets). */
  labels: readonly string[];
}

function family(level: RecordedLevel, raw: string, labels: readonly string[]): RecordedSeries {
  const base = raw.replace(/_total$/, '');
  return { record: `${level}:${base}:rate${RECORDED_WINDOW}`, raw, level, labels };
}

const withCode = (labels: readonly string[]) => [...labels, 'response_code'];
const withLe = (labels: readonly string[]) => [...labels, 'le'];

/** Every recorded family, finest level first within a raw metric (queries pick the coarsest that fits). */
export const RECORDED_SERIES: readonly RecordedSeries[] = [
  family('namespace', 'istio_requests_total', withCode(NAMESPACE)),
  family('workload', 'istio_requests_total', withCode(HOP)),
  family('namespace', 'istio_request_duration_milliseconds_bucket', withLe(NAMESPACE)),
  family('workload', 'istio_request_duration_milliseconds_bucket', withLe(HOP)),
  family('workload', 'istio_request_bytes_bucket', withLe(HOP)),
  family('workload', 'istio_response_bytes_bucket', withLe(HOP)),
  family('workload', 'istio_request_bytes_sum', HOP),
  family('workload', 'istio_response_bytes_sum', HOP),
  family('namespace', 'istio_tcp_sent_bytes_total', NAMESPACE),
  family('workload', 'istio_tcp_sent_bytes_total', HOP),
  family('namespace', 'istio_tcp_received_bytes_total', NAMESPACE),
  family('workload', 'istio_tcp_received_bytes_total', HOP),
  family('workload', 'istio_tcp_connections_opened_total', HOP),
  family('workload', 'istio_tcp_connections_closed_total', HOP),
];

/** The series a dashboard probes to know whether the rules run (the mesh-wide request rate). */
export const RECORDED_PROBE = 'namespace:istio_requests:rate1m';

/** Label name a PromQL matcher text such as `reporter=~"source|waypoint"` filters on. */
export function matcherLabel(matcher: string): string {
  const m = /^\s*([A-Za-z_][A-Za-z0-9_]*)\s*(=~|!~|!=|=)/.exec(matcher);
  if (!m) {
    throw new Error(`matcherLabel: not a label matcher: ${JSON.stringify(matcher)}`);
  }
  return m[1];
}

/**
 * The coarsest recorded family of `raw` that keeps every label the query filters on or groups by, or undefined when
 * only the raw series has them (then the query must read the raw series).
 */
export function recordedFor(
  raw: string,
  matchers: readonly string[],
  by: readonly string[]
): RecordedSeries | undefined {
  const needed = [...matchers.map(matcherLabel), ...by];
  return RECORDED_SERIES.find((s) => s.raw === raw && needed.every((l) => s.labels.includes(l)));
}

/**
 * The recording rules as plain objects (YAML-ready): one group, evaluated at Prometheus' global evaluation_interval.
 * Workload-level rules read the raw counters; namespace-level rules sum the workload-level results (rules in a group
 * run in order), so the raw series are read once per evaluation. `window` other than 1m is for tests that cannot
 * wait minutes for full windows (the names keep `rate1m`).
 */
export function recordingRuleGroups(
  window = RECORDED_WINDOW
): Array<{ name: string; rules: Array<{ record: string; expr: string }> }> {
  const workload = RECORDED_SERIES.filter((s) => s.level === 'workload');
  const namespace = RECORDED_SERIES.filter((s) => s.level === 'namespace');
  const rules = [
    ...workload.map((s) => ({
      record: s.record,
      expr: `sum by (${s.labels.join(', ')}) (rate(${s.raw}[${window}]))`,
    })),
    ...namespace.map((s) => {
      const source = workload.find((w) => w.raw === s.raw);
      if (!source || !s.labels.every((l) => source.labels.includes(l))) {
        throw new Error(`recordingRuleGroups: ${s.record} has no workload-level family to sum`);
      }
      return { record: s.record, expr: `sum by (${s.labels.join(', ')}) (${source.record})` };
    }),
  ];
  return [{ name: 'meshlens-istio', rules }];
}
