import { useEffect, useRef, useState } from 'react';
import { startLayout } from '../layout/layoutRunner';
import { layoutInput } from '../model/layout/runLayout';
import { type LayoutAlgorithm } from '../model/layout/types';
import { type ViewGraph } from '../model/view/types';

export interface Positions {
  /** node id → index into xy */
  index: ReadonlyMap<string, number>;
  xy: Float64Array;
  ms: number;
  inWorker: boolean;
}

export type LayoutState = { status: 'running' } | { status: 'done'; positions: Positions } | { status: 'error'; error: string };

/**
 * Lays the graph out in a Web Worker; a new graph cancels the running layout. Positions of nodes seen
 * before are kept (seeded), and pinned positions win, so refreshes do not reshuffle the picture.
 */
export function useLayout(graph: ViewGraph | undefined, algorithm: LayoutAlgorithm, pins: Record<string, { x: number; y: number }>): LayoutState {
  // The result remembers which graph it belongs to: a newer graph means "running" without a state reset.
  const [state, setState] = useState<{ graph?: ViewGraph; result: LayoutState }>({ result: { status: 'running' } });
  const previous = useRef(new Map<string, { x: number; y: number }>());
  const lastAlgorithm = useRef(algorithm);
  useEffect(() => {
    if (!graph) {
      return;
    }
    if (lastAlgorithm.current !== algorithm) {
      // A different layout starts from scratch; pins still hold.
      previous.current = new Map();
      lastAlgorithm.current = algorithm;
    }
    const seed = new Map(previous.current);
    Object.entries(pins).forEach(([id, p]) => seed.set(id, p));
    const input = layoutInput(graph.nodes, graph.edges, seed);
    const job = startLayout(algorithm, input);
    let live = true;
    job.promise.then(
      (result) => {
        if (!live) {
          return;
        }
        const index = new Map(graph.nodes.map((n, i) => [n.id, i]));
        const remembered = new Map<string, { x: number; y: number }>();
        graph.nodes.forEach((n, i) => remembered.set(n.id, { x: result.positions[2 * i], y: result.positions[2 * i + 1] }));
        previous.current = remembered;
        setState({ graph, result: { status: 'done', positions: { index, xy: result.positions, ms: result.ms, inWorker: result.inWorker } } });
      },
      (error: Error) => {
        if (live && error.message !== 'cancelled') {
          setState({ graph, result: { status: 'error', error: error.message } });
        }
      }
    );
    return () => {
      live = false;
      job.cancel();
    };
  }, [graph, algorithm, pins]);
  return state.graph === graph ? state.result : { status: 'running' };
}
