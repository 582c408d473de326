/**
 * Health of a service, workload or namespace from its request series (models/health.go aggregate):
 * each series adds its rate to its direction and protocol, by error class.
 */
import { errorClassOf, gradeCounts, kialiResponseCode, type Health, type ProtocolCounts } from './rules';
import { type HealthThreshold } from './thresholds';

export interface DirectionCounts {
  http: ProtocolCounts;
  grpc: ProtocolCounts;
}

export interface RequestCounts {
  inbound: DirectionCounts;
  outbound: DirectionCounts;
}

const emptyProtocol = (): ProtocolCounts => ({ total: 0, errors: {} });
export const emptyDirection = (): DirectionCounts => ({ http: emptyProtocol(), grpc: emptyProtocol() });
export const emptyRequestCounts = (): RequestCounts => ({ inbound: emptyDirection(), outbound: emptyDirection() });

/** The Istio labels a request series carries that health reads. */
export interface RequestLabels {
  request_protocol?: string;
  response_code?: string;
  grpc_response_status?: string;
}

/**
 * Adds one series (its labels and rate) into a direction. A series without `request_protocol` is
 * counted as HTTP (queries grouped without it); TCP and unknown protocols carry no error signal and
 * are left out. Returns false when the series was not counted (not HTTP/gRPC, or no finite rate > 0).
 */
export function addRequestSeries(into: DirectionCounts, labels: RequestLabels, rate: number | null | undefined): boolean {
  if (typeof rate !== 'number' || !(rate > 0) || !Number.isFinite(rate)) {
    return false;
  }
  const protocol = labels.request_protocol ?? 'http';
  if (protocol !== 'http' && protocol !== 'grpc') {
    return false;
  }
  const counts = into[protocol];
  counts.total += rate;
  const cls = errorClassOf(protocol, kialiResponseCode(protocol, labels.response_code, labels.grpc_response_status));
  if (cls) {
    counts.errors[cls] = (counts.errors[cls] ?? 0) + rate;
  }
  return true;
}

/** Kiali's node rule: the worst of inbound and outbound, per protocol, each reason said. Idle without requests. */
export function requestHealth(counts: RequestCounts, thresholds: readonly HealthThreshold[]): Health {
  const health: Health = { status: 'idle', reasons: [] };
  gradeCounts(counts.inbound.http, 'http', 'inbound HTTP', thresholds, health);
  gradeCounts(counts.inbound.grpc, 'grpc', 'inbound gRPC', thresholds, health);
  gradeCounts(counts.outbound.http, 'http', 'outbound HTTP', thresholds, health);
  gradeCounts(counts.outbound.grpc, 'grpc', 'outbound gRPC', thresholds, health);
  return health;
}

/** Requests per second in a direction (HTTP + gRPC). */
export function directionTotal(d: DirectionCounts): number {
  return d.http.total + d.grpc.total;
}

/** Error share (percent) of a direction, all classes of both protocols; null without requests. */
export function directionErrorPct(d: DirectionCounts): number | null {
  const total = directionTotal(d);
  if (!(total > 0)) {
    return null;
  }
  const sum = (c: ProtocolCounts) => Object.values(c.errors).reduce<number>((a, b) => a + (b ?? 0), 0);
  return (100 * (sum(d.http) + sum(d.grpc))) / total;
}
