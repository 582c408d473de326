export interface MeshGraphPanelOptions {
  /** Show the main statistic (for example the request rate) on edges. */
  showEdgeLabels: boolean;
}

export const defaultMeshGraphPanelOptions: MeshGraphPanelOptions = {
  showEdgeLabels: true,
};
