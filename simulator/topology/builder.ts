import {
  DEFAULT_CLUSTER,
  edge,
  hostOf,
  type Edge,
  type Service,
  type Topology,
  type Workload,
  workloadKey,
} from './types';

/** Small fluent helper so the built-in topologies read like the mesh they describe. */
export class TopologyBuilder {
  private readonly workloads: Workload[] = [];
  private readonly services: Service[] = [];
  private readonly edges: Edge[] = [];

  constructor(private readonly name: string) {}

  workload(name: string, namespace: string, extra: Partial<Workload> = {}): string {
    const app = extra.app ?? name.replace(/-v\d+$/, '');
    const w: Workload = {
      name,
      namespace,
      cluster: DEFAULT_CLUSTER,
      app,
      version: extra.version ?? /-(v\d+)$/.exec(name)?.[1] ?? 'latest',
      serviceAccount: extra.serviceAccount ?? app,
      dataPlane: 'sidecar',
      ...extra,
    };
    this.workloads.push(w);
    return workloadKey(w);
  }

  service(name: string, namespace: string, port: number, backends: string[], extra: Partial<Service> = {}): string {
    this.services.push({
      name,
      namespace,
      host: hostOf(name, namespace),
      port,
      kind: 'mesh',
      backends: backends.map((workload) => ({ workload, weight: 1 })),
      ...extra,
    });
    return `${namespace}/${name}`;
  }

  /** PassthroughCluster, BlackHoleCluster or a ServiceEntry host: no workload behind it in the mesh. */
  special(name: string, namespace: string, kind: Service['kind'], port: number, host = name): string {
    this.services.push({ name, namespace, host, port, kind, backends: [] });
    return `${namespace}/${name}`;
  }

  call(from: string, to: string, overrides: Partial<Edge> = {}): this {
    this.edges.push(edge(from, to, overrides));
    return this;
  }

  build(traceSampling = 0.01): Topology {
    return {
      name: this.name,
      workloads: [...this.workloads],
      services: [...this.services],
      edges: [...this.edges],
      traceSampling,
    };
  }
}
