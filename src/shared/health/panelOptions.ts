/**
 * The mesh graph panel's eight health options (percent, per class) to and from thresholds, so the
 * panel's defaults and the app's graph pages take the same constants and the app's configuration.
 */
import { defaultHealthThresholds, thresholdOf, type HealthThreshold } from './thresholds';

export interface HealthOptionFields {
  health5xxDegraded: number;
  health5xxFailure: number;
  health4xxDegraded: number;
  health4xxFailure: number;
  healthGrpcDegraded: number;
  healthGrpcFailure: number;
  healthNoResponseDegraded: number;
  healthNoResponseFailure: number;
}

export function healthOptionFields(thresholds: readonly HealthThreshold[] = defaultHealthThresholds): HealthOptionFields {
  const [h5, h4, g, n] = (['5xx', '4xx', 'grpc', 'noResponse'] as const).map((c) => thresholdOf(thresholds, c));
  return {
    health5xxDegraded: h5.degraded,
    health5xxFailure: h5.failure,
    health4xxDegraded: h4.degraded,
    health4xxFailure: h4.failure,
    healthGrpcDegraded: g.degraded,
    healthGrpcFailure: g.failure,
    healthNoResponseDegraded: n.degraded,
    healthNoResponseFailure: n.failure,
  };
}

export function thresholdsFromOptions(o: HealthOptionFields): HealthThreshold[] {
  return [
    { code: '5xx', degraded: o.health5xxDegraded, failure: o.health5xxFailure },
    { code: '4xx', degraded: o.health4xxDegraded, failure: o.health4xxFailure },
    { code: 'grpc', degraded: o.healthGrpcDegraded, failure: o.healthGrpcFailure },
    { code: 'noResponse', degraded: o.healthNoResponseDegraded, failure: o.healthNoResponseFailure },
  ];
}
