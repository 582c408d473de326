import { initPluginTranslations } from '@grafana/i18n';
import resources from '../locales/en-US/meshlens-meshgraph-panel.json';
import { type InputCounts } from '../model/pipeline';
import { type VisibleGraph } from '../state/useGraphData';
import { footerParts } from './Footer';

/** A drawn graph of n nodes, n edges and n folded boxes with n of everything hidden, and n series dropped per reason. */
function counted(n: number): [VisibleGraph, InputCounts] {
  const items = Array.from({ length: n }, (_, i) => ({ id: String(i) }));
  const visible = {
    graph: { nodes: items, edges: items, collapsed: items },
    collapsedNodes: n,
    internalEdges: n,
    hidden: { nodes: n, edges: n, edgesOfHiddenNodes: n },
    matches: new Set<string>(),
  } as unknown as VisibleGraph; // footerParts reads only the counts of the view graph
  const counts: InputCounts = {
    series: 10 * n,
    missingLabels: n,
    badValue: n,
    badSourceTelemetry: 0,
    badDestTelemetry: 0,
    unidentifiable: n,
    duplicate: 0,
    unknownFrames: n,
    unmatchedEnrichment: n,
    nodeGraphDroppedNodes: n,
    nodeGraphDanglingEdges: n,
    idleNodes: n,
    unconfirmedWaypoints: n,
  };
  return [visible, counts];
}

describe('mesh graph footer counts through the real en-US locale file', () => {
  beforeAll(() => initPluginTranslations('meshlens-meshgraph-panel', [async () => resources]));

  it('is singular for one of each', () => {
    expect(footerParts(...counted(1))).toEqual([
      '1 node, 1 edge',
      '1 box folded (1 node, 1 edge inside; select it to expand)',
      '1 idle node (a deployment without traffic)',
      '1 possible waypoint not drawn as a waypoint (ztunnel shows one side of its hops only)',
      'hidden: 1 node (with 1 edge), 1 edge',
      'dropped: 1 series with missing labels, 1 NaN, negative or empty value, 1 unidentifiable end, 1 frame not recognised, ' +
        '1 enrichment row without an edge, 1 node row without or with a repeated id, 1 edge to an unknown node',
    ]);
  });

  it('is plural for two of each', () => {
    expect(footerParts(...counted(2))).toEqual([
      '2 nodes, 2 edges',
      '2 boxes folded (2 nodes, 2 edges inside; select one to expand)',
      '2 idle nodes (deployments without traffic)',
      '2 possible waypoints not drawn as waypoints (ztunnel shows one side of their hops only)',
      'hidden: 2 nodes (with 2 edges), 2 edges',
      'dropped: 2 series with missing labels, 2 NaN, negative or empty values, 2 unidentifiable ends, 2 frames not recognised, ' +
        '2 enrichment rows without an edge, 2 node rows without or with a repeated id, 2 edges to unknown nodes',
    ]);
  });
});
