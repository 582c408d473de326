import { FieldType, type DataFrame } from '@grafana/data';
import {
  addRequestSeries,
  directionErrorPct,
  emptyRequestCounts,
  pageHealth,
  type DisplayHealth,
  type RequestCounts,
} from '../../../../shared/health';
import { type HealthThresholds } from '../../../../shared/settings';

export interface PeerRow {
  namespace: string;
  name: string;
  code: string;
  rate: number;
}

export interface DetailModel {
  requestRate: number | null;
  /** Share of inbound requests Kiali counts as errors (HTTP 5xx, 4xx, no response; gRPC errors), percent. */
  errorPct: number | null;
  p50Ms: number | null;
  p95Ms: number | null;
  p99Ms: number | null;
  trend: number[];
  inbound: PeerRow[];
  outbound: PeerRow[];
  /** TCP bytes per second (both ways) on connections into and out of the target; null without TCP traffic. */
  tcpInBps: number | null;
  tcpOutBps: number | null;
  /** Kiali's rules on the inbound and outbound requests by code (the worst of both), with reasons. */
  health: DisplayHealth;
  /** Fully qualified service name(s) and cluster, for the dashboards' variables. */
  fqdn: string | undefined;
  cluster: string | undefined;
}

function last(frame: DataFrame): number | null {
  const v = frame.fields.find((f) => f.type === FieldType.number)?.values;
  const x = v?.[v.length - 1];
  return typeof x === 'number' && Number.isFinite(x) ? x : null;
}

function labels(frame: DataFrame): Record<string, string> {
  return frame.fields.find((f) => f.type === FieldType.number)?.labels ?? {};
}

/** The response code a peer row shows; a gRPC call's status beside it (HTTP 200 with status 14 is an error). */
function peerCode(l: Record<string, string>): string {
  const code = l.response_code ?? '';
  const grpc = l.grpc_response_status;
  return l.request_protocol === 'grpc' && grpc ? `${code} · gRPC ${grpc}` : code;
}

/**
 * The detail page's frames (refIds rate, p50, p95, p99, trend, inbound, outbound, identity, tcpIn, tcpOut) as one
 * model; health from the inbound and outbound breakdowns by code, by Kiali's rules. `problem` (a
 * query error) makes the health "unknown". Pure.
 */
export function buildDetail(series: readonly DataFrame[], thresholds: HealthThresholds, problem?: string): DetailModel {
  const byRef = (ref: string) => series.filter((f) => f.refId === ref);
  const one = (ref: string) => {
    const f = byRef(ref)[0];
    return f ? last(f) : null;
  };
  const counts: RequestCounts = emptyRequestCounts();
  let missing = 0;
  const peers = (ref: 'inbound' | 'outbound', nsLabel: string, nameLabel: string): PeerRow[] =>
    byRef(ref)
      .map((f) => {
        const l = labels(f);
        const rate = last(f);
        if (rate === null) {
          missing++;
        }
        addRequestSeries(counts[ref], l, rate);
        return { namespace: l[nsLabel] ?? '', name: l[nameLabel] ?? '', code: peerCode(l), rate: rate ?? 0 };
      })
      .filter((p) => p.rate > 0)
      .sort((a, b) => b.rate - a.rate || a.name.localeCompare(b.name) || a.code.localeCompare(b.code));
  const rate = one('rate');
  const trendFrame = byRef('trend')[0];
  const trendValues = trendFrame?.fields.find((f) => f.type === FieldType.number)?.values ?? [];
  const identity = byRef('identity').map(labels);
  const inbound = peers('inbound', 'source_workload_namespace', 'source_workload');
  const outbound = peers('outbound', 'destination_service_namespace', 'destination_service_name');
  const inboundMissing = rate !== null && rate > 0 && byRef('inbound').length === 0;
  const why =
    problem ??
    (missing > 0 && inbound.length + outbound.length === 0
      ? 'no request rate in the answer (missing or NaN values)'
      : inboundMissing
        ? 'inbound requests by response code missing from the answer'
        : undefined);
  return {
    requestRate: rate,
    errorPct: directionErrorPct(counts.inbound),
    p50Ms: one('p50'),
    p95Ms: one('p95'),
    p99Ms: one('p99'),
    trend: Array.from(trendValues, (v) => (typeof v === 'number' ? v : NaN)),
    inbound,
    outbound,
    tcpInBps: one('tcpIn'),
    tcpOutBps: one('tcpOut'),
    health: pageHealth(counts, thresholds, why),
    fqdn: identity.map((l) => l.destination_service).filter(Boolean).join(',') || undefined,
    cluster: identity.find((l) => l.destination_cluster)?.destination_cluster,
  };
}
