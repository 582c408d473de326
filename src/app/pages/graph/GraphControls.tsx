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
import { Button, InlineField, MultiCombobox, RadioButtonGroup, Stack } from '@grafana/ui';
import { formatFocus, parseFocus } from '../../../shared/links/appUrls';
import { DEFAULT_DISPLAY, DISPLAY_OPTIONS, displayPanelOptions, displayUrlValue, isDisplayOption, parseDisplay, type DisplayOption } from './model/displayOptions';
import { EDGE_LABELS, GRAPH_TYPES, toMeshFrames, type EdgeLabel, type GraphType, type IdleChoice } from './model/meshFrames';

export interface GraphControlsState extends SceneObjectState {
  graphType: GraphType;
  edgeLabels: EdgeLabel;
  /** Display choices (Kiali's Display menu); they become panel options. */
  display?: DisplayOption[];
  /** `kind:namespace/name` (appUrls formatFocus), or '' for none; passed to the panel as its `focus` option. */
  focus?: string;
}

/** The fold from Istio series to node-graph frames, as a Scenes transformation. */
export function meshTransformation(graphType: GraphType, edgeLabels: EdgeLabel, idle?: IdleChoice): CustomTransformerDefinition {
  return () => (source) => source.pipe(map((frames) => toMeshFrames(frames, graphType, edgeLabels, idle).frames));
}

export function idleOf(display: readonly DisplayOption[]): IdleChoice {
  return { edges: display.includes('idleEdges'), nodes: display.includes('idleNodes') };
}

/** Every panel option the page's controls own: edge labels, display choices and the focus. */
export function graphPanelOptions(state: GraphControlsState): Record<string, unknown> {
  return { ...meshPanelOptions(state.edgeLabels), ...displayPanelOptions(state.display ?? DEFAULT_DISPLAY), focus: state.focus ?? '' };
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
  protected override _urlSync = new SceneObjectUrlSyncConfig(this, { keys: ['graphType', 'edgeLabels', 'display', 'focus'] });

  constructor(state: GraphControlsState) {
    super(state);
    this.addActivationHandler(() => this.apply());
  }

  getUrlState(): SceneObjectUrlValues {
    const { graphType, edgeLabels, display, focus } = this.state;
    // Always an array: Scenes hands updateFromUrl every value of a repeated key only when the current one is an array.
    return { graphType, edgeLabels, display: displayUrlValue(display ?? DEFAULT_DISPLAY), focus: focus || undefined };
  }

  updateFromUrl(values: SceneObjectUrlValues) {
    const next: Partial<GraphControlsState> = {};
    const graphType = GRAPH_TYPES.find((g) => g === values.graphType);
    const edgeLabels = EDGE_LABELS.find((e) => e === values.edgeLabels);
    if (graphType && graphType !== this.state.graphType) {
      next.graphType = graphType;
    }
    if (edgeLabels && edgeLabels !== this.state.edgeLabels) {
      next.edgeLabels = edgeLabels;
    }
    if ('display' in values) {
      const display = parseDisplay(values.display);
      if (String(display) !== String(this.state.display)) {
        next.display = display;
      }
    }
    if ('focus' in values) {
      // Only a well-formed focus is kept (and in canonical form); anything else shows the unfocused graph.
      const parsed = parseFocus(typeof values.focus === 'string' ? values.focus : undefined);
      const focus = parsed ? formatFocus(parsed) : '';
      if (focus !== (this.state.focus ?? '')) {
        next.focus = focus;
      }
    }
    if (Object.keys(next).length > 0) {
      this.setState(next);
      this.apply();
    }
  }

  onChange = (patch: Partial<Pick<GraphControlsState, 'graphType' | 'edgeLabels' | 'display' | 'focus'>>) => {
    this.setState(patch);
    this.apply();
  };

  /** Pushes the current choice into the scene's transformer and panel. */
  private apply() {
    const root = this.getRoot();
    const transformer = sceneGraph.findObject(root, (o) => o instanceof SceneDataTransformer) as SceneDataTransformer | null;
    const panel = sceneGraph.findObject(root, (o) => o instanceof VizPanel) as VizPanel | null;
    const display = this.state.display ?? DEFAULT_DISPLAY;
    transformer?.setState({ transformations: [meshTransformation(this.state.graphType, this.state.edgeLabels, idleOf(display))] });
    transformer?.reprocessTransformations();
    // setState, not onOptionsChange: this may run before the panel plugin has loaded.
    panel?.setState({ options: { ...panel.state.options, ...graphPanelOptions(this.state) } });
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

function displayLabel(o: DisplayOption): string {
  return {
    animation: t('graph.display.animation', 'Traffic animation'),
    mtls: t('graph.display.mtls', 'mTLS'),
    legend: t('graph.display.legend', 'Legend'),
    minimap: t('graph.display.minimap', 'Minimap'),
    idleEdges: t('graph.display.idleEdges', 'Idle edges'),
    idleNodes: t('graph.display.idleNodes', 'Idle nodes'),
    serviceNodes: t('graph.display.serviceNodes', 'Service nodes'),
    boxes: t('graph.display.boxes', 'Namespace boxes'),
  }[o];
}

function GraphControlsRenderer({ model }: SceneComponentProps<GraphControls>) {
  const { graphType, edgeLabels, display, focus } = model.useState();
  const chosen = display ?? DEFAULT_DISPLAY;
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
      <InlineField label={t('graph.display', 'Display')} htmlFor="meshlens-graph-display">
        <MultiCombobox<DisplayOption>
          id="meshlens-graph-display"
          data-testid="meshlens-graph-display"
          width={40}
          options={DISPLAY_OPTIONS.map((o) => ({ value: o, label: displayLabel(o) }))}
          value={[...chosen]}
          onChange={(items) => model.onChange({ display: DISPLAY_OPTIONS.filter((o) => items.some((i) => i.value === o && isDisplayOption(i.value))) })}
        />
      </InlineField>
      {focus && (
        <InlineField label={t('graph.focus', 'Focus')}>
          <Button size="sm" variant="secondary" icon="times" data-testid="meshlens-graph-focus" aria-label={`${t('graph.focus.clear', 'Clear the focus on')} ${focus}`} onClick={() => model.onChange({ focus: '' })}>
            {focus}
          </Button>
        </InlineField>
      )}
    </Stack>
  );
}
