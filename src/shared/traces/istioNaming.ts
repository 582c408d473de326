/**
 * How Istio names what it traces, so a mesh edge (caller → Kubernetes service) can be found among spans.
 *
 * Istio's sidecars and gateways report the span's service as `<canonical service>.<namespace>` and, unless a
 * route sets its own operation, name the span `<host>:<port>/*` where the host is the destination's
 * `<service>.<namespace>.svc.<cluster domain>` (`details.bookinfo.svc.cluster.local:9080/*`). The caller's
 * client span also carries `upstream_cluster` = `outbound|<port>|<subset>|<host>`.
 */

/** A Kubernetes service: the destination of a mesh edge. Neither part contains a dot (DNS labels). */
export interface MeshPeer {
  readonly service: string;
  readonly namespace: string;
}

const DNS_LABEL = /^[a-z0-9]([-a-z0-9]*[a-z0-9])?$/;

/** Whether the text is a Kubernetes service or namespace name (an RFC 1123 label, at most 63 characters). */
export function isDnsLabel(text: string): boolean {
  return text.length <= 63 && DNS_LABEL.test(text);
}

/** `details.bookinfo` → the peer; anything else (dots inside a name, upper case, empty parts) → undefined. */
export function parsePeer(text: string | undefined): MeshPeer | undefined {
  const parts = (text ?? '').trim().split('.');
  return parts.length === 2 && isDnsLabel(parts[0]) && isDnsLabel(parts[1])
    ? { service: parts[0], namespace: parts[1] }
    : undefined;
}

export function formatPeer(peer: MeshPeer): string {
  return `${peer.service}.${peer.namespace}`;
}

/** A regex literal's body for a text: every character special to RE2/JS regexes escaped. */
export function escapeRegex(text: string): string {
  return text.replace(/[\\^$.*+?()[\]{}|]/g, (c) => `\\${c}`);
}

/**
 * Span names Istio gives calls to the peer: the peer's in-cluster host (any cluster domain, or none),
 * optionally a port, then a path (`/*` by default). RE2 syntax, valid in JavaScript and in TraceQL.
 */
export function peerOperationPattern(peer: MeshPeer): string {
  return `^${escapeRegex(peer.service)}\\.${escapeRegex(peer.namespace)}(\\.svc(\\.[^:/]+)?)?(:[0-9]+)?(/.*)?$`;
}

/** `upstream_cluster` values of a caller's client span towards the peer: `outbound|<port>|<subset>|<host>`. */
export function peerUpstreamClusterPattern(peer: MeshPeer): string {
  return `^outbound\\|[0-9]+\\|[^|]*\\|${escapeRegex(peer.service)}\\.${escapeRegex(peer.namespace)}(\\.svc(\\.[^|]+)?)?$`;
}

/** Whether a span named `operation` (with `upstream_cluster`, if it has one) is a call to the peer. */
export function isCallToPeer(peer: MeshPeer, operation: string, upstreamCluster?: string): boolean {
  return (
    new RegExp(peerOperationPattern(peer)).test(operation) ||
    (upstreamCluster !== undefined && new RegExp(peerUpstreamClusterPattern(peer)).test(upstreamCluster))
  );
}

/** The operations (from the data source's list for the caller's service) that are calls to the peer. */
export function operationsToPeer(peer: MeshPeer, operations: readonly string[]): string[] {
  const re = new RegExp(peerOperationPattern(peer));
  return operations.filter((o) => re.test(o));
}
