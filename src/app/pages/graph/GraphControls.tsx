import React from 'react';
import { map } from 'rxjs';
import { t } from '@grafana/i18n';
import {
  SceneDataTransformer,
  SceneObjectBase,
  SceneObjectUrlSyncConfig,
  VizPanel,
  sceneGraph,
  type CustomTransformerDefinition,
  type SceneComponentProps,
  type SceneObjectState,
  type SceneObjectUrlValues,
} from '@grafana/scenes';
import { InlineField, RadioButtonGroup, Stack } from '@grafana/ui';
import { EDGE_LABELS, GRAPH_TYPES, toMeshFrames, type EdgeLabel, type GraphType } from './model/meshFrames';

export interface GraphControlsState extends SceneObjectState {
  graphType: GraphType;
  edgeLabels: EdgeLabel;
}

/** The fold from Istio series to node-graph frames, as a Scenes transformation. */
export function meshTransformation(graphType: GraphType, edgeLabels: EdgeLabel): CustomTransformerDefinition {
  return () => (source) => source.pipe(map((frames) => toMeshFrames(frames, graphType, edgeLabels).frames));
}

/**
 * The panel options both generations of the mesh graph panel read for edge labels. The chosen
 * statistic (rate or error %) is already in each edge's mainstat, so the panel only shows or hides it.
 */
export function meshPanelOptions(edgeLabels: EdgeLabel): Record<string, unknown> {
  return { showEdgeLabels: edgeLabels !== 'none', edgeLabels: edgeLabels === 'none' ? [] : ['trafficRate'] };
}

/**
 * Graph type and edge labels: they change how the same query result is drawn, not the query, so
 * they are URL-synced state here that re-runs the transformation instead of Scenes variables.
 */
export class GraphControls extends SceneObjectBase<GraphControlsState> {
  static Component = GraphControlsRenderer;
  protected override _urlSync = new SceneObjectUrlSyncConfig(this, { keys: ['graphType', 'edgeLabels'] });

  constructor(state: GraphControlsState) {
    super(state);
    this.addActivationHandler(() => this.apply());
  }

  getUrlState(): SceneObjectUrlValues {
    return { graphType: this.state.graphType, edgeLabels: this.state.edgeLabels };
  }

  updateFromUrl(values: SceneObjectUrlValues) {
    const graphType = GRAPH_TYPES.find((g) => g === values.graphType);
    const edgeLabels = EDGE_LABELS.find((e) => e === values.edgeLabels);
    if ((graphType && graphType !== this.state.graphType) || (edgeLabels && edgeLabels !== this.state.edgeLabels)) {
      this.setState({ graphType: graphType ?? this.state.graphType, edgeLabels: edgeLabels ?? this.state.edgeLabels });
      this.apply();
    }
  }

  onChange = (patch: Partial<Pick<GraphControlsState, 'graphType' | 'edgeLabels'>>) => {
    this.setState(patch);
    this.apply();
  };

  /** Pushes the current choice into the scene's transformer and panel. */
  private apply() {
    const root = this.getRoot();
    const transformer = sceneGraph.findObject(root, (o) => o instanceof SceneDataTransformer) as SceneDataTransformer | null;
    const panel = sceneGraph.findObject(root, (o) => o instanceof VizPanel) as VizPanel | null;
    transformer?.setState({ transformations: [meshTransformation(this.state.graphType, this.state.edgeLabels)] });
    transformer?.reprocessTransformations();
    // setState, not onOptionsChange: this may run before the panel plugin has loaded.
    panel?.setState({ options: { ...panel.state.options, ...meshPanelOptions(this.state.edgeLabels) } });
  }
}

function graphTypeLabel(g: GraphType): string {
  return {
    versionedApp: t('graph.type.versionedApp', 'Versioned app'),
    app: t('graph.type.app', 'App'),
    workload: t('graph.type.workload', 'Workload'),
    service: t('graph.type.service', 'Service'),
  }[g];
}

function edgeLabelText(e: EdgeLabel): string {
  return { rate: t('graph.edges.rate', 'Request rate'), errors: t('graph.edges.errors', 'Error %'), none: t('graph.edges.none', 'None') }[e];
}

function GraphControlsRenderer({ model }: SceneComponentProps<GraphControls>) {
  const { graphType, edgeLabels } = model.useState();
  return (
    <Stack gap={1} wrap="wrap">
      <InlineField label={t('graph.type', 'Graph type')}>
        <RadioButtonGroup<GraphType>
          aria-label={t('graph.type', 'Graph type')}
          size="sm"
          options={GRAPH_TYPES.map((g) => ({ value: g, label: graphTypeLabel(g) }))}
          value={graphType}
          onChange={(g) => model.onChange({ graphType: g })}
        />
      </InlineField>
      <InlineField label={t('graph.edges', 'Edge labels')}>
        <RadioButtonGroup<EdgeLabel>
          aria-label={t('graph.edges', 'Edge labels')}
          size="sm"
          options={EDGE_LABELS.map((e) => ({ value: e, label: edgeLabelText(e) }))}
          value={edgeLabels}
          onChange={(e) => model.onChange({ edgeLabels: e })}
        />
      </InlineField>
    </Stack>
  );
}
