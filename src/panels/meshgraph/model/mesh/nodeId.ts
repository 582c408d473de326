import { BLACKHOLE_CLUSTER, emptyNodeRates, type GraphType, type MeshNode, type NodeType, PASSTHROUGH_CLUSTER, UNKNOWN } from './types';

/** A label value that says something: not empty and not `unknown`. */
export function isOK(value: string): boolean {
  return value !== '' && value !== UNKNOWN;
}

/** canonical_revision `latest` means unknown. */
function isOKVersion(value: string): boolean {
  return isOK(value) && value !== 'latest';
}

export interface NodeIdentity {
  cluster: string;
  serviceNamespace: string;
  service: string;
  workloadNamespace: string;
  workload: string;
  app: string;
  version: string;
}

/**
 * Kiali's node id and type for a graph type (graph/types.go `Id`), or undefined when nothing
 * identifies the node. Ids are readable strings; Kiali's JSON carries their SHA-256.
 */
export function nodeId(n: NodeIdentity, graphType: GraphType): { id: string; nodeType: NodeType } | undefined {
  const namespace = isOK(n.workloadNamespace) ? n.workloadNamespace : n.serviceNamespace;
  const { cluster, service, workload, app, version } = n;

  // The special unknown source: out-of-mesh or unidentifiable callers.
  if (namespace === UNKNOWN && workload === UNKNOWN && app === UNKNOWN && service === '') {
    return { id: `${cluster}_unknown_source`, nodeType: 'unknown' };
  }
  // One unknown service per namespace for requests to unknown destinations (e.g. a bad ingress path).
  if (workload === UNKNOWN && app === UNKNOWN && service === UNKNOWN) {
    return { id: `svc_${cluster}_${namespace}_unknown`, nodeType: 'service' };
  }
  const workloadOk = isOK(workload);
  const appOk = isOK(app);
  const serviceOk = isOK(service);
  if (!workloadOk && !appOk && !serviceOk) {
    return undefined;
  }
  if (graphType === 'workload' || graphType === 'service') {
    if (!workloadOk) {
      return { id: `svc_${cluster}_${namespace}_${serviceOk ? service : UNKNOWN}`, nodeType: 'service' };
    }
    return { id: `wl_${cluster}_${namespace}_${workload}`, nodeType: 'workload' };
  }
  if (appOk) {
    if (graphType === 'versionedApp') {
      if (workloadOk) {
        return { id: `vapp_${cluster}_${namespace}_${workload}`, nodeType: 'app' };
      }
      if (isOKVersion(version)) {
        return { id: `vapp_${cluster}_${namespace}_${app}_${version}`, nodeType: 'app' };
      }
    }
    return { id: `app_${cluster}_${namespace}_${app}`, nodeType: 'app' };
  }
  if (workloadOk) {
    return { id: `wl_${cluster}_${namespace}_${workload}`, nodeType: 'workload' };
  }
  return { id: `svc_${cluster}_${namespace}_${service}`, nodeType: 'service' };
}

/** A new node with the fields its type does not use trimmed (graph/types.go `NewNodeExplicit`). */
export function newNode(id: string, nodeType: NodeType, n: NodeIdentity, graphType: GraphType): MeshNode {
  const namespace = isOK(n.workloadNamespace) ? n.workloadNamespace : n.serviceNamespace;
  let { workload, app, version, service } = n;
  let isEgressCluster: boolean | undefined;
  switch (nodeType) {
    case 'app':
      // A versioned app node keeps its workload: app+version should be backed by one workload.
      if (graphType !== 'versionedApp') {
        workload = '';
        version = '';
      }
      service = '';
      break;
    case 'service':
      app = '';
      workload = '';
      version = '';
      if (service === PASSTHROUGH_CLUSTER || service === BLACKHOLE_CLUSTER) {
        isEgressCluster = true;
      }
      break;
    case 'workload':
      app = app === UNKNOWN ? '' : app;
      version = version === UNKNOWN ? '' : version;
      service = '';
      break;
  }
  const node: MeshNode = { id, nodeType, cluster: n.cluster, namespace, workload, app, version, service, destServices: [], rates: emptyNodeRates() };
  if (isEgressCluster) {
    node.isEgressCluster = true;
  }
  return node;
}
