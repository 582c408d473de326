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
import { re } from '../promql/matchers';
import { INFRA_FAMILIES, type InfraFamily, type RecordedOp } from './recordedInfra';

export type { RecordedOp };

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
  // The app pages: a service page filters by the short service name and lists callers by canonical service.
  'destination_service_name',
  'source_canonical_service',
  'request_protocol',
  // The mesh graph (graphQueries.ts, Kiali's label sets): versions, the destination's canonical service, Envoy's
  // response flags and the caller's principal (security). One value per workload (or per response), so the family
  // keeps no more series than before on the simulator's meshes; still no pod label.
  'source_canonical_revision',
  'destination_canonical_service',
  'destination_canonical_revision',
  'response_flags',
  'source_principal',
] as const;

/** TCP hops: the mesh graph's TCP queries also group by `app` (ztunnel's L4 series are told apart by `app="ztunnel"`). */
const TCP_HOP = [...HOP, 'app'] as const;

/** Namespace-level labels: enough for the mesh-wide figures filtered by cluster and namespace, either side. */
const NAMESPACE = [
  'reporter',
  'source_workload_namespace',
  'source_cluster',
  'destination_workload_namespace',
  'destination_cluster',
  'destination_service_namespace',
] as const;

/**
 * Destination-namespace labels: what a page about namespaces as servers reads (the app overview's rows, p95 and
 * trend), without the source side that multiplies the namespace level by every calling namespace. mTLS policy and
 * protocol are server-side facts of the destination, kept so the overview's rows fit.
 */
const DESTINATION = [
  'reporter',
  'destination_workload_namespace',
  'destination_cluster',
  'destination_service_namespace',
  'connection_security_policy',
  'request_protocol',
] as const;

/**
 * The overview's exact needs: the server side's namespace, nothing else (its p95 and trend group by it alone), so a
 * namespace reads one series per reporter (and bucket) where the destination level keeps one per cluster, service
 * namespace, mTLS policy and protocol.
 */
const DESTINATION_NAMESPACE = ['reporter', 'destination_workload_namespace'] as const;

/** `workload` families read the raw series; the Istio levels above it sum it; infrastructure families (recordedInfra.ts) read their raw series. */
export type RecordedLevel = 'workload' | 'namespace' | 'destination' | 'destination_namespace' | (string & {});

/** One recorded family: `<level>:<raw name without _total>:rate1m` (or `:sum`, `:count` of a gauge), grouped by `labels`. */
export interface RecordedSeries {
  /** Recorded metric name, e.g. `workload:istio_requests:rate1m`. */
  record: string;
  /** The raw counter (or histogram series, or gauge) that is recorded. */
  raw: string;
  level: RecordedLevel;
  /** The only labels the recorded series carries (`le` included for buckets). */
  labels: readonly string[];
  /** A per-second rate summed (counters), or a gauge summed or counted. */
  op: RecordedOp;
  /** Matchers the rule applies: a query reads the family only if it has every one of them. */
  filter: readonly string[];
  /** Whether the rule reads the raw series (else it sums the workload-level family of the same raw metric). */
  fromRaw: boolean;
}

function family(level: RecordedLevel, raw: string, labels: readonly string[]): RecordedSeries {
  const base = raw.replace(/_total$/, '');
  return {
    record: `${level}:${base}:rate${RECORDED_WINDOW}`,
    raw,
    level,
    labels,
    op: 'rate',
    filter: [],
    fromRaw: level === 'workload',
  };
}

function infra(f: InfraFamily): RecordedSeries {
  const base = f.op === 'rate' ? f.raw.replace(/_total$/, '') : f.raw;
  const op = f.op === 'rate' ? `rate${RECORDED_WINDOW}` : f.op;
  return {
    record: `${f.level}:${base}:${op}`,
    raw: f.raw,
    level: f.level,
    labels: f.labels,
    op: f.op,
    filter: f.filter ?? [],
    fromRaw: true,
  };
}

// Kiali's health reads a gRPC call's status (an UNAVAILABLE answered with HTTP 200 is an error).
const withCode = (labels: readonly string[]) => [...labels, 'response_code', 'grpc_response_status'];
const withLe = (labels: readonly string[]) => [...labels, 'le'];

/** Every recorded family, coarsest level first within a raw metric (a query reads the first, coarsest, that fits). */
export const RECORDED_SERIES: readonly RecordedSeries[] = [
  family('destination_namespace', 'istio_requests_total', DESTINATION_NAMESPACE),
  family('destination', 'istio_requests_total', withCode(DESTINATION)),
  family('namespace', 'istio_requests_total', withCode(NAMESPACE)),
  family('workload', 'istio_requests_total', withCode(HOP)),
  family('destination_namespace', 'istio_request_duration_milliseconds_bucket', withLe(DESTINATION_NAMESPACE)),
  family('destination', 'istio_request_duration_milliseconds_bucket', withLe(DESTINATION)),
  family('namespace', 'istio_request_duration_milliseconds_bucket', withLe(NAMESPACE)),
  family('workload', 'istio_request_duration_milliseconds_bucket', withLe(HOP)),
  family('workload', 'istio_request_bytes_bucket', withLe(HOP)),
  family('workload', 'istio_response_bytes_bucket', withLe(HOP)),
  family('workload', 'istio_request_bytes_sum', HOP),
  family('workload', 'istio_response_bytes_sum', HOP),
  family('namespace', 'istio_tcp_sent_bytes_total', NAMESPACE),
  family('workload', 'istio_tcp_sent_bytes_total', TCP_HOP),
  family('namespace', 'istio_tcp_received_bytes_total', NAMESPACE),
  family('workload', 'istio_tcp_received_bytes_total', TCP_HOP),
  family('workload', 'istio_tcp_connections_opened_total', HOP),
  family('workload', 'istio_tcp_connections_closed_total', HOP),
  ...INFRA_FAMILIES.map(infra),
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

const compact = (matcher: string) => matcher.replace(/\s+/g, '');

/**
 * The coarsest recorded family of `raw` made by `op` that keeps every label the query filters on or groups by (and
 * whose rule filter the query applies too), or undefined when only the raw series has them (then the query must read
 * the raw series).
 */
export function recordedFor(
  raw: string,
  matchers: readonly string[],
  by: readonly string[],
  op: RecordedOp = 'rate'
): RecordedSeries | undefined {
  const needed = [...matchers.map(matcherLabel), ...by];
  const applied = new Set(matchers.map(compact));
  return RECORDED_SERIES.find(
    (s) =>
      s.raw === raw &&
      s.op === op &&
      s.filter.every((f) => applied.has(compact(f))) &&
      needed.every((l) => s.labels.includes(l))
  );
}

/** The rule expression of a family read from the raw series: `sum by (labels) (rate(raw{filter}[window]))`, or of the gauge. */
export function rawRuleExpr(s: RecordedSeries, window = RECORDED_WINDOW): string {
  const sel = s.filter.length > 0 ? `${s.raw}{${s.filter.join(', ')}}` : s.raw;
  const inner = s.op === 'rate' ? `rate(${sel}[${window}])` : sel;
  return `${s.op === 'count' ? 'count' : 'sum'} by (${s.labels.join(', ')}) (${inner})`;
}

/**
 * The recording rules as plain objects (YAML-ready): one group, evaluated at Prometheus' global evaluation_interval.
 * Workload-level and infrastructure rules read the raw series; the coarser Istio levels sum the workload-level results
 * (rules in a group run in order), so the raw request series are read once per evaluation. `window` other than 1m is for tests that cannot
 * wait minutes for full windows (the names keep `rate1m`).
 */
export function recordingRuleGroups(
  window = RECORDED_WINDOW
): Array<{ name: string; rules: Array<{ record: string; expr: string }> }> {
  const workload = RECORDED_SERIES.filter((s) => s.level === 'workload');
  const namespace = RECORDED_SERIES.filter((s) => !s.fromRaw);
  const rules = [
    ...RECORDED_SERIES.filter((s) => s.fromRaw).map((s) => ({ record: s.record, expr: rawRuleExpr(s, window) })),
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

/** The label the raw side of a `(recorded) or (raw)` query carries: no series has it (see rawSwitch). */
export const RAW_SWITCH_LABEL = 'meshlens_raw';

/**
 * The raw side's switch matcher: `.*` reads the raw series (an absent label matches `.*`), `off` reads none of them
 * (PromQL evaluates both sides of `or`, so the side not in use must select nothing). `$raw` in the dashboards.
 */
export function rawSwitch(value: string): string {
  return re(RAW_SWITCH_LABEL, value);
}

/** The switch value while the recording rules run (`off`) and while they do not (`.*`), from RAW_SWITCH_PROBE. */
export const RAW_SWITCH_VALUES = { recorded: 'off', raw: '.*' } as const;

/**
 * One instant query that answers which switch value to use: a series `{raw="off"}` when the recorded mesh-wide
 * request rate exists at the query's time, `{raw=".*"}` otherwise (the dashboards' `raw` variable runs it).
 */
export const RAW_SWITCH_PROBE =
  `label_replace(label_replace(count(${RECORDED_PROBE}), "raw", "${RAW_SWITCH_VALUES.recorded}", "", ""), "series", "recorded", "", "")` +
  ` or on() label_replace(label_replace(vector(1), "raw", "${RAW_SWITCH_VALUES.raw}", "", ""), "series", "raw", "", "")`;

/**
 * `sum by (by) (rate(raw{matchers}[window]))` that reads the recorded family when the rules run: the app pages'
 * form of the dashboards' `(recorded) or (raw)` (dashboards-src/lib/recorded.ts). Instant queries over a window
 * (`$__range`): the recorded side averages the recorded 1m rates over the window, which is the raw rate over it
 * within a rate window at its edges. `matchers` are complete matcher texts (`label="v"`); `rawSwitchValue` is
 * RAW_SWITCH_VALUES' (or a template variable); without a fitting recorded family the raw query is returned as is.
 */
export function recordedOrRawSumRate(
  raw: string,
  matchers: readonly string[],
  by: readonly string[],
  window: string,
  rawSwitchValue: string
): string {
  const sum = (inner: string) => (by.length > 0 ? `sum by (${by.join(', ')}) (${inner})` : `sum(${inner})`);
  const sel = (name: string, ms: readonly string[]) => `${name}{${ms.join(',')}}`;
  const rawQuery = (ms: readonly string[]) => sum(`rate(${sel(raw, ms)}[${window}])`);
  const rec = recordedFor(raw, matchers, by);
  if (!rec) {
    return rawQuery(matchers);
  }
  const recorded = sum(`avg_over_time(${sel(rec.record, matchers)}[${window}])`);
  return `(${recorded} or ${rawQuery([...matchers, rawSwitch(rawSwitchValue)])})`;
}

/** Splits `a="x",b=~"y, z"` at the commas outside quoted values. */
function splitMatchers(text: string): string[] {
  const out: string[] = [];
  let start = 0;
  let quoted = false;
  for (let i = 0; i < text.length; i++) {
    const c = text[i];
    if (quoted && c === '\\') {
      i++;
    } else if (c === '"') {
      quoted = !quoted;
    } else if (c === ',' && !quoted) {
      out.push(text.slice(start, i).trim());
      start = i + 1;
    }
  }
  const last = text.slice(start).trim();
  return last ? [...out, last] : out;
}

const SUM_RATE_HEAD = /sum(?: by \(([^()]*)\))? ?\(rate\(([A-Za-z_][A-Za-z0-9_]*)\{/g;

/**
 * Rewrites every `sum(rate(m{...}[w]))`, `sum by (...) (rate(m{...}[w]))` and `sum(rate(m{...} [w])) by (...)` (the
 * mesh graph's, Kiali's form) of a query to recordedOrRawSumRate
 * (the recorded family when one keeps the query's labels, the raw series otherwise): the app pages' builders
 * (appQueries.ts) stay raw-only and the pages wrap them. Other parts of the query are left as they are.
 */
export function preferRecorded(query: string, rawSwitchValue: string): string {
  let out = '';
  let from = 0;
  SUM_RATE_HEAD.lastIndex = 0;
  for (let m = SUM_RATE_HEAD.exec(query); m; m = SUM_RATE_HEAD.exec(query)) {
    // The selector's end: the first `}` outside quotes.
    let i = SUM_RATE_HEAD.lastIndex;
    let quoted = false;
    for (; i < query.length && (quoted || query[i] !== '}'); i++) {
      if (quoted && query[i] === '\\') {
        i++;
      } else if (query[i] === '"') {
        quoted = !quoted;
      }
    }
    // `}[w]))`, or `} [w]))` as the mesh graph writes it; an offset is left raw. Kiali's form puts the grouping after
    // the sum: `sum(rate(...)) by (...)`, read as `sum by (...) (rate(...))` (anything after it, `> 0`, stays outside).
    const tail = /^\} ?\[([^\]]+)\]\)\)(?: by \(([^()]*)\))?/.exec(query.slice(i));
    if (!tail || (m[1] !== undefined && tail[2] !== undefined)) {
      continue;
    }
    const grouping = m[1] ?? tail[2];
    const by = grouping ? grouping.split(',').map((l) => l.trim()) : [];
    const matchers = splitMatchers(query.slice(SUM_RATE_HEAD.lastIndex, i));
    if (!recordedFor(m[2], matchers, by)) {
      // Only the raw series has the labels: the text stays exactly as written.
      continue;
    }
    out += query.slice(from, m.index) + recordedOrRawSumRate(m[2], matchers, by, tail[1], rawSwitchValue);
    from = i + tail[0].length;
    SUM_RATE_HEAD.lastIndex = from;
  }
  return out + query.slice(from);
}

/** preferRecorded over a list of queries (`expr` rewritten, everything else kept): the pages' and the preset's form. */
export function preferRecordedAll<T extends { expr: string }>(queries: readonly T[], rawSwitchValue: string): T[] {
  return queries.map((q) => ({ ...q, expr: preferRecorded(q.expr, rawSwitchValue) }));
}
