import React from 'react';
import { t } from '@grafana/i18n';
import {
  SceneObjectBase,
  SceneObjectUrlSyncConfig,
  VizPanel,
  sceneGraph,
  type SceneComponentProps,
  type SceneObjectState,
  type SceneObjectUrlValues,
} from '@grafana/scenes';
import { Button, InlineField, MultiCombobox, RadioButtonGroup, Stack } from '@grafana/ui';
import { formatFocus, parseFocus } from '../../../shared/links/appUrls';
import { DEFAULT_DISPLAY, DISPLAY_OPTIONS, displayUrlValue, isDisplayOption, parseDisplay, type DisplayOption } from './model/displayOptions';
import { EDGE_LABELS, GRAPH_TYPES, graphPanelOptions, parseEdgeLabel, type EdgeLabel, type GraphChoices, type GraphType } from './model/graphOptions';
import { MeshGraphQueryRunner } from './MeshGraphQueryRunner';

export interface GraphControlsState extends SceneObjectState {
  graphType: GraphType;
  edgeLabels: EdgeLabel;
  /** Display choices (Kiali's Display menu); they become panel options. */
  display?: DisplayOption[];
  /** `kind:namespace/name` (appUrls formatFocus), or '' for none; passed to the panel as its `focus` option. */
  focus?: string;
  /** The panel's `namespaces` option (outside marking): the namespace variable. */
  namespacesOption?: string;
  prometheusUid?: string;
}

export function choicesOf(state: GraphControlsState): GraphChoices {
  return { graphType: state.graphType, edgeLabels: state.edgeLabels, display: state.display ?? DEFAULT_DISPLAY, focus: state.focus ?? '' };
}

/**
 * Graph type, edge labels, display and focus: URL-synced state that sets the mesh graph panel's options (the same
 * Kiali model draws every graph type from the same queries); only "Idle edges" changes the queries.
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
    const edgeLabels = parseEdgeLabel(values.edgeLabels);
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

  /** Pushes the current choices into the panel's options, and into the queries when they change them. */
  private apply() {
    const root = this.getRoot();
    const panel = sceneGraph.findObject(root, (o) => o instanceof VizPanel) as VizPanel | null;
    const runner = sceneGraph.findObject(root, (o) => o instanceof MeshGraphQueryRunner) as MeshGraphQueryRunner | null;
    const choices = choicesOf(this.state);
    // setState, not onOptionsChange: this may run before the panel plugin has loaded.
    panel?.setState({ options: { ...panel.state.options, ...graphPanelOptions(choices, this.state.namespacesOption ?? '$namespace', this.state.prometheusUid ?? '') } });
    runner?.setDisplay(choices.display);
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
  return {
    trafficRate: t('graph.edges.trafficRate', 'Traffic rate'),
    trafficDistribution: t('graph.edges.trafficDistribution', 'Traffic distribution'),
    responseTime: t('graph.edges.responseTime', 'Response time (p95)'),
    throughput: t('graph.edges.throughput', 'Throughput'),
    none: t('graph.edges.none', 'None'),
  }[e];
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
    compare: t('graph.display.compare', 'Compare with the previous range'),
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
