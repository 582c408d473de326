import { isOK } from './nodeId';
import { handleDestination, isBadDestTelemetry, isBadSourceTelemetry, REQUIRED_LABELS, responseCode } from './telemetry';
import { addServiceName, type TrafficMap } from './trafficMap';
import { type DropCounts, type GraphType, PASSTHROUGH_CLUSTER, type Protocol, type Sample, UNKNOWN } from './types';

export interface PopulateOptions {
  graphType: GraphType;
  injectServiceNodes: boolean;
  /** Which request protocols istio_requests_total contributes (Kiali rateHttp/rateGrpc = requests). */
  httpRequests: boolean;
  grpcRequests: boolean;
  /** Waypoint proxies (ambient); undefined when ambient traffic is off. */
  isWaypoint?: (cluster: string, namespace: string, workload: string) => boolean;
}

const protocolOf = (metric: Sample['metric']): Protocol | 'requests' =>
  metric.startsWith('istio_tcp') ? 'tcp' : metric.includes('_messages') ? 'grpc' : 'requests';

/** Kiali's populateTrafficMap + addTraffic for one series; counts why a series is dropped. */
export function addSample(map: TrafficMap, sample: Sample, o: PopulateOptions, dropped: DropCounts): void {
  const m = sample.labels;
  const kind = protocolOf(sample.metric);
  if (REQUIRED_LABELS.some((l) => m[l] === undefined) || ((kind === 'requests' || kind === 'tcp') && m.response_flags === undefined)) {
    dropped.missingLabels++;
    return;
  }
  if (!Number.isFinite(sample.value) || sample.value < 0) {
    dropped.badValue++;
    return;
  }
  const sourceCluster = m.source_cluster ?? UNKNOWN;
  const sourceNs = m.source_workload_namespace;
  const sourceWl = m.source_workload;
  let sourceApp = m.source_canonical_service;
  const sourceVer = m.source_canonical_revision;
  const destSvc = m.destination_service;
  const flags = kind === 'grpc' ? '' : m.response_flags;

  if (isBadSourceTelemetry(sourceCluster, m.source_cluster !== undefined, sourceNs, sourceWl, sourceApp)) {
    dropped.badSourceTelemetry++;
    return;
  }
  const d = handleDestination(sourceCluster, destSvc, {
    cluster: m.destination_cluster ?? UNKNOWN,
    serviceNamespace: m.destination_service_namespace,
    serviceName: m.destination_service_name,
    workloadNamespace: m.destination_workload_namespace,
    workload: m.destination_workload,
    app: m.destination_canonical_service,
    version: m.destination_canonical_revision,
  });
  if (isBadDestTelemetry(d.cluster, m.destination_cluster !== undefined, d.serviceNamespace, destSvc, d.serviceName, d.workload)) {
    dropped.badDestTelemetry++;
    return;
  }

  let protocol: Protocol;
  let code = '';
  if (kind === 'requests') {
    if (m.request_protocol === undefined || m.response_code === undefined) {
      dropped.missingLabels++;
      return;
    }
    const p = m.request_protocol;
    if ((p === 'grpc' && !o.grpcRequests) || (p === 'http' && !o.httpRequests)) {
      return;
    }
    protocol = p as Protocol;
    code = responseCode(p, m.response_code, m.grpc_response_status);
  } else {
    protocol = kind;
  }

  const sourceIsWaypoint = o.isWaypoint?.(sourceCluster, sourceNs, sourceWl) ?? false;
  const destIsWaypoint = o.isWaypoint?.(d.cluster, d.workloadNamespace, d.workload) ?? false;
  let destApp = d.app;
  // Waypoints are workloads whatever the graph type.
  if (sourceIsWaypoint) {
    sourceApp = '';
  }
  if (destIsWaypoint) {
    destApp = '';
  }
  const sourceIdentity = { cluster: sourceCluster, serviceNamespace: sourceNs, service: '', workloadNamespace: sourceNs, workload: sourceWl, app: sourceApp, version: sourceVer };
  const destIdentity = { cluster: d.cluster, serviceNamespace: d.serviceNamespace, service: d.serviceName, workloadNamespace: d.workloadNamespace, workload: d.workload, app: destApp, version: d.version };
  const source = map.addNode(sourceIdentity, o.graphType);
  const dest = source && map.addNode(destIdentity, o.graphType);
  if (!source || !dest) {
    dropped.unidentifiable++;
    return;
  }
  if (sourceIsWaypoint) {
    source.isWaypoint = true;
  }
  if (destIsWaypoint) {
    dest.isWaypoint = true;
  }

  const inject =
    o.injectServiceNodes && isOK(d.serviceName) && d.serviceName !== PASSTHROUGH_CLUSTER && dest.nodeType !== 'service' && !sourceIsWaypoint && !destIsWaypoint;
  const host = destSvc;
  const key = [sample.metric, Object.values(sourceIdentity).join(':'), Object.values(destIdentity).join(':'), code, flags, host].join('|');
  const traffic = { protocol, value: sample.value, code, flags, host };
  if (inject) {
    const service = map.addNode({ ...destIdentity, workloadNamespace: '', workload: '', app: '', version: '' }, o.graphType)!;
    service.isInjected = true;
    if (map.addEdgeTraffic(traffic, source, service, key)) {
      addServiceName(service, d.cluster, d.serviceNamespace, d.serviceName);
      map.addEdgeTraffic(traffic, service, dest, key);
      addServiceName(dest, d.cluster, d.serviceNamespace, d.serviceName);
    } else {
      dropped.duplicate++;
    }
  } else if (map.addEdgeTraffic(traffic, source, dest, key)) {
    addServiceName(dest, d.cluster, d.serviceNamespace, d.serviceName);
  } else {
    dropped.duplicate++;
  }
}
