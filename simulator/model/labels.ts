import { hashString } from './random';
import type { Protocol, Service, Workload } from '../topology/types';

export type Reporter = 'source' | 'destination' | 'waypoint';
export type Labels = Record<string, string>;

const UNKNOWN = 'unknown';

/** Pod name with a stable ReplicaSet-like suffix, e.g. reviews-v1-5c9d7b8f4-x7k2p. */
export function podName(w: Pick<Workload, 'cluster' | 'namespace' | 'name'>): string {
  const key = `${w.cluster}/${w.namespace}/${w.name}`;
  return `${w.name}-${kubeSuffix(hashString(key), 10)}-${kubeSuffix(hashString(`${key}#pod`), 5)}`;
}

// Kubernetes' random-suffix alphabet (no vowels, no look-alikes).
const ALPHABET = 'bcdfghjklmnpqrstvwxz2456789';
function kubeSuffix(hash: number, length: number): string {
  let out = '';
  let h = hash;
  for (let i = 0; i < length; i++) {
    out += ALPHABET[h % ALPHABET.length];
    h = Math.floor(h / ALPHABET.length) || hash ^ (i * 2654435761);
    h >>>= 0;
  }
  return out;
}

export function principal(w: Pick<Workload, 'namespace' | 'serviceAccount'>): string {
  return `spiffe://cluster.local/ns/${w.namespace}/sa/${w.serviceAccount}`;
}

/** Labels Prometheus' kubernetes-pods job adds from the scraped pod (not Istio's own labels). */
export function scrapeLabels(namespace: string, pod: string, app: string, container = 'istio-proxy'): Labels {
  return { namespace, pod, app, container };
}

export interface HopLabelInput {
  reporter: Reporter;
  source: Workload;
  service: Service;
  /** Undefined when no endpoint was picked (UH, NR) or nothing in the mesh serves the host. */
  destination?: Workload;
  protocol: Protocol;
  mtls: boolean;
  responseCode: string;
  grpcStatus: string;
  responseFlags: string;
}

/**
 * Istio's standard metric labels for one hop as one proxy reports it, in istio/proxy's order.
 * The source proxy cannot know the policy the server applied, so it says "unknown"; the
 * destination says mutual_tls or none. Principals are only known over mTLS.
 */
export function hopLabels(input: HopLabelInput): Labels {
  const { reporter, source, service, destination: dst, protocol, mtls } = input;
  const sourceInMesh = source.dataPlane !== 'none';
  const labels: Labels = {
    reporter,
    source_workload: source.name,
    source_canonical_service: source.app,
    source_canonical_revision: source.version,
    source_workload_namespace: source.namespace,
    source_principal: mtls && sourceInMesh ? principal(source) : UNKNOWN,
    source_app: source.app,
    source_version: source.version === 'latest' ? UNKNOWN : source.version,
    source_cluster: source.cluster,
    destination_workload: dst?.name ?? UNKNOWN,
    destination_workload_namespace: dst?.namespace ?? UNKNOWN,
    destination_principal: mtls && dst ? principal(dst) : UNKNOWN,
    destination_app: dst?.app ?? UNKNOWN,
    destination_version: dst ? (dst.version === 'latest' ? UNKNOWN : dst.version) : UNKNOWN,
    destination_service: service.host,
    destination_canonical_service: dst?.app ?? UNKNOWN,
    destination_canonical_revision: dst?.version ?? UNKNOWN,
    destination_service_name: service.name,
    destination_service_namespace:
      service.kind === 'passthrough' || service.kind === 'blackhole' ? UNKNOWN : service.namespace,
    destination_cluster: dst?.cluster ?? UNKNOWN,
    request_protocol: protocol,
  };
  if (protocol !== 'tcp') {
    labels.response_code = input.responseCode;
    labels.grpc_response_status = input.grpcStatus;
  }
  labels.response_flags = input.responseFlags;
  labels.connection_security_policy = reporter === 'source' ? UNKNOWN : mtls ? 'mutual_tls' : 'none';
  return labels;
}
