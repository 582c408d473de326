import { nodeId } from './nodeId';
import { type TrafficMap } from './trafficMap';
import { type GraphType, UNKNOWN } from './types';

/** A Kubernetes deployment as kube-state-metrics' `kube_deployment_labels` describes it. */
export interface Deployment {
  /** Absent where kube-state-metrics carries no cluster label (one cluster). */
  readonly cluster?: string;
  readonly namespace: string;
  readonly name: string;
  readonly app: string;
  readonly version: string;
}

/** `kube_deployment_labels` rows → deployments; rows without namespace or deployment are counted, not guessed. */
export function readDeployments(rows: ReadonlyArray<Readonly<Record<string, string>>>): { deployments: Deployment[]; missingLabels: number } {
  const deployments: Deployment[] = [];
  const seen = new Set<string>();
  let missingLabels = 0;
  for (const r of rows) {
    if (!r.namespace || !r.deployment) {
      missingLabels++;
      continue;
    }
    const key = `${r.cluster ?? ''}\u0000${r.namespace}\u0000${r.deployment}`;
    if (seen.has(key)) {
      continue;
    }
    seen.add(key);
    deployments.push({ cluster: r.cluster || undefined, namespace: r.namespace, name: r.deployment, app: r.label_app ?? '', version: r.label_version ?? '' });
  }
  return { deployments, missingLabels };
}

/**
 * Kiali's idle nodes (appender/idle_node.go), from deployments instead of the Kubernetes API: a deployment
 * in a selected namespace with no node in the traffic graph becomes an idle node of the graph type's kind
 * (workload, app or versioned app), flagged `isIdle`. A deployment without a cluster label matches a traffic
 * node in any cluster; a new node takes the graph's only cluster, else `unknown`. Service graphs get none:
 * their idle nodes would be services, which deployments do not describe. A waypoint deployment (`isWaypoint`)
 * is a workload node flagged `isWaypoint` (not idle) in every graph type, as in the traffic, and also when
 * `idle` is false: its own reports (reporter="waypoint") name the caller and the callee, never itself, so a
 * waypoint whose ztunnel hops are not in the data (waypoints.ts) is seen only here. Returns how many idle nodes
 * it added.
 */
export function addIdleNodes(
  map: TrafficMap,
  deployments: readonly Deployment[],
  graphType: GraphType,
  namespaces: readonly string[],
  isWaypoint?: (cluster: string, namespace: string, workload: string) => boolean,
  idle = true
): number {
  if (graphType === 'service') {
    return 0;
  }
  const selected = new Set(namespaces);
  const clusters = new Set<string>();
  for (const n of map.nodes.values()) {
    if (n.cluster !== UNKNOWN && n.cluster !== '') {
      clusters.add(n.cluster);
    }
  }
  const fallbackCluster = clusters.size === 1 ? [...clusters][0] : UNKNOWN;
  let added = 0;
  for (const d of deployments) {
    if (selected.size > 0 && !selected.has(d.namespace)) {
      continue;
    }
    const waypoint = (cluster: string) => isWaypoint?.(cluster, d.namespace, d.name) ?? false;
    if (!idle && !waypoint(d.cluster ?? fallbackCluster)) {
      continue;
    }
    const identity = (cluster: string) => ({
      cluster,
      serviceNamespace: d.namespace,
      service: '',
      workloadNamespace: d.namespace,
      workload: d.name,
      // Waypoints are workloads whatever the graph type: no app.
      app: waypoint(cluster) ? '' : d.app || UNKNOWN,
      version: d.version || UNKNOWN,
    });
    const candidates = d.cluster ? [d.cluster] : clusters.size > 0 ? [...clusters] : [UNKNOWN];
    const known = candidates.some((c) => {
      const ident = nodeId(identity(c), graphType);
      return ident !== undefined && map.nodes.has(ident.id);
    });
    if (known) {
      continue;
    }
    const cluster = d.cluster ?? fallbackCluster;
    const node = map.addNode(identity(cluster), graphType);
    if (node && waypoint(cluster)) {
      node.isWaypoint = true;
    } else if (node && !node.isIdle) {
      node.isIdle = true;
      added++;
    }
  }
  return added;
}
