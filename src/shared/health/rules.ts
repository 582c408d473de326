/**
 * Kiali's health rules (business/health_calculator.go, models/health.go): for each direction and
 * protocol, each error class's share of the requests is compared with its thresholds; the worst wins.
 */
import { CLASS_LABEL, CLASS_PROTOCOLS, type ErrorClass, type HealthThreshold } from './thresholds';

/** What traffic can say: no requests (idle), or a grade from the error shares. */
export type HealthStatus = 'healthy' | 'degraded' | 'failure' | 'idle';
/** What a page shows: the traffic's status, or "unknown" when data is missing or the query failed. */
export type DisplayHealthStatus = HealthStatus | 'unknown';

export interface Health {
  status: HealthStatus;
  /** Why the status is not healthy, one line per offending class, e.g. "5xx 12.3 % of inbound HTTP ≥ 10 % failure". */
  reasons: string[];
}

export interface DisplayHealth {
  status: DisplayHealthStatus;
  reasons: string[];
}

const RANK: Record<DisplayHealthStatus, number> = { unknown: -1, idle: 0, healthy: 1, degraded: 2, failure: 3 };

export function healthRank(s: DisplayHealthStatus): number {
  return RANK[s];
}

/** The worse of two statuses (failure > degraded > healthy > idle). */
export function worseStatus<S extends DisplayHealthStatus>(a: S, b: S): S {
  return RANK[b] > RANK[a] ? b : a;
}

/**
 * Kiali's applyThresholds: no errors is healthy; `failure` > 0 and reached is failure; reaching
 * `degraded` is degraded (so degraded 0 means any error). Undefined when healthy.
 */
export function gradeRatio(ratioPct: number, t: Pick<HealthThreshold, 'degraded' | 'failure'>): 'degraded' | 'failure' | undefined {
  if (!(ratioPct > 0)) {
    return undefined;
  }
  if (t.failure > 0 && ratioPct >= t.failure) {
    return 'failure';
  }
  return ratioPct >= t.degraded ? 'degraded' : undefined;
}

/** Requests of one protocol in one direction: the total and the errors by class. */
export interface ProtocolCounts {
  total: number;
  errors: Partial<Record<ErrorClass, number>>;
}

function pct(ratio: number): string {
  return ratio.toFixed(1);
}

/**
 * Grades one protocol's requests against every class that applies to it, into `into` (worst status,
 * one reason per offending class). `where` names the traffic in the reason ("inbound HTTP").
 */
export function gradeCounts(counts: ProtocolCounts, protocol: 'http' | 'grpc', where: string, thresholds: readonly HealthThreshold[], into: Health): void {
  if (!(counts.total > 0)) {
    return;
  }
  into.status = worseStatus(into.status, 'healthy');
  for (const t of thresholds) {
    if (!CLASS_PROTOCOLS[t.code].includes(protocol)) {
      continue;
    }
    const ratio = ((counts.errors[t.code] ?? 0) / counts.total) * 100;
    const status = gradeRatio(ratio, t);
    if (status) {
      into.status = worseStatus(into.status, status);
      const limit = status === 'failure' ? t.failure : t.degraded;
      into.reasons.push(`${CLASS_LABEL[t.code]} ${pct(ratio)} % of ${where} ${limit === 0 ? '>' : '≥'} ${limit} % ${status}`);
    }
  }
}

export const isHttpError = (code: string): boolean => code.startsWith('4') || code.startsWith('5');

/**
 * The response code Kiali records (HandleResponseCode): `0` is no response (`-`); a gRPC request
 * takes its grpc_response_status unless the HTTP transport itself failed (4xx/5xx). A series
 * without the label (a query not grouped by it) has no code, and counts as no error.
 */
export function kialiResponseCode(protocol: string, code: string | undefined, grpcStatus: string | undefined): string {
  if (code === undefined) {
    return '';
  }
  if (code === '0') {
    return '-';
  }
  if (protocol !== 'grpc' || isHttpError(code) || grpcStatus === undefined || grpcStatus === '') {
    return code;
  }
  return grpcStatus;
}

const GRPC_ERROR = /^[1-9]$|^1[0-6]$/;

/**
 * The error class of a recorded code (after {@link kialiResponseCode}), or undefined for a success.
 * HTTP: 5xx, 4xx, `-`. gRPC: status 1–16 (Kiali's tolerance), `-`, and a failed HTTP transport
 * (4xx/5xx), which Kiali's graph counts in grpcErr.
 */
export function errorClassOf(protocol: 'http' | 'grpc', code: string): ErrorClass | undefined {
  if (code === '-') {
    return 'noResponse';
  }
  if (protocol === 'grpc') {
    return GRPC_ERROR.test(code) || (code.length === 3 && isHttpError(code)) ? 'grpc' : undefined;
  }
  return code.length === 3 && code[0] === '5' ? '5xx' : code.length === 3 && code[0] === '4' ? '4xx' : undefined;
}
