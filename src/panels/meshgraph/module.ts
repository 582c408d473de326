import './publicPath';
import { PanelPlugin } from '@grafana/data';
import { MeshGraphPanel } from './components/MeshGraphPanel';
import { defaultMeshGraphPanelOptions, type MeshGraphPanelOptions } from './types';

export const plugin = new PanelPlugin<MeshGraphPanelOptions>(MeshGraphPanel).setPanelOptions((builder) =>
  builder.addBooleanSwitch({
    path: 'showEdgeLabels',
    name: 'Edge labels',
    description: 'Show the main statistic of each edge',
    defaultValue: defaultMeshGraphPanelOptions.showEdgeLabels,
  })
);
