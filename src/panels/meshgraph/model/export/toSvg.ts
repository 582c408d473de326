import { bounds } from '../layout/types';
import { type ViewGraph } from '../view/types';

const escapeXml = (s: string) =>
  s.replace(/[<>&"']/g, (c) => ({ '<': '&lt;', '>': '&gt;', '&': '&amp;', '"': '&quot;', "'": '&apos;' })[c]!);

export interface SvgColours {
  healthy: string;
  degraded: string;
  failure: string;
  idle: string;
  tcp: string;
  fill: string;
  text: string;
}

/** A standalone SVG of the laid-out graph (label text escaped: label values are untrusted). */
export function toSvg(graph: ViewGraph, xy: Float64Array, index: ReadonlyMap<string, number>, c: SvgColours): string {
  const { minX, minY, maxX, maxY } = bounds(xy);
  const pad = 60;
  const parts: string[] = [];
  const r = (v: number) => Math.round(v * 10) / 10;
  for (const e of graph.edges) {
    const a = index.get(e.source);
    const b = index.get(e.target);
    if (a === undefined || b === undefined) {
      continue;
    }
    const colour = e.protocol === 'tcp' && e.rate > 0 ? c.tcp : c[e.health];
    parts.push(
      `<line x1="${r(xy[2 * a])}" y1="${r(xy[2 * a + 1])}" x2="${r(xy[2 * b])}" y2="${r(xy[2 * b + 1])}" stroke="${colour}" stroke-width="1.5"/>`
    );
  }
  for (const n of graph.nodes) {
    const i = index.get(n.id);
    if (i === undefined) {
      continue;
    }
    const [x, y] = [r(xy[2 * i]), r(xy[2 * i + 1])];
    const shape =
      n.shape === 'square'
        ? `<rect x="${x - 16}" y="${y - 16}" width="32" height="32"`
        : n.shape === 'triangle'
          ? `<polygon points="${x},${y - 18} ${x + 18},${y + 14} ${x - 18},${y + 14}"`
          : `<circle cx="${x}" cy="${y}" r="${n.shape === 'hexagon' ? 24 : 16}"`;
    parts.push(`${shape} fill="${c.fill}" stroke="${c[n.health]}" stroke-width="3"/>`);
    parts.push(
      `<text x="${x}" y="${y + 30}" font-size="12" text-anchor="middle" fill="${c.text}">${escapeXml(n.title)}</text>`
    );
  }
  const w = r(maxX - minX + 2 * pad);
  const h = r(maxY - minY + 2 * pad);
  return `<svg xmlns="http://www.w3.org/2000/svg" width="${w}" height="${h}" viewBox="${r(minX - pad)} ${r(minY - pad)} ${w} ${h}" font-family="sans-serif">${parts.join('')}</svg>`;
}
