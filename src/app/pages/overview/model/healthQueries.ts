/**
 * The overview's query for the outbound side of Kiali's health: requests each workload sends, as
 * its own proxy reports them, by protocol, response code and gRPC status. One grouped query for
 * any number of namespaces. (The inbound side is the traffic query of src/shared/istio/appQueries.)
 */
import { IstioLabel, IstioMetric } from '../../../../shared/istio/metrics';
import { eq as labelEquals, inList as labelIn } from '../../../../shared/promql/matchers';

/** The labels the outbound query groups by; its rows name the namespace in `source_workload_namespace`. */
export const OUTBOUND_HEALTH_LABELS = [
  IstioLabel.sourceWorkloadNamespace,
  IstioLabel.sourceWorkload,
  IstioLabel.requestProtocol,
  IstioLabel.responseCode,
  IstioLabel.grpcResponseStatus,
] as const;

export function namespaceOutboundHealth(namespaces?: readonly string[], window = '$__range'): string {
  const matchers = [labelEquals(IstioLabel.reporter, 'source')];
  if (namespaces && namespaces.length > 0) {
    matchers.push(labelIn(IstioLabel.sourceWorkloadNamespace, namespaces));
  }
  return `sum by (${OUTBOUND_HEALTH_LABELS.join(', ')}) (rate(${IstioMetric.requestsTotal}{${matchers.join(',')}}[${window}]))`;
}
