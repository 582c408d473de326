/**
 * PromQL for the app pages. Each builder returns one grouped query (never one per namespace), so a
 * page of 500 namespaces costs the same handful of queries as a page of 5. The mesh graph itself (graph page and
 * detail pages) uses graphQueries.ts, the panel's queries.
 *
 * Every kind of traffic: the server side of a request is reported by the destination sidecar or, in an ambient mesh,
 * by the waypoint (`reporter="waypoint"`); TCP bytes come from sidecars and ztunnel (ambient L4).
 */
import { eq, inList, re, selector as promSelector, type Matcher } from '../promql/matchers';
import { IstioLabel, IstioMetric } from './metrics';

/** The server side of a request: the destination's sidecar, or the waypoint in front of it (ambient). */
export const SERVER_REPORTER: Matcher = re(IstioLabel.reporter, 'destination|waypoint');
/** The client side: the caller's sidecar, or the waypoint it goes through (ambient). */
export const CLIENT_REPORTER: Matcher = re(IstioLabel.reporter, 'source|waypoint');

export interface NamespaceScope {
  /** Restrict to these namespaces (matched literally); empty or absent means all. */
  namespaces?: readonly string[];
  /** Range selector window, a Grafana macro by default. */
  window?: string;
}

const NS = IstioLabel.destinationWorkloadNamespace;

/** `{m1,m2}` without a metric name (appended to one): the app pages' compact form. */
function selector(matchers: ReadonlyArray<Matcher | undefined>): string {
  return promSelector('', matchers, ',');
}

function nsMatcher(label: string, namespaces: readonly string[] | undefined): string | undefined {
  return namespaces && namespaces.length > 0 ? inList(label, namespaces) : undefined;
}

function inbound(scope: NamespaceScope, extra: string[] = []): string {
  return selector([SERVER_REPORTER, nsMatcher(NS, scope.namespaces), ...extra]);
}

/**
 * Kiali's health reads a gRPC call's status from `grpc_response_status` (an UNAVAILABLE answered with HTTP 200 is an
 * error), so every query the health is computed from keeps the protocol and that status.
 */
const GRPC_STATUS = [IstioLabel.requestProtocol, IstioLabel.grpcResponseStatus];

/** Requests per second into each namespace's workloads, as reported by the receiving proxies. */
export function namespaceRequestRate(scope: NamespaceScope = {}): string {
  const w = scope.window ?? '$__range';
  return `sum by (${NS}) (rate(${IstioMetric.requestsTotal}${inbound(scope)}[${w}]))`;
}

/**
 * Requests per second into each namespace's workloads by response code and connection security policy: one
 * scan of the request counters serves the request rate, the 5xx share and the mTLS share (the
 * client sums the series per namespace), where three filtered queries scanned them three times, and the
 * health per workload (Kiali grades each workload; a namespace is its worst, not its sum).
 * Result labels: destination_workload_namespace, destination_workload, response_code, connection_security_policy,
 * request_protocol, grpc_response_status.
 */
export function namespaceTraffic(scope: NamespaceScope = {}): string {
  const w = scope.window ?? '$__range';
  const by = [NS, IstioLabel.destinationWorkload, IstioLabel.responseCode, IstioLabel.connectionSecurityPolicy, ...GRPC_STATUS].join(', ');
  return `sum by (${by}) (rate(${IstioMetric.requestsTotal}${inbound(scope)}[${w}]))`;
}

/** A latency quantile (milliseconds) of the requests into each namespace. */
export function namespaceLatencyQuantile(quantile: number, scope: NamespaceScope = {}): string {
  if (!(quantile > 0 && quantile < 1)) {
    throw new Error(`quantile must be between 0 and 1 (exclusive), got ${quantile}`);
  }
  const w = scope.window ?? '$__range';
  return `histogram_quantile(${quantile}, sum by (${NS}, le) (rate(${IstioMetric.requestDuration}_bucket${inbound(scope)}[${w}])))`;
}

/**
 * The (namespace, workload) pairs one reporter side mentions, renamed to the common `namespace` /
 * `workload` labels. Grouped BEFORE the renaming: label_replace then runs on a few thousand pairs,
 * not on every request series (that cost seconds at 500 namespaces).
 */
function asWorkload(reporter: 'source' | 'destination', nsLabel: string, wlLabel: string, scope: NamespaceScope): string {
  // Requests or TCP bytes: an ambient mesh without waypoints reports only ztunnel's L4 bytes.
  const metrics = re('__name__', `${IstioMetric.requestsTotal}|${IstioMetric.tcpReceivedBytesTotal}`);
  const series = selector([metrics, reporter === 'source' ? CLIENT_REPORTER : SERVER_REPORTER, nsMatcher(nsLabel, scope.namespaces)]);
  const pairs = `group by (${nsLabel}, ${wlLabel}) (${series})`;
  return `label_replace(label_replace(${pairs}, "namespace", "$1", "${nsLabel}", "(.+)"), "workload", "$1", "${wlLabel}", "(.+)")`;
}

/**
 * Workloads seen in each namespace, as senders or receivers: a namespace that only sends (a load
 * generator, a gateway) still has workloads. Result label: `namespace`.
 */
export function namespaceWorkloadCount(scope: NamespaceScope = {}): string {
  const src = asWorkload('source', IstioLabel.sourceWorkloadNamespace, IstioLabel.sourceWorkload, scope);
  const dst = asWorkload('destination', NS, IstioLabel.destinationWorkload, scope);
  return `count by (namespace) (group by (namespace, workload) (${src} or ${dst}))`;
}

/** Services receiving traffic in each namespace. Result label: `destination_service_namespace`. */
export function namespaceServiceCount(scope: NamespaceScope = {}): string {
  const ns = IstioLabel.destinationServiceNamespace;
  const sel = selector([SERVER_REPORTER, nsMatcher(ns, scope.namespaces)]);
  return `count by (${ns}) (group by (${ns}, ${IstioLabel.destinationServiceName}) (${IstioMetric.requestsTotal}${sel}))`;
}

/** The namespace label each overview query groups by, keyed by the query's role. */
export const OVERVIEW_NAMESPACE_LABEL = {
  traffic: NS,
  p95: NS,
  workloads: 'namespace',
  services: IstioLabel.destinationServiceNamespace,
  trend: NS,
} as const;

export type OverviewQueryRole = keyof typeof OVERVIEW_NAMESPACE_LABEL;

/** A service (by namespace and name) or a workload (by namespace and name), as the detail pages target them. */
export interface DetailTarget {
  kind: 'service' | 'workload';
  namespace: string;
  name: string;
}

/** Matchers selecting requests INTO the target, as its receiving proxies report them. */
function inboundMatchers(t: DetailTarget): string[] {
  return t.kind === 'service'
    ? [eq(IstioLabel.destinationServiceNamespace, t.namespace), eq(IstioLabel.destinationServiceName, t.name)]
    : [eq(IstioLabel.destinationWorkloadNamespace, t.namespace), eq(IstioLabel.destinationWorkload, t.name)];
}

/** Matchers selecting requests OUT of the target, as its own proxies report them. */
function outboundMatchers(t: DetailTarget): string[] {
  return t.kind === 'service'
    ? [eq(IstioLabel.sourceWorkloadNamespace, t.namespace), eq(IstioLabel.sourceCanonicalService, t.name)]
    : [eq(IstioLabel.sourceWorkloadNamespace, t.namespace), eq(IstioLabel.sourceWorkload, t.name)];
}

function inboundSelector(t: DetailTarget, extra: string[] = []): string {
  return selector([SERVER_REPORTER, ...inboundMatchers(t), ...extra]);
}

/** Inbound request rate (RED: rate) of the target; `window` defaults to the picked range. */
export function detailRequestRate(t: DetailTarget, window = '$__range'): string {
  return `sum(rate(${IstioMetric.requestsTotal}${inboundSelector(t)}[${window}]))`;
}

/** Inbound 5xx rate (RED: errors). */
export function detailErrorRate(t: DetailTarget, window = '$__range'): string {
  return `sum(rate(${IstioMetric.requestsTotal}${inboundSelector(t, [`${IstioLabel.responseCode}=~"5.."`])}[${window}]))`;
}

/** Inbound latency quantile in ms (RED: duration). */
export function detailLatencyQuantile(t: DetailTarget, quantile: number, window = '$__range'): string {
  return `histogram_quantile(${quantile}, sum by (le) (rate(${IstioMetric.requestDuration}_bucket${inboundSelector(t)}[${window}])))`;
}

/** Inbound rate by calling workload and response code. */
export function detailInboundByPeer(t: DetailTarget, window = '$__range'): string {
  const by = [IstioLabel.sourceWorkloadNamespace, IstioLabel.sourceWorkload, IstioLabel.responseCode, ...GRPC_STATUS].join(', ');
  return `sum by (${by}) (rate(${IstioMetric.requestsTotal}${inboundSelector(t)}[${window}]))`;
}

/** Outbound rate by called service and response code, as the target's own proxies report it. */
export function detailOutboundByPeer(t: DetailTarget, window = '$__range'): string {
  const by = [IstioLabel.destinationServiceNamespace, IstioLabel.destinationServiceName, IstioLabel.responseCode, ...GRPC_STATUS].join(', ');
  const sel = selector([CLIENT_REPORTER, ...outboundMatchers(t)]);
  return `sum by (${by}) (rate(${IstioMetric.requestsTotal}${sel}[${window}]))`;
}

/** The target's fully qualified service name(s) and cluster, which the bundled dashboards' variables take. */
export function detailIdentity(t: DetailTarget): string {
  return `group by (${IstioLabel.destinationService}, ${IstioLabel.destinationCluster}) (${IstioMetric.requestsTotal}${inboundSelector(t)})`;
}

/**
 * TCP bytes per second, both ways, on connections into the target (reported by its sidecar or ztunnel) or out of it
 * (reported by its own proxy): an ambient workload without a waypoint has only these.
 */
export function detailTcpRate(t: DetailTarget, direction: 'in' | 'out', window = '$__range'): string {
  const sel =
    direction === 'in' ? selector([eq(IstioLabel.reporter, 'destination'), ...inboundMatchers(t)]) : selector([eq(IstioLabel.reporter, 'source'), ...outboundMatchers(t)]);
  // Two rates added (one rate over both names would give two series with the same labels, which Prometheus refuses);
  // each side 0 when absent, so one direction of bytes alone still counts.
  const side = (metric: string) => `(sum(rate(${metric}${sel}[${window}])) or vector(0))`;
  return `${side(IstioMetric.tcpSentBytesTotal)} + ${side(IstioMetric.tcpReceivedBytesTotal)}`;
}
