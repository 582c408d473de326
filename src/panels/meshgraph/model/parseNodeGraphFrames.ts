import { type DataFrame, type Field } from '@grafana/data';
import { findField, stringAt } from '../../../shared/frames/fields';
import { type GraphEdge, type GraphNode, type MeshGraphParseResult } from './types';

function formatStat(field: Field | undefined, row: number): string {
  if (!field) {
    return '';
  }
  const raw = stringAt(field, row);
  const unit = field.config?.unit;
  return unit && raw ? `${raw} ${unit}` : raw;
}

function isEdgesFrame(frame: DataFrame): boolean {
  return Boolean(findField(frame, 'source') && findField(frame, 'target'));
}

/**
 * Reads Grafana node-graph frames (a nodes frame with `id`, an edges frame with `id`, `source`, `target`)
 * into a graph. Fails with a precise message when the contract is broken; counts what it drops.
 */
export function parseNodeGraphFrames(series: readonly DataFrame[]): MeshGraphParseResult {
  const edgesFrame = series.find(isEdgesFrame);
  const nodesFrame = series.find((f) => f !== edgesFrame && findField(f, 'id'));
  if (!nodesFrame && !edgesFrame) {
    if (series.some((f) => f.length > 0)) {
      return { ok: false, error: 'No node-graph frame found: the nodes frame needs an id field, the edges frame id, source and target.' };
    }
    return { ok: true, graph: { nodes: [], edges: [], danglingEdges: 0, droppedNodes: 0 } };
  }

  const nodes: GraphNode[] = [];
  const seen = new Set<string>();
  let droppedNodes = 0;
  if (nodesFrame) {
    const f = {
      id: findField(nodesFrame, 'id'),
      title: findField(nodesFrame, 'title'),
      subtitle: findField(nodesFrame, 'subtitle'),
      main: findField(nodesFrame, 'mainstat', 'mainStat'),
      secondary: findField(nodesFrame, 'secondarystat', 'secondaryStat'),
    };
    for (let row = 0; row < nodesFrame.length; row++) {
      const id = stringAt(f.id, row);
      if (!id || seen.has(id)) {
        droppedNodes++;
        continue;
      }
      seen.add(id);
      nodes.push({
        id,
        title: stringAt(f.title, row) || id,
        subtitle: stringAt(f.subtitle, row),
        mainStat: formatStat(f.main, row),
        secondaryStat: formatStat(f.secondary, row),
      });
    }
  }

  const edges: GraphEdge[] = [];
  let danglingEdges = 0;
  if (edgesFrame) {
    const f = {
      id: findField(edgesFrame, 'id'),
      source: findField(edgesFrame, 'source'),
      target: findField(edgesFrame, 'target'),
      main: findField(edgesFrame, 'mainstat', 'mainStat'),
    };
    for (let row = 0; row < edgesFrame.length; row++) {
      const source = stringAt(f.source, row);
      const target = stringAt(f.target, row);
      if (!nodesFrame) {
        // An edges-only frame (Tempo service graph style): nodes come from the edge ends.
        for (const id of [source, target]) {
          if (id && !seen.has(id)) {
            seen.add(id);
            nodes.push({ id, title: id, subtitle: '', mainStat: '', secondaryStat: '' });
          }
        }
      }
      if (!seen.has(source) || !seen.has(target)) {
        danglingEdges++;
        continue;
      }
      edges.push({ id: stringAt(f.id, row) || `${source}->${target}`, source, target, mainStat: formatStat(f.main, row) });
    }
  }
  return { ok: true, graph: { nodes, edges, danglingEdges, droppedNodes } };
}
