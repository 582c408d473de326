import { useMemo } from 'react';
import { type DataFrame } from '@grafana/data';
import { compileFind, type FindResult } from '../model/find/findExpression';
import { applyHide, findMatches } from '../model/find/applyFind';
import { framesToGraph, type PipelineResult } from '../model/pipeline';
import { collapseToBudget } from '../model/view/collapse';
import { type ViewGraph } from '../model/view/types';
import { type MeshGraphPanelOptions } from '../types';

export interface VisibleGraph {
  graph: ViewGraph;
  collapsedNodes: number;
  internalEdges: number;
  hidden: { nodes: number; edges: number; edgesOfHiddenNodes: number };
  matches: ReadonlySet<string>;
  findError?: string;
  hideError?: string;
}

/** Frames → view graph, once per data or semantic option change, per panel instance. */
export function useGraphPipeline(series: DataFrame[], o: MeshGraphPanelOptions): PipelineResult {
  const { graphType, injectServiceNodes, boxByNamespace, boxByCluster, edgeLabels, namespaces, waypointPattern, serviceEntries } = o;
  const { health5xxDegraded, health5xxFailure, health4xxDegraded, health4xxFailure } = o;
  const { healthGrpcDegraded, healthGrpcFailure, healthNoResponseDegraded, healthNoResponseFailure } = o;
  return useMemo(
    () =>
      framesToGraph(series, {
        ...o,
        graphType,
        injectServiceNodes,
        boxByNamespace,
        boxByCluster,
        edgeLabels,
        namespaces,
        waypointPattern,
        serviceEntries,
      }),
    // Only options that change the graph; find, hide, pins and view toggles must not rebuild it.
    // eslint-disable-next-line react-hooks/exhaustive-deps
    [series, graphType, injectServiceNodes, boxByNamespace, boxByCluster, edgeLabels, namespaces, waypointPattern, serviceEntries,
      health5xxDegraded, health5xxFailure, health4xxDegraded, health4xxFailure, healthGrpcDegraded, healthGrpcFailure, healthNoResponseDegraded, healthNoResponseFailure]
  );
}

const compile = (text: string): FindResult => compileFind(text);

/** Budget collapse, then hide, then find: what is drawn, with every removal counted. */
export function useVisibleGraph(graph: ViewGraph | undefined, budget: number, expanded: ReadonlySet<string>, find: string, hide: string): VisibleGraph | undefined {
  const collapsed = useMemo(() => (graph ? collapseToBudget(graph, Math.max(1, budget), expanded) : undefined), [graph, budget, expanded]);
  const hideResult = useMemo(() => compile(hide), [hide]);
  const findResult = useMemo(() => compile(find), [find]);
  return useMemo(() => {
    if (!collapsed) {
      return undefined;
    }
    const hidden = hideResult.ok ? applyHide(collapsed, hideResult.matcher) : undefined;
    const shown = hidden?.graph ?? collapsed;
    return {
      graph: shown,
      collapsedNodes: collapsed.collapsed.reduce((sum, c) => sum + c.members, 0),
      internalEdges: collapsed.internalEdges,
      hidden: { nodes: hidden?.hiddenNodes ?? 0, edges: hidden?.hiddenEdges ?? 0, edgesOfHiddenNodes: hidden?.edgesOfHiddenNodes ?? 0 },
      matches: findResult.ok ? findMatches(shown, findResult.matcher) : new Set(),
      findError: findResult.ok ? undefined : findResult.error,
      hideError: hideResult.ok ? undefined : hideResult.error,
    };
  }, [collapsed, hideResult, findResult]);
}
