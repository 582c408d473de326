import { isOK } from './nodeId';
import { type Sample, UNKNOWN } from './types';

export type WaypointTest = (cluster: string, namespace: string, workload: string) => boolean;

/** What the traffic says about waypoints: the ones it identifies, and hops that look like a waypoint's on one side only. */
export interface TrafficWaypoints {
  /** `cluster\0namespace\0workload`, also under the `unknown` cluster as Kiali's waypoint map keys them. */
  readonly workloads: ReadonlySet<string>;
  /** Workloads ztunnel shows on one side of a service's waypoint-like hop only: not drawn as waypoints, counted. */
  readonly unconfirmed: number;
}

const key = (cluster: string, namespace: string, workload: string) => `${cluster}\u0000${namespace}\u0000${workload}`;
const isL4 = (s: Sample) => s.metric.startsWith('istio_tcp');

/**
 * Ambient waypoints from Istio metrics alone. Kiali knows its waypoints from the Kubernetes API (istio.go
 * GetWaypointMap: workloads labelled `gateway.istio.io/managed=istio.io-mesh-controller`) because no Istio series
 * says "this is a waypoint" (istio/ztunnel#1128). The waypoint's own reports (`reporter="waypoint"`) name the
 * caller and the backend, never the waypoint; its other series (`istio_build{component="proxy"}`, Envoy stats) are a
 * sidecar's, told apart only by scrape labels (`pod`, pod labels if the scrape config maps them), which the graph's
 * grouped queries drop and no Istio install guarantees. The only series that name it are ztunnel's L4 ones (`app="ztunnel"`):
 * the caller's ztunnel reports the hop to the waypoint with `destination_workload` = the waypoint and
 * `destination_service` = the service the caller asked for (ztunnel src/proxy/outbound.rs: the actual destination
 * workload is the waypoint, the intended service is not), and the backend's ztunnel reports the hop from the
 * waypoint with `source_workload` = the waypoint; Kiali's ambient mocks (graph/api/api_test.go) have exactly these.
 *
 * Rule: for a service S with L7 traffic (any reporter), a workload W is a waypoint when ztunnel shows both
 * - an L4 hop caller → W for S, from a caller that S's L7 traffic names, while W is never an L7 backend of S; and
 * - an L4 hop W → backend for S, to a backend that S's L7 traffic names, while W is never an L7 caller of S.
 * A workload in the middle of a service's traffic, invisible to its L7 reports, on both sides: a waypoint (a
 * network gateway, the other workload ztunnel can hop through, keeps the caller's identity on the far side, so
 * it never has the second leg). A workload seen on one side only is not drawn as a waypoint and is counted.
 * What no metric can give: a waypoint when ztunnel's L4 series are not in the data (ambient traffic
 * "waypoint", TCP rates "none", ztunnel not scraped); then only the name pattern or kube-state-metrics find it.
 * Kiali's traffic nodes, too, come only from series that name them (istio.go addTraffic; its ambient appender
 * only marks and pairs them), so its waypoint is then no traffic node either (at most an idle node from the API).
 */
export function waypointsFromTraffic(samples: readonly Sample[]): TrafficWaypoints {
  const steps = waypointSteps(samples, samples.length);
  for (;;) {
    const next = steps.next();
    if (next.done) {
      return next.value;
    }
  }
}

const serviceKey = (l: Sample['labels']) => `${l.destination_service_namespace}\u0000${l.destination_service_name}`;
const sourceKey = (l: Sample['labels']) =>
  key(l.source_cluster ?? UNKNOWN, l.source_workload_namespace, l.source_workload);
const destKey = (l: Sample['labels']) =>
  key(l.destination_cluster ?? UNKNOWN, l.destination_workload_namespace, l.destination_workload);

function add(m: Map<string, Set<string>>, service: string, wl: string) {
  let set = m.get(service);
  if (!set) {
    set = new Set();
    m.set(service, set);
  }
  set.add(wl);
}

/** The same, yielding after every `slice` samples read, so a caller can keep each main-thread task short. */
export function* waypointSteps(samples: readonly Sample[], slice: number): Generator<void, TrafficWaypoints> {
  // ztunnel's hops first: most meshes have none, and then nothing else is read (no key built per series).
  const hops: Sample[] = [];
  const hopServices = new Set<string>();
  for (let i = 0; i < samples.length; i++) {
    const s = samples[i];
    if (isL4(s) && s.labels.app === 'ztunnel' && s.value > 0) {
      hops.push(s);
      hopServices.add(serviceKey(s.labels));
    }
    if ((i + 1) % slice === 0) {
      yield;
    }
  }
  if (hops.length === 0) {
    return { workloads: new Set(), unconfirmed: 0 };
  }
  const callers = new Map<string, Set<string>>();
  const backends = new Map<string, Set<string>>();
  for (let i = 0; i < samples.length; i++) {
    const l = samples[i].labels;
    if (!isL4(samples[i]) && isOK(l.destination_service_name ?? '') && hopServices.has(serviceKey(l))) {
      const service = serviceKey(l);
      add(callers, service, sourceKey(l));
      add(backends, service, destKey(l));
    }
    if ((i + 1) % slice === 0) {
      yield;
    }
  }
  const intoWaypoint = new Map<string, Set<string>>();
  const fromWaypoint = new Map<string, Set<string>>();
  for (let i = 0; i < hops.length; i++) {
    const l = hops[i].labels;
    const service = serviceKey(l);
    const c = callers.get(service);
    const b = backends.get(service);
    if (c && b) {
      const source = sourceKey(l);
      const dest = destKey(l);
      if (isOK(l.destination_workload ?? '') && c.has(source) && !b.has(dest)) {
        add(intoWaypoint, service, dest);
      }
      if (isOK(l.source_workload ?? '') && b.has(dest) && !c.has(source)) {
        add(fromWaypoint, service, source);
      }
    }
    if ((i + 1) % slice === 0) {
      yield;
    }
  }
  const workloads = new Set<string>();
  const oneSided = new Set<string>();
  for (const [service, into] of intoWaypoint) {
    const from = fromWaypoint.get(service) ?? new Set<string>();
    into.forEach((w) => (from.has(w) ? workloads.add(w) : oneSided.add(w)));
    from.forEach((w) => !into.has(w) && oneSided.add(w));
  }
  for (const [service, from] of fromWaypoint) {
    if (!intoWaypoint.has(service)) {
      from.forEach((w) => oneSided.add(w));
    }
  }
  for (const w of [...workloads]) {
    const [, namespace, workload] = w.split('\u0000');
    workloads.add(key(UNKNOWN, namespace, workload));
  }
  return { workloads, unconfirmed: [...oneSided].filter((w) => !workloads.has(w)).length };
}

/**
 * The declared waypoints (name pattern, kube-state-metrics) joined with the ones the traffic identifies. Undefined
 * stays undefined: ambient handling off (Kiali's ambientTraffic=none) reads no waypoint at all.
 */
export function withTrafficWaypoints(
  declared: WaypointTest | undefined,
  found: TrafficWaypoints
): WaypointTest | undefined {
  if (!declared) {
    return undefined;
  }
  if (found.workloads.size === 0) {
    return declared;
  }
  return (cluster, namespace, workload) =>
    found.workloads.has(key(cluster, namespace, workload)) || declared(cluster, namespace, workload);
}
