import { type ViewGraph } from '../../model/view/types';
import { type Palette } from './palette';
import { HEALTH_KEYS, type PreparedScene, SHAPES } from './prepareScene';
import { type Viewport, visibleWorld } from './viewport';

export const NODE_RADIUS = 16;
const MAX_NODE_LABELS = 600;
const MAX_EDGE_LABELS = 300;

export interface SceneState {
  graph: ViewGraph;
  prepared: PreparedScene;
  xy: Float64Array;
  selected?: string;
  matches: ReadonlySet<string>;
  showMtls: boolean;
  namespaceBoxes: boolean;
  /** Seconds, for traffic animation; undefined when off. */
  time?: number;
}

function shapePath(ctx: CanvasRenderingContext2D, shape: number, x: number, y: number, r: number) {
  switch (SHAPES[shape]) {
    case 'square':
      ctx.rect(x - r, y - r, 2 * r, 2 * r);
      break;
    case 'triangle':
      ctx.moveTo(x, y - r * 1.15);
      ctx.lineTo(x + r * 1.1, y + r * 0.85);
      ctx.lineTo(x - r * 1.1, y + r * 0.85);
      ctx.closePath();
      break;
    case 'plate':
      ctx.moveTo(x - r * 0.7, y - r * 0.8);
      ctx.lineTo(x + r * 0.7, y - r * 0.8);
      ctx.lineTo(x + r * 1.1, y + r * 0.8);
      ctx.lineTo(x - r * 1.1, y + r * 0.8);
      ctx.closePath();
      break;
    case 'hexagon':
      for (let a = 0; a < 6; a++) {
        const t = (Math.PI / 3) * a;
        const px = x + r * 1.6 * Math.cos(t);
        const py = y + r * 1.6 * Math.sin(t);
        a === 0 ? ctx.moveTo(px, py) : ctx.lineTo(px, py);
      }
      ctx.closePath();
      break;
    default:
      ctx.moveTo(x + r, y);
      ctx.arc(x, y, r, 0, Math.PI * 2);
  }
}

function drawNamespaceBoxes(ctx: CanvasRenderingContext2D, s: SceneState, p: Palette, k: number) {
  const { prepared: ps, xy } = s;
  if (ps.groups.length < 2) {
    return;
  }
  const g = ps.groups.length;
  const box = new Float64Array(4 * g).fill(NaN);
  for (let i = 0; i < ps.nodeCount; i++) {
    const b = 4 * ps.nodeGroup[i];
    const x = xy[2 * i];
    const y = xy[2 * i + 1];
    box[b] = Number.isNaN(box[b]) ? x : Math.min(box[b], x);
    box[b + 1] = Number.isNaN(box[b + 1]) ? y : Math.min(box[b + 1], y);
    box[b + 2] = Number.isNaN(box[b + 2]) ? x : Math.max(box[b + 2], x);
    box[b + 3] = Number.isNaN(box[b + 3]) ? y : Math.max(box[b + 3], y);
  }
  ctx.fillStyle = p.box;
  ctx.strokeStyle = p.boxBorder;
  ctx.lineWidth = 1 / k;
  ctx.font = `${12 / Math.max(k, 0.5)}px sans-serif`;
  const pad = NODE_RADIUS * 2.2;
  for (let j = 0; j < g; j++) {
    if (ps.groups[j] === '' || Number.isNaN(box[4 * j])) {
      continue;
    }
    const [x0, y0, x1, y1] = [box[4 * j] - pad, box[4 * j + 1] - pad, box[4 * j + 2] + pad, box[4 * j + 3] + pad * 1.6];
    ctx.fillRect(x0, y0, x1 - x0, y1 - y0);
    ctx.strokeRect(x0, y0, x1 - x0, y1 - y0);
    if (k > 0.15) {
      ctx.fillStyle = p.textSecondary;
      ctx.fillText(ps.groups[j].split('/')[1] ?? '', x0 + 4 / k, y0 + 14 / Math.max(k, 0.5));
      ctx.fillStyle = p.box;
    }
  }
}

/**
 * Draws the graph: namespace boxes, edges batched by colour (one stroke per colour), arrowheads, mTLS
 * locks and labels only when zoomed in enough to read them, nodes batched by shape and health. Only
 * what lies in the viewport is drawn; label counts are capped so a zoomed-in dense area stays fast.
 */
export function drawScene(ctx: CanvasRenderingContext2D, s: SceneState, v: Viewport, width: number, height: number, p: Palette, dpr = 1) {
  const { prepared: ps, xy, graph } = s;
  const k = v.k;
  ctx.save();
  ctx.setTransform(1, 0, 0, 1, 0, 0);
  ctx.clearRect(0, 0, width * dpr, height * dpr);
  ctx.setTransform(dpr * k, 0, 0, dpr * k, dpr * v.x, dpr * v.y);
  const w = visibleWorld(v, width, height);
  const inView = (i: number) => xy[2 * i] >= w.x0 && xy[2 * i] <= w.x1 && xy[2 * i + 1] >= w.y0 && xy[2 * i + 1] <= w.y1;

  if (s.namespaceBoxes) {
    drawNamespaceBoxes(ctx, s, p, k);
  }

  const colors = [...HEALTH_KEYS.map((h) => p.health[h]), p.tcp];
  const m = ps.edgeSrc.length;
  const visibleEdges: number[] = [];
  for (let j = 0; j < m; j++) {
    const a = ps.edgeSrc[j];
    const b = ps.edgeDst[j];
    if (a < 0 || b < 0) {
      continue;
    }
    const [ax, ay, bx, by] = [xy[2 * a], xy[2 * a + 1], xy[2 * b], xy[2 * b + 1]];
    if (Math.max(ax, bx) < w.x0 || Math.min(ax, bx) > w.x1 || Math.max(ay, by) < w.y0 || Math.min(ay, by) > w.y1) {
      continue;
    }
    visibleEdges.push(j);
  }
  ctx.lineWidth = Math.max(1 / k, 1.2);
  const arrows = k >= 0.35;
  for (let c = 0; c < colors.length; c++) {
    ctx.beginPath();
    for (const j of visibleEdges) {
      if (ps.edgeColor[j] !== c) {
        continue;
      }
      const a = ps.edgeSrc[j];
      const b = ps.edgeDst[j];
      const [ax, ay, bx, by] = [xy[2 * a], xy[2 * a + 1], xy[2 * b], xy[2 * b + 1]];
      if (a === b) {
        ctx.moveTo(ax + NODE_RADIUS, ay);
        ctx.arc(ax + NODE_RADIUS, ay - NODE_RADIUS, NODE_RADIUS, Math.PI / 2, Math.PI * 2.3);
        continue;
      }
      ctx.moveTo(ax, ay);
      ctx.lineTo(bx, by);
    }
    ctx.strokeStyle = colors[c];
    ctx.stroke();
    if (arrows) {
      ctx.beginPath();
      for (const j of visibleEdges) {
        const a = ps.edgeSrc[j];
        const b = ps.edgeDst[j];
        if (ps.edgeColor[j] !== c || a === b) {
          continue;
        }
        const [ax, ay, bx, by] = [xy[2 * a], xy[2 * a + 1], xy[2 * b], xy[2 * b + 1]];
        const len = Math.hypot(bx - ax, by - ay) || 1;
        const ux = (bx - ax) / len;
        const uy = (by - ay) / len;
        const tx = bx - ux * (NODE_RADIUS + 2);
        const ty = by - uy * (NODE_RADIUS + 2);
        ctx.moveTo(tx, ty);
        ctx.lineTo(tx - ux * 9 - uy * 4.5, ty - uy * 9 + ux * 4.5);
        ctx.lineTo(tx - ux * 9 + uy * 4.5, ty - uy * 9 - ux * 4.5);
        ctx.closePath();
      }
      ctx.fillStyle = colors[c];
      ctx.fill();
    }
  }

  if (s.matches.size > 0) {
    // Edges the find expression matched: a wide translucent band under the coloured line.
    ctx.beginPath();
    for (const j of visibleEdges) {
      if (s.matches.has(graph.edges[j].id) && ps.edgeSrc[j] !== ps.edgeDst[j]) {
        const a = ps.edgeSrc[j];
        const b = ps.edgeDst[j];
        ctx.moveTo(xy[2 * a], xy[2 * a + 1]);
        ctx.lineTo(xy[2 * b], xy[2 * b + 1]);
      }
    }
    ctx.save();
    ctx.globalAlpha = 0.45;
    ctx.strokeStyle = p.match;
    ctx.lineWidth = Math.max(6, 4 / k);
    ctx.stroke();
    ctx.restore();
  }

  drawChanges(ctx, s, visibleEdges, p, k);

  if (s.time !== undefined) {
    ctx.fillStyle = p.text;
    ctx.beginPath();
    for (const j of visibleEdges.slice(0, 3000)) {
      const a = ps.edgeSrc[j];
      const b = ps.edgeDst[j];
      if (ps.edgeSpeed[j] === 0 || a === b) {
        continue;
      }
      const t = (s.time * ps.edgeSpeed[j] + (j % 17) / 17) % 1;
      const x = xy[2 * a] + (xy[2 * b] - xy[2 * a]) * t;
      const y = xy[2 * a + 1] + (xy[2 * b + 1] - xy[2 * a + 1]) * t;
      ctx.moveTo(x + 2.5, y);
      ctx.arc(x, y, 2.5, 0, Math.PI * 2);
    }
    ctx.fill();
  }

  const visibleNodes: number[] = [];
  for (let i = 0; i < ps.nodeCount; i++) {
    if (inView(i)) {
      visibleNodes.push(i);
    }
  }
  const tiny = k < 0.12;
  ctx.lineWidth = Math.max(2.5, 1.5 / k);
  for (let h = 0; h < HEALTH_KEYS.length; h++) {
    if (tiny) {
      ctx.fillStyle = p.health[HEALTH_KEYS[h]];
      for (const i of visibleNodes) {
        if (ps.nodeHealth[i] === h) {
          ctx.fillRect(xy[2 * i] - NODE_RADIUS, xy[2 * i + 1] - NODE_RADIUS, 2 * NODE_RADIUS, 2 * NODE_RADIUS);
        }
      }
      continue;
    }
    ctx.beginPath();
    for (const i of visibleNodes) {
      if (ps.nodeHealth[i] === h) {
        shapePath(ctx, ps.nodeShape[i], xy[2 * i], xy[2 * i + 1], NODE_RADIUS);
      }
    }
    ctx.fillStyle = p.nodeFill;
    ctx.fill();
    ctx.strokeStyle = p.health[HEALTH_KEYS[h]];
    ctx.stroke();
  }

  const highlight = (id: string | undefined, color: string) => {
    const i = id === undefined ? undefined : graph.nodes.findIndex((n) => n.id === id);
    if (i === undefined || i < 0) {
      return;
    }
    ctx.beginPath();
    shapePath(ctx, ps.nodeShape[i], xy[2 * i], xy[2 * i + 1], NODE_RADIUS + 6 / Math.max(k, 0.3));
    ctx.strokeStyle = color;
    ctx.lineWidth = 3 / Math.max(k, 0.3);
    ctx.stroke();
  };
  if (s.matches.size > 0) {
    ctx.beginPath();
    for (const i of visibleNodes) {
      if (s.matches.has(graph.nodes[i].id)) {
        shapePath(ctx, ps.nodeShape[i], xy[2 * i], xy[2 * i + 1], NODE_RADIUS + 5 / Math.max(k, 0.3));
      }
    }
    ctx.strokeStyle = p.match;
    ctx.lineWidth = 3 / Math.max(k, 0.3);
    ctx.stroke();
  }
  highlight(s.selected, p.selection);

  if (k >= 0.55) {
    drawLabels(ctx, s, visibleNodes, visibleEdges, p, k);
  }
  ctx.restore();
}

function drawLabels(ctx: CanvasRenderingContext2D, s: SceneState, nodes: number[], edges: number[], p: Palette, k: number) {
  const { xy, prepared: ps, graph } = s;
  ctx.textAlign = 'center';
  ctx.textBaseline = 'middle';
  ctx.font = '12px sans-serif';
  ctx.fillStyle = p.text;
  for (const i of nodes.slice(0, MAX_NODE_LABELS)) {
    const node = graph.nodes[i];
    const title = node.collapsed ? `${node.title} (${node.collapsed.members})` : node.title;
    ctx.fillText(title, xy[2 * i], xy[2 * i + 1] + NODE_RADIUS + 12);
  }
  if (k >= 0.9) {
    ctx.font = '10px sans-serif';
    ctx.fillStyle = p.textSecondary;
    for (const i of nodes.slice(0, MAX_NODE_LABELS)) {
      const sub = graph.nodes[i].subtitle;
      if (sub) {
        ctx.fillText(sub, xy[2 * i], xy[2 * i + 1] + NODE_RADIUS + 25);
      }
    }
  }
  ctx.font = '10px sans-serif';
  let drawn = 0;
  for (const j of edges) {
    const e = graph.edges[j];
    const lock = s.showMtls && ps.edgeMtls[j] === 1;
    if ((!e.label && !lock) || drawn >= MAX_EDGE_LABELS || ps.edgeSrc[j] === ps.edgeDst[j]) {
      continue;
    }
    drawn++;
    const a = ps.edgeSrc[j];
    const b = ps.edgeDst[j];
    const mx = (xy[2 * a] + xy[2 * b]) / 2;
    const my = (xy[2 * a + 1] + xy[2 * b + 1]) / 2;
    const lockWidth = lock ? 12 : 0;
    const wText = (e.label ? ctx.measureText(e.label).width : 0) + 6 + lockWidth;
    ctx.fillStyle = p.background;
    ctx.fillRect(mx - wText / 2, my - 7, wText, 14);
    if (lock) {
      drawLock(ctx, mx - wText / 2 + 8, my, p.textSecondary);
    }
    ctx.fillStyle = p.textSecondary;
    ctx.fillText(e.label, mx + lockWidth / 2, my);
  }
}

/** Kiali's mTLS padlock, drawn (fonts in headless or locked-down browsers may lack the emoji). */
function drawLock(ctx: CanvasRenderingContext2D, x: number, y: number, color: string) {
  ctx.save();
  ctx.strokeStyle = color;
  ctx.fillStyle = color;
  ctx.lineWidth = 1.2;
  ctx.fillRect(x - 4, y - 1, 8, 6);
  ctx.beginPath();
  ctx.arc(x, y - 2, 2.8, Math.PI, 0);
  ctx.stroke();
  ctx.restore();
}

/** Comparing windows: new edges under a wide band, changed ones under a dashed band, gone ones dashed grey. */
function drawChanges(ctx: CanvasRenderingContext2D, s: SceneState, visibleEdges: number[], p: Palette, k: number) {
  const { prepared: ps, xy, graph } = s;
  const styles: Array<['new' | 'changed' | 'gone', string, number[]]> = [
    ['new', p.tcp, []],
    ['changed', p.match, [8 / k, 6 / k]],
    ['gone', p.health.idle, [4 / k, 4 / k]],
  ];
  for (const [change, color, dash] of styles) {
    ctx.beginPath();
    let any = false;
    for (const j of visibleEdges) {
      if (graph.edges[j].change === change && ps.edgeSrc[j] !== ps.edgeDst[j]) {
        const a = ps.edgeSrc[j];
        const b = ps.edgeDst[j];
        ctx.moveTo(xy[2 * a], xy[2 * a + 1]);
        ctx.lineTo(xy[2 * b], xy[2 * b + 1]);
        any = true;
      }
    }
    if (!any) {
      continue;
    }
    ctx.save();
    ctx.setLineDash(dash);
    ctx.globalAlpha = change === 'gone' ? 0.9 : 0.35;
    ctx.strokeStyle = color;
    ctx.lineWidth = change === 'gone' ? Math.max(1.5, 1.5 / k) : Math.max(7, 5 / k);
    ctx.stroke();
    ctx.restore();
  }
}
