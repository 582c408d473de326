import { useMemo } from 'react';
import { type DataFrame } from '@grafana/data';
import { layeredLayout } from '../model/layeredLayout';
import { parseNodeGraphFrames } from '../model/parseNodeGraphFrames';
import { type GraphLayout, type MeshGraph } from '../model/types';

export interface MeshGraphState {
  error: string | undefined;
  graph: MeshGraph | undefined;
  layout: GraphLayout | undefined;
}

/** Parses and lays out the graph once per data change, per panel instance. */
export function useMeshGraph(series: DataFrame[]): MeshGraphState {
  return useMemo(() => {
    const result = parseNodeGraphFrames(series);
    if (!result.ok) {
      return { error: result.error, graph: undefined, layout: undefined };
    }
    return { error: undefined, graph: result.graph, layout: layeredLayout(result.graph) };
  }, [series]);
}
