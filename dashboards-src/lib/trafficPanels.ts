/**
 * The per-peer traffic panels shared by the Service and Workload dashboards (Istio repeats the same seven panels
 * three times). Istio draws mTLS and plaintext as two query families (up to 8 targets a panel); here one query per
 * quantile groups by `connection_security_policy`, which halves the query count and also shows `unknown`.
 */
import { type Matcher } from '../../src/shared/istio/dashboardQueries';
import { latencyQuantile, requestRate, sizeQuantile, successRatio, tcpByteRate } from './recorded';
import { timeSeries, type Query } from './panels';
import type * as cog from '@grafana/grafana-foundation-sdk/cog';
import type { DashboardLink, Panel } from '@grafana/grafana-foundation-sdk/dashboard';

export const QUANTILES = [0.5, 0.9, 0.95, 0.99] as const;

const MTLS = 'connection_security_policy';

/** `{{a}}.{{b}}` legend for a peer identified by labels. */
export function peerLegend(labels: readonly string[]): string {
  return labels.map((l) => `{{${l}}}`).join('.');
}

export function quantileQueries(expr: (q: number) => string, legend: string): Query[] {
  return QUANTILES.map((q) => ({ expr: expr(q), legend: `${legend} P${Math.round(q * 100)}` }));
}

export interface PeerPanelsSpec {
  /** Who the panels are about, used in titles: "source", "destination workload", ... */
  peer: string;
  /** Labels that identify the peer, e.g. ['source_workload', 'source_workload_namespace']. */
  peerLabels: string[];
  /** Selector for the traffic in question (reporter, subject, peer filters). */
  matchers: Matcher[];
  /** What the direction is called in titles: "Incoming" or "Outgoing". */
  direction: 'Incoming' | 'Outgoing';
  /** Data links from each series to the peer's dashboard. */
  links?: Array<cog.Builder<DashboardLink>>;
  /** Labels grouped by but not in legends (the peer's cluster, which its data link needs). */
  groupOnly?: string[];
  /** Which TCP counter is "bytes the subject received": inbound = received, outbound = received by the peer. */
  tcpInbound: boolean;
}

/** Requests by peer and code, success by peer, duration, request size, response size, TCP in and out. */
export function peerPanels(spec: PeerPanelsSpec): Array<cog.Builder<Panel>> {
  const { peer, peerLabels, matchers, direction, links } = spec;
  const by = [...peerLabels, ...(spec.groupOnly ?? []), MTLS];
  const legend = `${peerLegend(peerLabels)} ({{${MTLS}}})`;
  const opts = links ? { links } : {};
  const tcp = spec.tcpInbound
    ? {
        in: { title: `TCP bytes received, by ${peer}`, which: 'received' as const },
        out: { title: `TCP bytes sent, by ${peer}`, which: 'sent' as const },
      }
    : {
        in: { title: `TCP bytes received, by ${peer}`, which: 'sent' as const },
        out: { title: `TCP bytes sent, by ${peer}`, which: 'received' as const },
      };
  return [
    timeSeries(
      `${direction} requests by ${peer} and response code`,
      `Requests per second by ${peer}, response code and connection security (mutual_tls or not).`,
      'reqps',
      [{ expr: requestRate(matchers, [...by, 'response_code']), legend: `${legend} {{response_code}}` }],
      opts
    ),
    timeSeries(
      `${direction} success rate by ${peer}`,
      `Share of requests not answered with a 5xx, by ${peer}. gRPC errors carried in HTTP 200 count as success.`,
      'percentunit',
      [{ expr: successRatio(matchers, by), legend }],
      { ...opts, min: 0, max: 1 }
    ),
    timeSeries(
      `${direction} request duration by ${peer}`,
      `P50, P90, P95 and P99 of request duration in milliseconds (istio_request_duration_milliseconds), by ${peer}.`,
      'ms',
      quantileQueries((q) => latencyQuantile(q, matchers, by), legend),
      opts
    ),
    timeSeries(
      `${direction} request size by ${peer}`,
      `P50, P90, P95 and P99 of request body size, by ${peer}.`,
      'decbytes',
      quantileQueries((q) => sizeQuantile(q, 'request', matchers, by), legend),
      opts
    ),
    timeSeries(
      `${direction} response size by ${peer}`,
      `P50, P90, P95 and P99 of response body size, by ${peer}.`,
      'decbytes',
      quantileQueries((q) => sizeQuantile(q, 'response', matchers, by), legend),
      opts
    ),
    timeSeries(
      tcp.in.title,
      `Bytes per second the subject of this dashboard received on TCP connections, by ${peer} (istio_tcp_${tcp.in.which}_bytes_total as the reporting proxy counts it).`,
      'Bps',
      [{ expr: tcpByteRate(tcp.in.which, matchers, by), legend }],
      opts
    ),
    timeSeries(
      tcp.out.title,
      `Bytes per second the subject of this dashboard sent on TCP connections, by ${peer} (istio_tcp_${tcp.out.which}_bytes_total as the reporting proxy counts it).`,
      'Bps',
      [{ expr: tcpByteRate(tcp.out.which, matchers, by), legend }],
      opts
    ),
  ];
}
