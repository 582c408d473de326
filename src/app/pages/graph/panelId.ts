/** The mesh graph panel (src/panels/meshgraph) the graph, service and workload pages embed. */
export const MESH_GRAPH_PANEL_ID = 'meshlens-meshgraph-panel';
