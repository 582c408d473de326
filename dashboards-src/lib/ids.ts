/**
 * Stable identities of the bundled dashboards. Grafana matches app dashboards by title and re-imports one only
 * when its `revision` changes, so: never rename a title casually, and bump REVISION whenever any output changes
 * (the current-output test reminds you, because it compares against the checked-in JSON).
 */
export const REVISION = 4;

export interface DashboardId {
  uid: string;
  title: string;
  /** File name under src/dashboards/. */
  file: string;
}

export const Dashboards = {
  overview: { uid: 'meshlens-overview', title: 'MeshLens Overview', file: 'meshlens-overview.json' },
  mesh: { uid: 'meshlens-istio-mesh', title: 'MeshLens / Istio Mesh', file: 'istio-mesh.json' },
  service: { uid: 'meshlens-istio-service', title: 'MeshLens / Istio Service', file: 'istio-service.json' },
  workload: { uid: 'meshlens-istio-workload', title: 'MeshLens / Istio Workload', file: 'istio-workload.json' },
  performance: {
    uid: 'meshlens-istio-performance',
    title: 'MeshLens / Istio Performance',
    file: 'istio-performance.json',
  },
  controlPlane: {
    uid: 'meshlens-istio-control-plane',
    title: 'MeshLens / Istio Control Plane',
    file: 'istio-control-plane.json',
  },
  wasm: { uid: 'meshlens-istio-wasm', title: 'MeshLens / Istio Wasm Extension', file: 'istio-wasm.json' },
  ztunnel: { uid: 'meshlens-istio-ztunnel', title: 'MeshLens / Istio Ztunnel', file: 'istio-ztunnel.json' },
} as const satisfies Record<string, DashboardId>;

export type DashboardKey = keyof typeof Dashboards;

/** App pages (src/plugin.json includes) that dashboards link to. */
export const AppPages = {
  graph: { title: 'Mesh graph', url: '/a/meshlens-istio-app/graph' },
  traces: { title: 'Traces', url: '/a/meshlens-istio-app/traces' },
} as const;
