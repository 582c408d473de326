import { escapeRegexValue } from '../promql/escape';
import { anyOfRegex, inList, noneOf, oneOf } from '../promql/matchers';
import { IstioMetric } from './metrics';

/**
 * PromQL for the mesh graph (panel preset, Graph page, detail pages): the instant queries Kiali issues per namespace
 * (graph/telemetry/istio/istio.go), with all selected namespaces in each query, so the panel builds the same graph
 * from the user's own Prometheus at a fixed query count.
 */

export type AmbientTraffic = 'none' | 'total' | 'waypoint' | 'ztunnel';
export type GrpcRate = 'none' | 'requests' | 'sent' | 'received' | 'total';
export type TcpRate = 'none' | 'sent' | 'received' | 'total';

export interface TrafficRates {
  http: 'none' | 'requests';
  grpc: GrpcRate;
  tcp: TcpRate;
  ambient: AmbientTraffic;
}

/** Kiali's defaults (config.go GraphTraffic). */
export const defaultTrafficRates: TrafficRates = { http: 'requests', grpc: 'requests', tcp: 'sent', ambient: 'total' };

export interface GraphQueryOptions {
  /**
   * The selected namespaces: one query per kind whatever their number (`="a"` for one, `=~"a|b"` for several, each
   * value escaped), never one per namespace. With one namespace the text is exactly Kiali's.
   */
  namespaces: readonly string[];
  /** Range of the rate window: `600s` as Kiali sends it, or a Grafana variable such as `$__range`. */
  range: string;
  rates: TrafficRates;
  /** Drop the `> 0` filter so edges without traffic in the window still appear. */
  includeIdleEdges: boolean;
  /** Ambient namespaces get one more inbound query for source-reported traffic. */
  isAmbientNamespace: boolean;
  /** Kiali wraps every query in `round(…,0.001)`; off for Grafana where full precision is cheaper to read. */
  round: boolean;
  /** Read an earlier window (`1h`, `1d`, `$__range` for the span just before), for comparing two time windows. */
  offset?: string;
  /**
   * Only these clusters (a Grafana cluster variable): callers' cluster for source-reported queries, the destination's
   * for destination-reported ones. Kiali's namespace queries have no such filter; empty or absent adds none.
   */
  clusters?: readonly string[];
}

export type TrafficMetricName =
  | typeof IstioMetric.requestsTotal
  | typeof IstioMetric.requestMessagesTotal
  | typeof IstioMetric.responseMessagesTotal
  | typeof IstioMetric.tcpSentBytesTotal
  | typeof IstioMetric.tcpReceivedBytesTotal;

export type QueryDirection = 'unserviced' | 'ambientInbound' | 'inbound' | 'outbound';

export interface GraphQuery {
  metric: TrafficMetricName;
  direction: QueryDirection;
  expr: string;
}

const TRAFFIC_GROUP_BY = [
  'source_cluster',
  'source_workload_namespace',
  'source_workload',
  'source_canonical_service',
  'source_canonical_revision',
  'destination_cluster',
  'destination_service_namespace',
  'destination_service',
  'destination_service_name',
  'destination_workload_namespace',
  'destination_workload',
  'destination_canonical_service',
  'destination_canonical_revision',
];
export const REQUESTS_GROUP_BY = [...TRAFFIC_GROUP_BY, 'request_protocol', 'response_code', 'grpc_response_status', 'response_flags'].join(',');
export const GRPC_MESSAGES_GROUP_BY = TRAFFIC_GROUP_BY.join(',');
export const TCP_GROUP_BY = ['app', ...TRAFFIC_GROUP_BY, 'response_flags'].join(',');

/** `reporter` matcher: waypoint-reported telemetry joins in when ambient traffic is total or waypoint. */
export function reporterMatcher(side: 'source' | 'destination', ambient: AmbientTraffic): string {
  return ambient === 'waypoint' || ambient === 'total' ? `reporter=~"waypoint|${side}"` : `reporter="${side}"`;
}

/** TCP queries exclude ztunnel's L4 telemetry unless ambient traffic is total or ztunnel. */
function ztunnelMatcher(ambient: AmbientTraffic): string {
  return ambient === 'waypoint' || ambient === 'none' ? 'app!="ztunnel",' : '';
}

function grpcMessageMetrics(rate: GrpcRate): TrafficMetricName[] {
  switch (rate) {
    case 'sent':
      return [IstioMetric.requestMessagesTotal];
    case 'received':
      return [IstioMetric.responseMessagesTotal];
    case 'total':
      return [IstioMetric.requestMessagesTotal, IstioMetric.responseMessagesTotal];
    default:
      return [];
  }
}

/** L4 telemetry is reported backwards (istio/istio#32399): "sent" reads the received-bytes metric. */
function tcpMetrics(rate: TcpRate): TrafficMetricName[] {
  switch (rate) {
    case 'sent':
      return [IstioMetric.tcpReceivedBytesTotal];
    case 'received':
      return [IstioMetric.tcpSentBytesTotal];
    case 'total':
      return [IstioMetric.tcpReceivedBytesTotal, IstioMetric.tcpSentBytesTotal];
    default:
      return [];
  }
}

/** `,source_cluster=~"…"` and `,destination_cluster=~"…"` for a cluster filter; empty strings without one. */
function clusterMatchers(clusters: readonly string[] | undefined): [source: string, destination: string] {
  return clusters && clusters.length > 0 ? [`,${inList('source_cluster', clusters)}`, `,${inList('destination_cluster', clusters)}`] : ['', ''];
}

function checkNamespaces(namespaces: readonly string[]): void {
  if (namespaces.length === 0) {
    throw new Error('The mesh graph queries need at least one namespace');
  }
}

/** `…} [600s]` or `…} [600s] offset 1h`. */
function rangeSuffix(range: string, offset: string | undefined): string {
  return `[${range}]${offset ? ` offset ${offset}` : ''}`;
}

/** The traffic queries for the namespaces, in Kiali's order: a fixed count whatever the number of namespaces. */
export function buildGraphQueries(o: GraphQueryOptions): GraphQuery[] {
  checkNamespaces(o.namespaces);
  const nsAlt = o.namespaces.length === 1 ? escapeRegexValue(o.namespaces[0]) : `(${anyOfRegex(o.namespaces)})`;
  const inNs = (label: string) => oneOf(label, o.namespaces);
  const notInNs = (label: string) => noneOf(label, o.namespaces);
  const idle = o.includeIdleEdges ? '' : '> 0';
  const wrap = (inner: string) => (o.round ? `round(${inner},0.001)` : inner);
  const make = (metric: TrafficMetricName, direction: QueryDirection, selector: string, groupBy: string): GraphQuery => ({
    metric,
    direction,
    expr: wrap(`sum(rate(${metric}{${selector}} ${rangeSuffix(o.range, o.offset)})) by (${groupBy}) ${idle}`),
  });
  const unserviced = `${notInNs('source_workload_namespace')},destination_workload_namespace="unknown",destination_workload="unknown",destination_service=~"^.+\\\\.${nsAlt}\\\\..+$"`;
  const [srcCluster, dstCluster] = clusterMatchers(o.clusters);
  const src = reporterMatcher('source', o.rates.ambient);
  const dst = reporterMatcher('destination', o.rates.ambient);
  const queries: GraphQuery[] = [];

  const l7 = (metric: TrafficMetricName, groupBy: string) => {
    queries.push(make(metric, 'unserviced', `${src},${unserviced}${srcCluster}`, groupBy));
    if (o.isAmbientNamespace) {
      queries.push(
        make(metric, 'ambientInbound', `reporter="source",${notInNs('source_workload_namespace')},${inNs('destination_workload_namespace')}${dstCluster}`, groupBy)
      );
    }
    queries.push(make(metric, 'inbound', `${dst},${inNs('destination_workload_namespace')}${dstCluster}`, groupBy));
    queries.push(make(metric, 'outbound', `${src},${inNs('source_workload_namespace')}${srcCluster}`, groupBy));
  };
  if (o.rates.http === 'requests' || o.rates.grpc === 'requests') {
    l7(IstioMetric.requestsTotal, REQUESTS_GROUP_BY);
  }
  grpcMessageMetrics(o.rates.grpc).forEach((metric) => l7(metric, GRPC_MESSAGES_GROUP_BY));

  const app = ztunnelMatcher(o.rates.ambient);
  for (const metric of tcpMetrics(o.rates.tcp)) {
    queries.push(make(metric, 'unserviced', `${app}${src},${unserviced}${srcCluster}`, TCP_GROUP_BY));
    queries.push(make(metric, 'inbound', `${app}${dst},${inNs('destination_workload_namespace')}${dstCluster}`, TCP_GROUP_BY));
    queries.push(make(metric, 'outbound', `${app}${src},${inNs('source_workload_namespace')}${srcCluster}`, TCP_GROUP_BY));
  }
  return queries;
}

export type ResponseTimeStat = 'none' | 'avg' | '50' | '95' | '99';

export interface EnrichmentQueryOptions extends GraphQueryOptions {
  responseTime: ResponseTimeStat;
  throughput: 'none' | 'request' | 'response';
  security: boolean;
}

export interface EnrichmentQuery {
  kind: 'responseTime' | 'throughput' | 'security';
  direction: 'inbound' | 'outbound';
  expr: string;
}

const RESPONSE_TIME_GROUP_BY = `${TRAFFIC_GROUP_BY.join(',')},request_protocol`;
const SECURITY_GROUP_BY =
  'source_cluster,source_workload_namespace,source_workload,source_canonical_service,source_canonical_revision,source_principal,destination_cluster,destination_service_namespace,destination_service_name,destination_workload_namespace,destination_workload,destination_canonical_service,destination_canonical_revision,destination_principal,connection_security_policy';

/**
 * A histogram's bucket counts gained over the range, read from two instants (now and one range earlier) instead of
 * every sample in the range: `rate(bucket[1h])` loads 240 samples per series at a 15 s scrape, this loads 2, so
 * the p95 over a long range stays far below Prometheus's 50 M samples limit (`query.max-samples`) on big meshes.
 * Series younger than the range count from 0 (`or`); a counter reset in the range counts as no gain (clamp_min).
 * Three or four samples per series instead of range/scrape.
 */
export function bucketIncrease(bucketSelector: string, range: string): string {
  // Series younger than the range count from 0, once they have two samples (as rate() needs: the traffic queries'
  // edges), so no response time arrives for an edge the traffic queries do not have yet.
  const young = `(${bucketSelector} and (${bucketSelector} offset $__interval))`;
  return `(clamp_min(${bucketSelector} - (${bucketSelector} offset ${range}), 0) or ${young})`;
}

/**
 * Edge enrichment as Kiali's appenders query it: response time (average or a histogram quantile),
 * request or response throughput, and mTLS with principals. Inbound (destination-reported) first:
 * the model keeps the first response time it sees for an edge. The outbound (source-reported) side only
 * reads edges leaving the namespaces: the inbound side already has the others, so no series is read twice.
 */
export function buildEnrichmentQueries(o: EnrichmentQueryOptions): EnrichmentQuery[] {
  checkNamespaces(o.namespaces);
  const [srcCluster, dstCluster] = clusterMatchers(o.clusters);
  const dstNs = oneOf('destination_service_namespace', o.namespaces);
  const sides = [
    { direction: 'inbound' as const, selector: `${reporterMatcher('destination', o.rates.ambient)},${dstNs}${dstCluster}` },
    {
      direction: 'outbound' as const,
      selector: `${reporterMatcher('source', o.rates.ambient)},${oneOf('source_workload_namespace', o.namespaces)},${noneOf('destination_service_namespace', o.namespaces)}${srcCluster}`,
    },
  ];
  const wrap = (inner: string) => (o.round ? `round(${inner},0.001)` : inner);
  const range = o.offset ? `${o.range}] offset ${o.offset}` : `${o.range}]`;
  const queries: EnrichmentQuery[] = [];
  const metric = IstioMetric.requestDuration;
  for (const { direction, selector } of sides) {
    if (o.responseTime === 'avg') {
      const rate = (suffix: string) => `sum(rate(${metric}_${suffix}{${selector}}[${range})) by (${RESPONSE_TIME_GROUP_BY})`;
      queries.push({ kind: 'responseTime', direction, expr: wrap(`${rate('sum')} / ${rate('count')} > 0`) });
    } else if (o.responseTime !== 'none') {
      const q = (Number(o.responseTime) / 100).toFixed(2);
      const bucket = `${metric}_bucket{${selector}}${o.offset ? ` offset ${o.offset}` : ''}`;
      if (o.offset) {
        // Two offsets cannot be added in PromQL text; the earlier window reads the rate as Kiali does.
        queries.push({
          kind: 'responseTime',
          direction,
          expr: wrap(`histogram_quantile(${q}, sum(rate(${metric}_bucket{${selector}}[${range})) by (le,${RESPONSE_TIME_GROUP_BY})) > 0`),
        });
      } else {
        queries.push({
          kind: 'responseTime',
          direction,
          expr: wrap(`histogram_quantile(${q}, sum(${bucketIncrease(bucket, o.range)}) by (le,${RESPONSE_TIME_GROUP_BY})) > 0`),
        });
      }
    }
    if (o.throughput !== 'none') {
      const bytes = o.throughput === 'request' ? IstioMetric.requestBytes : IstioMetric.responseBytes;
      queries.push({ kind: 'throughput', direction, expr: wrap(`sum(rate(${bytes}_sum{${selector}}[${range})) by (${TRAFFIC_GROUP_BY.join(',')}) > 0`) });
    }
  }
  if (o.security) {
    // connection_security_policy is only known to the destination proxy: both directions read its reports.
    const dst = reporterMatcher('destination', o.rates.ambient);
    queries.push(
      { kind: 'security', direction: 'inbound', expr: wrap(`sum(rate(${IstioMetric.requestsTotal}{${dst},${dstNs}${dstCluster}}[${range})) by (${SECURITY_GROUP_BY}) > 0`) },
      {
        kind: 'security',
        direction: 'outbound',
        expr: wrap(
          `sum(rate(${IstioMetric.requestsTotal}{${dst},${oneOf('source_workload_namespace', o.namespaces)},${noneOf('destination_service_namespace', o.namespaces)}${srcCluster}}[${range})) by (${SECURITY_GROUP_BY}) > 0`
        ),
      }
    );
  }
  return queries;
}

/** A Prometheus query target as a panel or scene stores it. */
export interface PresetTarget {
  refId: string;
  expr: string;
  instant: true;
  range: false;
  format: 'table';
}

/** What the mesh graph shows, as typed options: the one input of its queries (panel preset, Graph page, detail pages). */
export interface MeshQueryOptions {
  namespaces: readonly string[];
  /** Empty: every cluster. */
  clusters?: readonly string[];
  rates?: TrafficRates;
  /** `''`: no comparison; a Prometheus duration (`1h`); or `$__range`: the same span just before the picked range. */
  compareOffset?: string;
  includeIdleEdges?: boolean;
  /** Deployments without traffic (kube-state-metrics) as idle nodes. */
  idleNodes?: boolean;
}

/** The offset value meaning "the span just before the picked range" (Grafana replaces it with the range). */
export const PREVIOUS_RANGE = '$__range';

/**
 * The mesh graph's Istio queries: Kiali's traffic queries plus p95 response time, response throughput and
 * security, over the picked range (`$__range`, Kiali's duration), all namespaces in each query. The count is
 * fixed (12 with Kiali's default rates, + 1 for idle nodes, + 6 for the earlier window of a comparison) whatever
 * the number of namespaces. The refId names the metric, which is how the panel recognises each frame.
 */
export function istioPresetTargets(o: MeshQueryOptions): PresetTarget[] {
  const { namespaces, clusters = [], rates = defaultTrafficRates, compareOffset = '', includeIdleEdges = false, idleNodes = false } = o;
  const targets: PresetTarget[] = [];
  if (namespaces.length === 0) {
    return targets;
  }
  if (idleNodes) {
    targets.push({ refId: `${IDLE_DEPLOYMENTS_METRIC} idle`, expr: idleDeploymentsQuery(namespaces), instant: true, range: false, format: 'table' });
  }
  const base = { namespaces, range: '$__range', rates, includeIdleEdges, isAmbientNamespace: false, round: false, clusters };
  const add = (prefix: string, q: { expr: string }, name: string, i: number) =>
    targets.push({ refId: `${prefix}${name} ${i}`, expr: q.expr, instant: true, range: false, format: 'table' });
  buildGraphQueries(base).forEach((q, i) => add('', q, `${q.metric} ${q.direction}`, i));
  buildEnrichmentQueries({ ...base, responseTime: '95', throughput: 'response', security: true }).forEach((q, i) => add('', q, `${q.kind} ${q.direction}`, i));
  if (compareOffset) {
    // The earlier window: traffic only (what the comparison reads). The panel tells its frames by the word "previous".
    buildGraphQueries({ ...base, offset: compareOffset }).forEach((q, i) => add('previous ', q, `${q.metric} ${q.direction}`, i));
  }
  return targets;
}

/** kube-state-metrics' deployment labels: where idle nodes come from (Kiali reads the Kubernetes API instead). */
export const IDLE_DEPLOYMENTS_METRIC = 'kube_deployment_labels';
/** Labels the mesh graph reads from it; `cluster` only exists where kube-state-metrics runs per cluster with that label. */
export const IDLE_DEPLOYMENTS_BY = 'cluster,namespace,deployment,label_app,label_version';

/**
 * Deployments in the namespaces, one series each; `max by` folds the copies several kube-state-metrics replicas
 * export. No range: a deployment exists now or not. No cluster filter: kube-state-metrics often carries no
 * `cluster` label, and a filter on it would then drop every deployment.
 */
export function idleDeploymentsQuery(namespaces: readonly string[]): string {
  return `max by (${IDLE_DEPLOYMENTS_BY}) (${IDLE_DEPLOYMENTS_METRIC}{${inList('namespace', namespaces)}})`;
}
