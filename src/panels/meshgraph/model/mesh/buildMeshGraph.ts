import { buildBoxes, type BoxOptions } from './boxes';
import { markOutsiders, markRoots, markWaypointEdges, reduceToServiceGraph } from './finalizers';
import { addIdleNodes, type Deployment } from './idleNodes';
import { addSample } from './populate';
import { TrafficMap } from './trafficMap';
import { type DropCounts, emptyDropCounts, type GraphType, type MeshGraphModel, type Sample } from './types';
import { waypointsFromTraffic, withTrafficWaypoints } from './waypoints';

export interface MeshGraphOptions {
  graphType: GraphType;
  /** Put the destination service between caller and workload (Kiali "Service Nodes"). Always on for service graphs. */
  injectServiceNodes: boolean;
  httpRequests: boolean;
  grpcRequests: boolean;
  /**
   * Declared ambient waypoints (name pattern, kube-state-metrics), matched by workload; undefined turns ambient
   * handling off (Kiali ambientTraffic=none). buildMeshGraph adds the ones the traffic identifies (waypoints.ts).
   */
  isWaypoint?: (cluster: string, namespace: string, workload: string) => boolean;
  namespaces: readonly string[];
  isAccessible?: (cluster: string, namespace: string) => boolean;
  boxBy: Omit<BoxOptions, 'app'> & { app?: boolean };
  /** Deployments (kube-state-metrics) without traffic become idle nodes; undefined: no idle nodes. */
  idleDeployments?: readonly Deployment[];
  /** false: of idleDeployments, only the waypoints become nodes (default true). */
  showIdleNodes?: boolean;
}

export const defaultMeshGraphOptions: MeshGraphOptions = {
  graphType: 'versionedApp',
  injectServiceNodes: true,
  httpRequests: true,
  grpcRequests: true,
  namespaces: [],
  boxBy: { namespace: true, cluster: true },
};

/**
 * Istio traffic samples → Kiali's traffic graph: nodes by graph type, edges per protocol, each series
 * counted once, Kiali's finalizers (waypoints, outsiders, roots), the service-graph reduction, boxes.
 * Pure: the samples are read, never changed. Runs in O(samples + nodes + edges).
 */
export function buildMeshGraph(samples: readonly Sample[], o: MeshGraphOptions, dropped: DropCounts = emptyDropCounts()): MeshGraphModel {
  const builder = meshGraphBuilder({ ...o, isWaypoint: withTrafficWaypoints(o.isWaypoint, waypointsFromTraffic(samples)) }, dropped);
  builder.add(samples, 0, samples.length);
  return builder.finish();
}

/**
 * The same transform in steps, so a caller can yield to the browser between slices of samples. It sees one slice
 * at a time: `o.isWaypoint` must already hold the waypoints the whole traffic identifies (withTrafficWaypoints).
 */
export function meshGraphBuilder(o: MeshGraphOptions, dropped: DropCounts = emptyDropCounts()) {
  const isService = o.graphType === 'service';
  const map = new TrafficMap();
  const populate = {
    graphType: o.graphType,
    injectServiceNodes: o.injectServiceNodes || isService,
    httpRequests: o.httpRequests,
    grpcRequests: o.grpcRequests,
    isWaypoint: o.isWaypoint,
  };
  let count = 0;
  return {
    add(samples: readonly Sample[], from: number, to: number) {
      for (let i = from; i < to; i++) {
        addSample(map, samples[i], populate, dropped);
      }
      count += to - from;
    },
    finish(): MeshGraphModel {
      if (o.isWaypoint) {
        markWaypointEdges(map);
      }
      const idleNodes = o.idleDeployments ? addIdleNodes(map, o.idleDeployments, o.graphType, o.namespaces, o.isWaypoint, o.showIdleNodes ?? true) : 0;
      markOutsiders(map.nodes.values(), o);
      markRoots(map.nodes.values(), map.edges());
      if (isService) {
        reduceToServiceGraph(map);
      }
      const nodes = [...map.nodes.values()];
      const edges = map.edges();
      // Kiali boxes by app in app graphs; a service graph has no apps to box.
      const app = o.boxBy.app ?? (o.graphType === 'app' || o.graphType === 'versionedApp');
      const { boxes, parents } = buildBoxes(nodes, { ...o.boxBy, app });
      return { graphType: o.graphType, nodes, edges, boxes, parents, dropped, samples: count, idleNodes };
    },
  };
}
