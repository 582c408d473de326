import { isOK, type NodeIdentity } from './nodeId';
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

export interface ResolvedSeries {
  sourceIdentity: NodeIdentity;
  destIdentity: NodeIdentity;
  sourceIsWaypoint: boolean;
  destIsWaypoint: boolean;
  destCluster: string;
  destServiceNamespace: string;
  destServiceName: string;
  host: string;
}

/**
 * The two ends of a series after Kiali's corrections (bad telemetry, egress gateway, unknown cluster,
 * waypoints), or the drop reason. Shared by traffic and by the enrichment queries.
 */
export function resolveSeries(m: Readonly<Record<string, string>>, o: PopulateOptions): ResolvedSeries | keyof DropCounts {
  if (REQUIRED_LABELS.some((l) => m[l] === undefined)) {
    return 'missingLabels';
  }
  const sourceCluster = m.source_cluster ?? UNKNOWN;
  const sourceNs = m.source_workload_namespace;
  const sourceWl = m.source_workload;
  const destSvc = m.destination_service;
  if (isBadSourceTelemetry(sourceCluster, m.source_cluster !== undefined, sourceNs, sourceWl, m.source_canonical_service)) {
    return 'badSourceTelemetry';
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
    return 'badDestTelemetry';
  }
  const sourceIsWaypoint = o.isWaypoint?.(sourceCluster, sourceNs, sourceWl) ?? false;
  const destIsWaypoint = o.isWaypoint?.(d.cluster, d.workloadNamespace, d.workload) ?? false;
  return {
    // Waypoints are workloads whatever the graph type: no app.
    sourceIdentity: {
      cluster: sourceCluster,
      serviceNamespace: sourceNs,
      service: '',
      workloadNamespace: sourceNs,
      workload: sourceWl,
      app: sourceIsWaypoint ? '' : m.source_canonical_service,
      version: m.source_canonical_revision,
    },
    destIdentity: {
      cluster: d.cluster,
      serviceNamespace: d.serviceNamespace,
      service: d.serviceName,
      workloadNamespace: d.workloadNamespace,
      workload: d.workload,
      app: destIsWaypoint ? '' : d.app,
      version: d.version,
    },
    sourceIsWaypoint,
    destIsWaypoint,
    destCluster: d.cluster,
    destServiceNamespace: d.serviceNamespace,
    destServiceName: d.serviceName,
    host: destSvc,
  };
}

/** Whether Kiali puts a service node between this series' ends. */
export function shouldInject(r: ResolvedSeries, destType: string, o: PopulateOptions): boolean {
  return o.injectServiceNodes && isOK(r.destServiceName) && r.destServiceName !== PASSTHROUGH_CLUSTER && destType !== 'service' && !r.sourceIsWaypoint && !r.destIsWaypoint;
}

export const serviceIdentity = (r: ResolvedSeries): NodeIdentity => ({ ...r.destIdentity, workloadNamespace: '', workload: '', app: '', version: '' });

/** Kiali's populateTrafficMap + addTraffic for one series; counts why a series is dropped. */
export function addSample(map: TrafficMap, sample: Sample, o: PopulateOptions, dropped: DropCounts): void {
  const m = sample.labels;
  const kind = protocolOf(sample.metric);
  if (kind !== 'grpc' && m.response_flags === undefined) {
    dropped.missingLabels++;
    return;
  }
  if (!Number.isFinite(sample.value) || sample.value < 0) {
    dropped.badValue++;
    return;
  }
  const r = resolveSeries(m, o);
  if (typeof r === 'string') {
    dropped[r]++;
    return;
  }
  const flags = kind === 'grpc' ? '' : m.response_flags;
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
    if (p !== 'http' && p !== 'grpc' && p !== 'tcp') {
      dropped.unidentifiable++;
      return;
    }
    protocol = p;
    code = responseCode(p, m.response_code, m.grpc_response_status);
  } else {
    protocol = kind;
  }

  const source = map.addNode(r.sourceIdentity, o.graphType);
  const dest = source && map.addNode(r.destIdentity, o.graphType);
  if (!source || !dest) {
    dropped.unidentifiable++;
    return;
  }
  if (r.sourceIsWaypoint) {
    source.isWaypoint = true;
  }
  if (r.destIsWaypoint) {
    dest.isWaypoint = true;
  }
  const si = r.sourceIdentity;
  const di = r.destIdentity;
  // Kiali's edge time-series hash: metric, both ends' identities, code, flags, host.
  const key = [sample.metric, si.cluster, si.serviceNamespace, '', si.workloadNamespace, si.workload, si.app, si.version, di.cluster, di.serviceNamespace, di.service, di.workloadNamespace, di.workload, di.app, di.version, code, flags, r.host].join('\u0000');
  const traffic = { protocol, value: sample.value, code, flags, host: r.host };
  const { destCluster: c, destServiceNamespace: ns, destServiceName: name } = r;
  if (shouldInject(r, dest.nodeType, o)) {
    const service = map.addNode(serviceIdentity(r), o.graphType)!;
    service.isInjected = true;
    if (map.addEdgeTraffic(traffic, source, service, key)) {
      addServiceName(service, c, ns, name);
      map.addEdgeTraffic(traffic, service, dest, key);
      addServiceName(dest, c, ns, name);
    } else {
      dropped.duplicate++;
    }
  } else if (map.addEdgeTraffic(traffic, source, dest, key)) {
    addServiceName(dest, c, ns, name);
  } else {
    dropped.duplicate++;
  }
}
