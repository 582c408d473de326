import { createDataFrame, type DataFrame, FieldType } from '@grafana/data';
import { type ViewGraph } from '../view/types';

/**
 * The graph as Grafana node-graph frames (id, title, subtitle, mainstat, secondarystat, arc__*, detail__*;
 * edges id, source, target, mainstat, secondarystat, color), so Grafana's Node Graph panel can draw it too.
 */
export function toNodeGraphFrames(graph: ViewGraph): DataFrame[] {
  const inbound = new Map<string, number>();
  for (const e of graph.edges) {
    inbound.set(e.target, (inbound.get(e.target) ?? 0) + (e.protocol === 'tcp' ? 0 : e.rate));
  }
  const share = (status: string) => graph.nodes.map((n) => (n.health === status ? 1 : 0));
  const nodes = createDataFrame({
    name: 'nodes',
    meta: { preferredVisualisationType: 'nodeGraph' },
    fields: [
      { name: 'id', type: FieldType.string, values: graph.nodes.map((n) => n.id) },
      { name: 'title', type: FieldType.string, values: graph.nodes.map((n) => n.title) },
      { name: 'subtitle', type: FieldType.string, values: graph.nodes.map((n) => n.subtitle) },
      { name: 'mainstat', type: FieldType.number, values: graph.nodes.map((n) => inbound.get(n.id) ?? 0), config: { unit: 'reqps', displayName: 'Inbound' } },
      { name: 'secondarystat', type: FieldType.string, values: graph.nodes.map((n) => n.health) },
      { name: 'arc__healthy', type: FieldType.number, values: share('healthy'), config: { color: { mode: 'fixed', fixedColor: 'green' } } },
      { name: 'arc__degraded', type: FieldType.number, values: share('degraded'), config: { color: { mode: 'fixed', fixedColor: 'orange' } } },
      { name: 'arc__failure', type: FieldType.number, values: share('failure'), config: { color: { mode: 'fixed', fixedColor: 'red' } } },
      { name: 'arc__idle', type: FieldType.number, values: share('idle'), config: { color: { mode: 'fixed', fixedColor: 'gray' } } },
      { name: 'detail__namespace', type: FieldType.string, values: graph.nodes.map((n) => n.namespace), config: { displayName: 'Namespace' } },
      { name: 'detail__health', type: FieldType.string, values: graph.nodes.map((n) => n.reasons.join('; ')), config: { displayName: 'Health' } },
    ],
  });
  const edges = createDataFrame({
    name: 'edges',
    meta: { preferredVisualisationType: 'nodeGraph' },
    fields: [
      { name: 'id', type: FieldType.string, values: graph.edges.map((e) => e.id) },
      { name: 'source', type: FieldType.string, values: graph.edges.map((e) => e.source) },
      { name: 'target', type: FieldType.string, values: graph.edges.map((e) => e.target) },
      { name: 'mainstat', type: FieldType.number, values: graph.edges.map((e) => e.rate), config: { unit: 'reqps' } },
      { name: 'secondarystat', type: FieldType.number, values: graph.edges.map((e) => e.errorPct), config: { unit: 'percent', displayName: 'Errors' } },
      { name: 'color', type: FieldType.string, values: graph.edges.map((e) => ({ healthy: 'green', degraded: 'orange', failure: 'red', idle: 'gray' })[e.health]) },
    ],
  });
  return [nodes, edges];
}
