import { type Edge, type Service, type Topology, type Workload, serviceKey, workloadKey } from '../topology/types';

export interface Backend {
  workload: number;
  weight: number;
}

export interface LiveService extends Service {
  liveBackends: Backend[];
  waypointIndex?: number;
}

export interface LiveEdge extends Edge {
  index: number;
  fromIndex: number;
  toIndex: number;
  /** Bumped on every change so cached bucket shares are recomputed. */
  revision: number;
}

/**
 * The topology resolved to indexes, plus what the control API changes at run time
 * (faults, traffic weights, stopped and added workloads). Owned by one Engine.
 */
export class Mesh {
  readonly workloads: Workload[];
  readonly services: LiveService[];
  readonly edges: LiveEdge[];
  readonly stopped = new Set<number>();
  readonly edgesFrom: LiveEdge[][];
  private readonly workloadIndex = new Map<string, number>();
  private readonly serviceIndex = new Map<string, number>();

  constructor(readonly topology: Topology) {
    this.workloads = topology.workloads.map((w) => ({ ...w }));
    this.workloads.forEach((w, i) => this.workloadIndex.set(workloadKey(w), i));
    this.services = topology.services.map((s) => ({ ...s, backends: [...s.backends], liveBackends: [] }));
    this.services.forEach((s, i) => {
      this.serviceIndex.set(serviceKey(s), i);
      s.liveBackends = s.backends.map((b) => ({
        workload: this.mustWorkload(b.workload, `service ${serviceKey(s)}`),
        weight: b.weight,
      }));
      if (s.waypoint) {
        s.waypointIndex = this.mustWorkload(s.waypoint, `waypoint of ${serviceKey(s)}`);
      }
    });
    this.edges = topology.edges.map((e, index) => ({
      ...e,
      noResponse: [...e.noResponse],
      index,
      fromIndex: this.mustWorkload(e.from, `edge ${e.from} -> ${e.to}`),
      toIndex: this.mustService(e.to, `edge ${e.from} -> ${e.to}`),
      revision: 0,
    }));
    this.edgesFrom = this.workloads.map(() => []);
    for (const e of this.edges) {
      this.edgesFrom[e.fromIndex].push(e);
    }
  }

  /** Accepts a full key (cluster/namespace/name), namespace/name, or a bare unique name. */
  findWorkload(ref: string): number | undefined {
    return findByRef(this.workloadIndex, ref, () => this.workloads.map((w) => [w.name, `${w.namespace}/${w.name}`]));
  }

  findService(ref: string): number | undefined {
    return findByRef(this.serviceIndex, ref, () => this.services.map((s) => [s.name, `${s.namespace}/${s.name}`]));
  }

  addWorkload(w: Workload, serviceIndex: number, weight: number): number {
    const index = this.workloads.length;
    this.workloads.push(w);
    this.workloadIndex.set(workloadKey(w), index);
    this.edgesFrom.push([]);
    this.services[serviceIndex].liveBackends.push({ workload: index, weight });
    // A new version calls what its siblings call.
    const sibling = this.services[serviceIndex].liveBackends[0]?.workload;
    for (const e of sibling !== undefined && sibling !== index ? this.edgesFrom[sibling] : []) {
      const copy: LiveEdge = { ...e, index: this.edges.length, fromIndex: index, from: workloadKey(w), revision: 0 };
      this.edges.push(copy);
      this.edgesFrom[index].push(copy);
    }
    return index;
  }

  private mustWorkload(ref: string, where: string): number {
    const i = this.findWorkload(ref);
    if (i === undefined) {
      throw new Error(`${where}: unknown workload "${ref}"`);
    }
    return i;
  }

  private mustService(ref: string, where: string): number {
    const i = this.findService(ref);
    if (i === undefined) {
      throw new Error(`${where}: unknown service "${ref}"`);
    }
    return i;
  }
}

function findByRef(index: Map<string, number>, ref: string, names: () => Array<[string, string]>): number | undefined {
  const exact = index.get(ref);
  if (exact !== undefined) {
    return exact;
  }
  const matches: number[] = [];
  names().forEach(([name, nsName], i) => {
    if (name === ref || nsName === ref) {
      matches.push(i);
    }
  });
  return matches.length === 1 ? matches[0] : undefined;
}
