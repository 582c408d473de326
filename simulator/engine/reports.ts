import { hopLabels, podName, type Labels, type Reporter, scrapeLabels } from '../model/labels';
import type { IstioFamilies } from '../metrics/istioFamilies';
import type { MetricStore, Series } from '../metrics/store';
import type { Protocol, Service, Workload } from '../topology/types';
import type { Outcome } from './outcomes';

/** The series one proxy updates for one (edge, endpoint, outcome). */
export interface Report {
  http?: {
    requests: Series;
    duration: Series;
    requestBytes: Series;
    responseBytes: Series;
    requestMessages?: Series;
    responseMessages?: Series;
  };
  tcp?: { sent: Series; received: Series; opened: Series; closed: Series };
}

export interface ReportInput {
  reporter: Reporter;
  /** Which proxy reports: the sidecar/waypoint pod of this workload, or the cluster's ztunnel. */
  proxy: { kind: 'pod'; workload: Workload } | { kind: 'ztunnel'; cluster: string };
  source: Workload;
  service: Service;
  destination?: Workload;
  protocol: Protocol;
  mtls: boolean;
  outcome: Outcome;
}

export function ztunnelPod(cluster: string): string {
  return podName({ cluster, namespace: 'istio-system', name: 'ztunnel' });
}

export function createReport(store: MetricStore, families: IstioFamilies, input: ReportInput): Report {
  const { proxy, outcome } = input;
  const l4 = input.protocol === 'tcp' || proxy.kind === 'ztunnel';
  const labels = hopLabels({
    reporter: input.reporter,
    source: input.source,
    service: input.service,
    destination: input.destination,
    protocol: l4 ? 'tcp' : input.protocol,
    mtls: input.mtls || proxy.kind === 'ztunnel',
    responseCode: outcome.code,
    grpcStatus: outcome.grpcStatus,
    responseFlags: outcome.flags,
  });
  if (proxy.kind === 'ztunnel') {
    // ztunnel terminates HBONE itself, so both of its reports know the policy.
    labels.connection_security_policy = 'mutual_tls';
  }
  const pod = proxy.kind === 'pod' ? podName(proxy.workload) : ztunnelPod(proxy.cluster);
  const scrape =
    proxy.kind === 'pod'
      ? scrapeLabels(proxy.workload.namespace, pod, proxy.workload.app)
      : scrapeLabels('istio-system', pod, 'ztunnel');
  const full: Labels = { ...labels, ...scrape };
  if (l4) {
    return {
      tcp: {
        sent: store.series(families.tcpSent, full, pod),
        received: store.series(families.tcpReceived, full, pod),
        opened: store.series(families.tcpOpened, full, pod),
        closed: store.series(families.tcpClosed, full, pod),
      },
    };
  }
  const grpc = input.protocol === 'grpc';
  return {
    http: {
      requests: store.series(families.requests, full, pod),
      duration: store.series(families.duration, full, pod),
      requestBytes: store.series(families.requestBytes, full, pod),
      responseBytes: store.series(families.responseBytes, full, pod),
      requestMessages: grpc ? store.series(families.requestMessages, full, pod) : undefined,
      responseMessages: grpc ? store.series(families.responseMessages, full, pod) : undefined,
    },
  };
}
