import { useEffect, useMemo, useState } from 'react';
import { type DataFrame } from '@grafana/data';
import { compileFind, type FindResult } from '../model/find/findExpression';
import { applyHide, findMatches } from '../model/find/applyFind';
import { framesToGraphSliced, type PipelineResult } from '../model/pipeline';
import { type CollapseBy, collapseToBudget } from '../model/view/collapse';
import { applyFocus, type FocusInfo } from '../model/view/focus';
import { type ViewGraph } from '../model/view/types';
import { defaultMeshGraphPanelOptions, type MeshGraphPanelOptions } from '../types';

export interface VisibleGraph {
  graph: ViewGraph;
  collapsedNodes: number;
  internalEdges: number;
  hidden: { nodes: number; edges: number; edgesOfHiddenNodes: number };
  matches: ReadonlySet<string>;
  /** The focus option's outcome: what it kept and hid, or why the full graph is shown. */
  focus: FocusInfo;
  findError?: string;
  hideError?: string;
}

/** Yields to the browser between pipeline slices, so input and paint are never blocked for long. */
const pause = () => new Promise<void>((resolve) => setTimeout(resolve, 0));

/**
 * Frames → view graph, once per data or semantic option change, per panel instance, in slices
 * (see framesToGraphSliced); a newer input cancels the one in progress. Undefined while it runs.
 */
export function useGraphPipeline(series: DataFrame[], o: MeshGraphPanelOptions): PipelineResult | undefined {
  const { graphType, injectServiceNodes, boxByNamespace, boxByCluster, edgeLabels, namespaces, waypointPattern, serviceEntries, virtualServices, showIdleNodes } = o;
  const { health5xxDegraded, health5xxFailure, health4xxDegraded, health4xxFailure } = o;
  const { healthGrpcDegraded, healthGrpcFailure, healthNoResponseDegraded, healthNoResponseFailure } = o;
  const [state, setState] = useState<{ series?: DataFrame[]; options?: MeshGraphPanelOptions; result?: PipelineResult }>({});
  // Only options that change the graph; find, hide, pins and view toggles must not rebuild it.
  const labelsKey = JSON.stringify(edgeLabels);
  const semantic = useMemo(
    () => ({
      ...defaultMeshGraphPanelOptions,
      ...{ graphType, injectServiceNodes, boxByNamespace, boxByCluster, namespaces, waypointPattern, serviceEntries, virtualServices, showIdleNodes },
      ...{ health5xxDegraded, health5xxFailure, health4xxDegraded, health4xxFailure, healthGrpcDegraded, healthGrpcFailure, healthNoResponseDegraded, healthNoResponseFailure },
      edgeLabels: JSON.parse(labelsKey) as MeshGraphPanelOptions['edgeLabels'],
    }),
    [graphType, injectServiceNodes, boxByNamespace, boxByCluster, namespaces, waypointPattern, serviceEntries, virtualServices, showIdleNodes, labelsKey,
      health5xxDegraded, health5xxFailure, health4xxDegraded, health4xxFailure, healthGrpcDegraded, healthGrpcFailure, healthNoResponseDegraded, healthNoResponseFailure]
  );
  useEffect(() => {
    let cancelled = false;
    framesToGraphSliced(series, semantic, pause, () => cancelled).then(
      (result) => !cancelled && result && setState({ series, options: semantic, result }),
      (e: Error) => !cancelled && setState({ series, options: semantic, result: { ok: false, error: `The graph could not be built: ${e.message}` } })
    );
    return () => {
      cancelled = true;
    };
  }, [series, semantic]);
  return state.series === series && state.options === semantic ? state.result : undefined;
}

const compile = (text: string): FindResult => compileFind(text);

/** Focus, then budget collapse, then hide, then find: what is drawn, with every removal counted. */
export function useVisibleGraph(
  graph: ViewGraph | undefined,
  focus: string,
  budget: number,
  collapseBy: CollapseBy,
  expanded: ReadonlySet<string>,
  find: string,
  hide: string
): VisibleGraph | undefined {
  const focused = useMemo(() => (graph ? applyFocus(graph, focus) : undefined), [graph, focus]);
  const collapsed = useMemo(
    () => (focused ? collapseToBudget(focused.graph, Math.max(1, budget), expanded, collapseBy) : undefined),
    [focused, budget, expanded, collapseBy]
  );
  const hideResult = useMemo(() => compile(hide), [hide]);
  const findResult = useMemo(() => compile(find), [find]);
  return useMemo(() => {
    if (!collapsed || !focused) {
      return undefined;
    }
    const { graph: _unused, ...focusInfo } = focused;
    const hidden = hideResult.ok ? applyHide(collapsed, hideResult.matcher) : undefined;
    const shown = hidden?.graph ?? collapsed;
    return {
      graph: shown,
      collapsedNodes: collapsed.collapsed.reduce((sum, c) => sum + c.members, 0),
      internalEdges: collapsed.internalEdges,
      hidden: { nodes: hidden?.hiddenNodes ?? 0, edges: hidden?.hiddenEdges ?? 0, edgesOfHiddenNodes: hidden?.edgesOfHiddenNodes ?? 0 },
      matches: findResult.ok ? findMatches(shown, findResult.matcher) : new Set(),
      focus: focusInfo as FocusInfo,
      findError: findResult.ok ? undefined : findResult.error,
      hideError: hideResult.ok ? undefined : hideResult.error,
    };
  }, [collapsed, focused, hideResult, findResult]);
}
