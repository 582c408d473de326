import { type DataFrame, type Field } from '@grafana/data';
import { findField, numberAt, stringAt } from '../../../shared/frames/fields';
import { type HealthStatus } from '../../../shared/health';
import { type NodePage, type ViewEdge, type ViewGraph, type ViewNode } from './view/types';

export interface NodeGraphParse {
  graph: ViewGraph;
  /** Node rows without an id, or repeating one. */
  droppedNodes: number;
  /** Edges whose source or target is not a node. */
  danglingEdges: number;
}

export type NodeGraphParseResult = { ok: true; value: NodeGraphParse } | { ok: false; error: string };

function formatStat(field: Field | undefined, row: number): string {
  const raw = stringAt(field, row);
  const unit = field?.config?.unit;
  return unit && raw ? `${raw} ${unit}` : raw;
}

/** Grafana node-graph frames are recognised by name, preferred visualisation or an edges frame's source/target. */
export function isNodeGraphFrame(frame: DataFrame): boolean {
  const name = (frame.name ?? '').toLowerCase();
  return frame.meta?.preferredVisualisationType === 'nodeGraph' || name === 'nodes' || name === 'edges' || Boolean(findField(frame, 'source') && findField(frame, 'target'));
}

const isEdgesFrame = (frame: DataFrame) => Boolean(findField(frame, 'source') && findField(frame, 'target'));

/** Health from an arc__ split (Tempo service graphs: arc__success / arc__failed) when present. */
function arcHealth(frame: DataFrame, row: number): HealthStatus {
  const failed = frame.fields.find((f) => /^arc__(failed|errors?|failure)$/i.test(f.name));
  if (!failed) {
    return 'healthy';
  }
  const v = numberAt(failed, row);
  return v >= 0.1 ? 'failure' : v > 0 ? 'degraded' : 'healthy';
}

/** A node's service or workload page, when its row names all three parts. */
function pageAt(kind: string, namespace: string, name: string): NodePage | undefined {
  return (kind === 'service' || kind === 'workload') && namespace && name ? { kind, namespace, name } : undefined;
}

/**
 * Reads Grafana node-graph frames (nodes: `id`, `title`, `subtitle`, `mainstat`, `secondarystat`, `arc__*`;
 * edges: `id`, `source`, `target`, `mainstat`) into the view graph. Fails with a precise message when the
 * contract is broken; counts what it drops.
 */
export function parseNodeGraphFrames(series: readonly DataFrame[]): NodeGraphParseResult {
  const edgesFrame = series.find(isEdgesFrame);
  const nodesFrame = series.find((f) => f !== edgesFrame && findField(f, 'id'));
  if (!edgesFrame && !nodesFrame) {
    return { ok: false, error: 'No node-graph frame found: the nodes frame needs an id field, the edges frame id, source and target.' };
  }
  const nodes: ViewNode[] = [];
  const seen = new Set<string>();
  let droppedNodes = 0;
  const plain = (id: string, title = id, subtitle = '', stats: string[] = [], health: HealthStatus = 'healthy'): ViewNode => ({
    id,
    title,
    subtitle,
    shape: 'circle',
    health,
    reasons: health === 'healthy' ? [] : ['failed requests in the arc__ fields'],
    cluster: '',
    namespace: subtitle,
    flags: new Set(),
    stats,
  });
  if (nodesFrame) {
    const f = {
      id: findField(nodesFrame, 'id'),
      title: findField(nodesFrame, 'title'),
      subtitle: findField(nodesFrame, 'subtitle', 'subTitle'),
      main: findField(nodesFrame, 'mainstat', 'mainStat'),
      secondary: findField(nodesFrame, 'secondarystat', 'secondaryStat'),
      pageKind: findField(nodesFrame, 'detail__kind'),
      namespace: findField(nodesFrame, 'detail__namespace'),
      name: findField(nodesFrame, 'detail__name'),
    };
    for (let row = 0; row < nodesFrame.length; row++) {
      const id = stringAt(f.id, row);
      if (!id || seen.has(id)) {
        droppedNodes++;
        continue;
      }
      seen.add(id);
      const stats = [formatStat(f.main, row), formatStat(f.secondary, row)].filter(Boolean);
      const node = plain(id, stringAt(f.title, row) || id, stringAt(f.subtitle, row), stats, arcHealth(nodesFrame, row));
      const page = pageAt(stringAt(f.pageKind, row), stringAt(f.namespace, row), stringAt(f.name, row));
      nodes.push(page ? { ...node, page } : node);
    }
  }
  const edges: ViewEdge[] = [];
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
            nodes.push(plain(id));
          }
        }
      }
      if (!seen.has(source) || !seen.has(target)) {
        danglingEdges++;
        continue;
      }
      const main = numberAt(f.main, row);
      edges.push({
        id: stringAt(f.id, row) || `${source}->${target}`,
        source,
        target,
        protocol: 'other',
        health: 'healthy',
        reasons: [],
        rate: Number.isFinite(main) ? main : 0,
        errorPct: 0,
        percentReq: 0,
        label: formatStat(f.main, row),
      });
    }
  }
  return { ok: true, value: { graph: { nodes, edges, collapsed: [] }, droppedNodes, danglingEdges } };
}
