import { BADGE_TEXT } from '../../model/view/badges';
import { SCREEN_TITLE_PX } from './labelDetail';
import { type Palette } from './palette';
import { NODE_RADIUS, type SceneState } from './scene';
import { fitTitle, titleRoom } from './titleFit';

const MAX_NODE_LABELS = 600;
const MAX_EDGE_LABELS = 300;

export function drawNamespaceBoxes(ctx: CanvasRenderingContext2D, s: SceneState, p: Palette, k: number) {
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
    // The namespace name gets its own line above the top row of nodes (it overlapped the first node's shape).
    const title = k > 0.15 ? 16 / Math.max(k, 0.5) : 0;
    const [x0, y0, x1, y1] = [
      box[4 * j] - pad,
      box[4 * j + 1] - pad - title,
      box[4 * j + 2] + pad,
      box[4 * j + 3] + pad * 1.6,
    ];
    ctx.fillRect(x0, y0, x1 - x0, y1 - y0);
    ctx.strokeRect(x0, y0, x1 - x0, y1 - y0);
    if (k > 0.15) {
      ctx.fillStyle = p.textSecondary;
      ctx.fillText(ps.groups[j].split('/')[1] ?? '', x0 + 4 / k, y0 + 14 / Math.max(k, 0.5));
      ctx.fillStyle = p.box;
    }
  }
}

function nodeTitle(s: SceneState, i: number): string {
  const node = s.graph.nodes[i];
  return node.collapsed ? `${node.title} (${node.collapsed.members})` : node.title;
}

/**
 * Draws the titles of `nodes` below them in the current font (`size`: its height in world units), each shortened to
 * the room to its neighbour on the same line; returns how many were shortened.
 */
function drawTitles(ctx: CanvasRenderingContext2D, s: SceneState, nodes: number[], size: number, below: number): number {
  const { xy } = s;
  const room = titleRoom(xy, nodes, size * 1.2);
  const measure = (text: string) => ctx.measureText(text).width;
  let shortened = 0;
  for (const i of nodes) {
    const title = nodeTitle(s, i);
    const shown = fitTitle(title, room.get(i)! - size * 0.8, measure);
    shortened += shown === title ? 0 : 1;
    ctx.fillText(shown, xy[2 * i], xy[2 * i + 1] + NODE_RADIUS + below);
  }
  return shortened;
}

/**
 * Node titles only, at a fixed screen size (labelDetail 'titles'): names stay readable when the graph is fitted
 * small. Returns how many were shortened to fit.
 */
export function drawScreenTitles(ctx: CanvasRenderingContext2D, s: SceneState, nodes: number[], p: Palette, k: number): number {
  ctx.textAlign = 'center';
  ctx.textBaseline = 'middle';
  ctx.font = `${SCREEN_TITLE_PX / k}px sans-serif`;
  ctx.fillStyle = p.text;
  return drawTitles(ctx, s, nodes, SCREEN_TITLE_PX / k, (SCREEN_TITLE_PX * 0.9) / k);
}

/** Full labels (titles shortened to fit, badges, namespaces, edge labels); returns how many titles were shortened. */
export function drawLabels(
  ctx: CanvasRenderingContext2D,
  s: SceneState,
  nodes: number[],
  edges: number[],
  p: Palette,
  k: number
): number {
  const { xy, prepared: ps, graph } = s;
  ctx.textAlign = 'center';
  ctx.textBaseline = 'middle';
  ctx.font = '12px sans-serif';
  ctx.fillStyle = p.text;
  const shortened = drawTitles(ctx, s, nodes.slice(0, MAX_NODE_LABELS), 12, 12);
  drawBadges(ctx, s, nodes.slice(0, MAX_NODE_LABELS), p);
  ctx.font = '12px sans-serif';
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
  return shortened;
}

/** Comparing windows: new edges under a wide band, changed ones under a dashed band, gone ones dashed grey. */
export function drawChanges(
  ctx: CanvasRenderingContext2D,
  s: SceneState,
  visibleEdges: number[],
  p: Palette,
  k: number
) {
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

/** Kiali's node badges as small labelled pills above the node (badges.ts names them), left to right. */
function drawBadges(ctx: CanvasRenderingContext2D, s: SceneState, nodes: number[], p: Palette) {
  const { xy, graph } = s;
  ctx.font = 'bold 9px sans-serif';
  for (const i of nodes) {
    const badges = graph.nodes[i].badges;
    if (!badges || badges.length === 0) {
      continue;
    }
    const texts = badges.map((b) => BADGE_TEXT[b].short);
    const widths = texts.map((t) => ctx.measureText(t).width + 6);
    let x = xy[2 * i] - (widths.reduce((a, b) => a + b, 0) + 2 * (widths.length - 1)) / 2;
    const y = xy[2 * i + 1] - NODE_RADIUS - 14;
    texts.forEach((text, j) => {
      ctx.fillStyle = p.badge;
      ctx.fillRect(x, y - 6, widths[j], 12);
      ctx.fillStyle = p.badgeText;
      ctx.fillText(text, x + widths[j] / 2, y);
      x += widths[j] + 2;
    });
  }
}
