import { type Palette } from './palette';
import { HEALTH_KEYS } from './prepareScene';
import { drawChanges, drawLabels, drawNamespaceBoxes, drawScreenTitles } from './drawParts';
import { labelDetail } from './labelDetail';
import { NODE_RADIUS, type SceneState, shapePath } from './scene';
import { type Viewport, visibleWorld } from './viewport';

export { NODE_RADIUS, type SceneState } from './scene';

/**
 * Draws the graph: namespace boxes, edges batched by colour (one stroke per colour), arrowheads, mTLS
 * locks and labels only when zoomed in enough to read them (node titles earlier, at a fixed screen size), nodes batched by shape and health. Only
 * what lies in the viewport is drawn; label counts are capped so a zoomed-in dense area stays fast.
 */
export function drawScene(
  ctx: CanvasRenderingContext2D,
  s: SceneState,
  v: Viewport,
  width: number,
  height: number,
  p: Palette,
  dpr = 1
): DrawStats {
  const { prepared: ps, xy, graph } = s;
  const k = v.k;
  ctx.save();
  ctx.setTransform(1, 0, 0, 1, 0, 0);
  ctx.clearRect(0, 0, width * dpr, height * dpr);
  ctx.setTransform(dpr * k, 0, 0, dpr * k, dpr * v.x, dpr * v.y);
  const w = visibleWorld(v, width, height);
  const inView = (i: number) =>
    xy[2 * i] >= w.x0 && xy[2 * i] <= w.x1 && xy[2 * i + 1] >= w.y0 && xy[2 * i + 1] <= w.y1;

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
    // Kiali draws nodes without traffic (idle) with a dashed grey outline.
    ctx.setLineDash(HEALTH_KEYS[h] === 'idle' ? [5 / Math.max(k, 0.3), 4 / Math.max(k, 0.3)] : []);
    ctx.stroke();
  }
  ctx.setLineDash([]);

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

  const detail = labelDetail(k, visibleNodes.length);
  let shortenedTitles = 0;
  if (detail === 'full') {
    shortenedTitles = drawLabels(ctx, s, visibleNodes, visibleEdges, p, k);
  } else if (detail === 'titles') {
    shortenedTitles = drawScreenTitles(ctx, s, visibleNodes, p, k);
  }
  ctx.restore();
  return { shortenedTitles };
}

/** What a frame left out or shortened, for the footer. */
export interface DrawStats {
  /** Node titles drawn shortened (`head…tail`) because the next node on their line was too close. */
  shortenedTitles: number;
}
