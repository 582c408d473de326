import { FieldType, type DataFrame } from '@grafana/data';

export interface PeerRow {
  namespace: string;
  name: string;
  code: string;
  rate: number;
}

export interface DetailModel {
  requestRate: number | null;
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

/** The detail page's frames (refIds rate, errors, p50, p95, p99, trend, inbound, outbound, identity, tcpIn, tcpOut) as one model. Pure. */
export function buildDetail(series: readonly DataFrame[]): DetailModel {
  const byRef = (ref: string) => series.filter((f) => f.refId === ref);
  const one = (ref: string) => {
    const f = byRef(ref)[0];
    return f ? last(f) : null;
  };
  const peers = (ref: string, nsLabel: string, nameLabel: string): PeerRow[] =>
    byRef(ref)
      .map((f) => {
        const l = labels(f);
        return { namespace: l[nsLabel] ?? '', name: l[nameLabel] ?? '', code: l.response_code ?? '', rate: last(f) ?? 0 };
      })
      .filter((p) => p.rate > 0)
      .sort((a, b) => b.rate - a.rate || a.name.localeCompare(b.name) || a.code.localeCompare(b.code));
  const rate = one('rate');
  const trendFrame = byRef('trend')[0];
  const trendValues = trendFrame?.fields.find((f) => f.type === FieldType.number)?.values ?? [];
  const identity = byRef('identity').map(labels);
  return {
    requestRate: rate,
    errorPct: rate ? (100 * (one('errors') ?? 0)) / rate : null,
    p50Ms: one('p50'),
    p95Ms: one('p95'),
    p99Ms: one('p99'),
    trend: Array.from(trendValues, (v) => (typeof v === 'number' ? v : NaN)),
    inbound: peers('inbound', 'source_workload_namespace', 'source_workload'),
    outbound: peers('outbound', 'destination_service_namespace', 'destination_service_name'),
    tcpInBps: one('tcpIn'),
    tcpOutBps: one('tcpOut'),
    fqdn: identity.map((l) => l.destination_service).filter(Boolean).join(',') || undefined,
    cluster: identity.find((l) => l.destination_cluster)?.destination_cluster,
  };
}
