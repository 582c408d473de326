/**
 * Mesh graph model and layout benchmark: frames → model, model → view, layout (layered, force, grid),
 * on Istio-shaped synthetic meshes. Run alone: node --import tsx bench/meshgraph-model.ts
 * Prints a table; figures vary with machine load (2 shared cores), read them as ±50 %.
 */
import './lib/meshgraph-globals';
import { performance } from 'node:perf_hooks';
import { printRows } from './lib/meshgraph-table';
import { tableFrame } from '../src/panels/meshgraph/model/__fixtures__/frames';
import { syntheticMesh } from '../src/panels/meshgraph/model/__fixtures__/syntheticMesh';
import { layoutInput, runLayout } from '../src/panels/meshgraph/model/layout/runLayout';
import { type LayoutAlgorithm } from '../src/panels/meshgraph/model/layout/types';
import { framesToGraph } from '../src/panels/meshgraph/model/pipeline';
import { collapseToBudget } from '../src/panels/meshgraph/model/view/collapse';
import { defaultMeshGraphPanelOptions } from '../src/panels/meshgraph/types';

function time<T>(fn: () => T, runs = 3): { ms: number; value: T } {
  let best = Infinity;
  let value!: T;
  for (let i = 0; i < runs; i++) {
    const t0 = performance.now();
    value = fn();
    best = Math.min(best, performance.now() - t0);
  }
  return { ms: best, value };
}

const rows: Array<Record<string, string | number>> = [];
const options = { ...defaultMeshGraphPanelOptions, graphType: 'workload' as const, injectServiceNodes: false };
for (const workloads of [1000, 5000, 40000]) {
  const samples = syntheticMesh(workloads);
  const frames = [tableFrame(samples, 'istio_requests_total')];
  const model = time(() => framesToGraph(frames, options), workloads > 10000 ? 1 : 3);
  if (!model.value.ok) {
    throw new Error(model.value.error);
  }
  const graph = model.value.graph;
  const row: Record<string, string | number> = {
    workloads,
    series: samples.length,
    nodes: graph.nodes.length,
    edges: graph.edges.length,
    'frames→model ms': Math.round(model.ms),
  };
  const collapsed = time(() => collapseToBudget(graph, 2000, new Set()));
  row['collapse→2k ms'] = Math.round(collapsed.ms);
  if (workloads <= 5000) {
    for (const algorithm of ['layered', 'force', 'grid'] as LayoutAlgorithm[]) {
      const input = layoutInput(graph.nodes, graph.edges, new Map());
      row[`${algorithm} ms`] = Math.round(time(() => runLayout(algorithm, input), algorithm === 'force' ? 1 : 3).ms);
    }
  }
  rows.push(row);
}
printRows('Mesh graph model and layout (Node, best of 3; 40k: one run)', rows);
