// Browser entry for the Kiali 1.x baseline: cytoscape + cytoscape-dagre with Kiali's dagre settings
// (rankdir LR, network-simplex, nodesep 25, edgesep 40, ranksep 15), bundled by esbuild at bench time.
import cytoscape from 'cytoscape';
import dagre from 'cytoscape-dagre';

cytoscape.use(dagre);

(window as unknown as Record<string, unknown>).runBaseline = (nodes: string[], edges: Array<[string, string]>) =>
  new Promise<number>((resolve) => {
    const t0 = performance.now();
    const container = document.getElementById('cy')!;
    cytoscape({
      container,
      elements: [
        ...nodes.map((id) => ({ data: { id } })),
        ...edges.map(([source, target], i) => ({ data: { id: `e${i}`, source, target } })),
      ],
      style: [
        { selector: 'node', style: { label: 'data(id)', 'font-size': 8, width: 20, height: 20 } },
        { selector: 'edge', style: { 'curve-style': 'bezier', 'target-arrow-shape': 'triangle', width: 1 } },
      ],
      layout: { name: 'dagre', rankDir: 'LR', ranker: 'network-simplex', nodeSep: 25, edgeSep: 40, rankSep: 15 } as cytoscape.LayoutOptions,
    });
    // Layout ran synchronously in the constructor; the second frame is the first complete paint.
    requestAnimationFrame(() => requestAnimationFrame(() => resolve(performance.now() - t0)));
  });
