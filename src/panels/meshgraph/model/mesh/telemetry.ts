import { isOK } from './nodeId';
import { UNKNOWN } from './types';

/** Labels every traffic series must carry (istio.go populateTrafficMap). */
export const REQUIRED_LABELS = [
  'source_workload_namespace',
  'source_workload',
  'source_canonical_service',
  'source_canonical_revision',
  'destination_service_namespace',
  'destination_service',
  'destination_service_name',
  'destination_workload_namespace',
  'destination_workload',
  'destination_canonical_service',
  'destination_canonical_revision',
] as const;

const IP_ADDRESS = /^\d+\.\d+\.\d+\.\d+(:\d+)?$/;
const EGRESS_GATEWAY_HOST = 'istio-egressgateway.istio-system.svc.cluster.local';

/**
 * Known-bad source telemetry: a namespace without workload or app, or a cluster label that is
 * present but unknown (util.go IsBadSourceTelemetry).
 */
export function isBadSourceTelemetry(cluster: string, clusterOk: boolean, ns: string, wl: string, app: string): boolean {
  return (isOK(ns) && !isOK(wl) && !isOK(app)) || (isOK(ns) && clusterOk && !isOK(cluster));
}

/**
 * Known-bad destination telemetry: pod churn that reports an IP as the service with no workload, or
 * a cluster label that is present but unknown (util.go IsBadDestTelemetry).
 */
export function isBadDestTelemetry(cluster: string, clusterOk: boolean, svcNs: string, svc: string, svcName: string, wl: string): boolean {
  const ipAsService = !isOK(wl) && isOK(svc) && isOK(svcName) && svc === svcName && IP_ADDRESS.test(svcName);
  return ipAsService || (isOK(svcNs) && clusterOk && !isOK(cluster));
}

export interface Destination {
  cluster: string;
  serviceNamespace: string;
  serviceName: string;
  workloadNamespace: string;
  workload: string;
  app: string;
  version: string;
}

/**
 * Corner cases of destinations (util.go HandleDestination): the egress gateway's host becomes its
 * workload, and an unknown destination cluster is assumed to be the source's (istio/istio#29373).
 */
export function handleDestination(sourceCluster: string, destSvc: string, d: Destination): Destination {
  if (destSvc === EGRESS_GATEWAY_HOST && destSvc === d.serviceName) {
    const ns = 'istio-system';
    const gw = 'istio-egressgateway';
    return { cluster: sourceCluster, serviceNamespace: ns, serviceName: gw, workloadNamespace: ns, workload: gw, app: gw, version: 'latest' };
  }
  if (!isOK(d.cluster) && isOK(sourceCluster) && isOK(d.serviceNamespace)) {
    return { ...d, cluster: sourceCluster };
  }
  return d;
}

export function isHttpError(code: string): boolean {
  return code.startsWith('4') || code.startsWith('5');
}

/**
 * The response code Kiali records (util.go HandleResponseCode): `0` means no response (`-`);
 * gRPC uses grpc_response_status unless the HTTP transport itself failed.
 */
export function responseCode(protocol: string, code: string, grpcStatus: string | undefined): string {
  if (code === '0') {
    return '-';
  }
  if (protocol !== 'grpc' || isHttpError(code) || grpcStatus === undefined) {
    return code;
  }
  return grpcStatus;
}

export const clusterOrUnknown = (value: string | undefined) => value ?? UNKNOWN;
