import React from 'react';
import { SceneObjectBase, sceneGraph, type SceneComponentProps, type SceneObjectState, type VariableValueSelectors } from '@grafana/scenes';
import { namespaceVariableStatus } from './model/namespaceStatus';

export interface GraphVariableControlsState extends SceneObjectState {
  selectors: VariableValueSelectors;
}

/**
 * The namespace and cluster pickers, left out until there are namespaces to pick (while Prometheus has no namespace
 * with Istio traffic, or while they load): an empty
 * multi-value picker crashed the page (`reading 'value'`); the page's body says why there is nothing to pick.
 */
export class GraphVariableControls extends SceneObjectBase<GraphVariableControlsState> {
  static Component = GraphVariableControlsRenderer;
}

function GraphVariableControlsRenderer({ model }: SceneComponentProps<GraphVariableControls>) {
  const { selectors } = model.useState();
  const variable = sceneGraph.lookupVariable('namespace', model);
  variable?.useState();
  if (namespaceVariableStatus(variable?.state).kind !== 'ready') {
    return null;
  }
  return <selectors.Component model={selectors} />;
}
