/** Grafana's dashboard grid: 24 columns, 30 px rows, 8 px gaps; the preview adds a header for the variables. */
export const CELL_PX = 30;
export const GAP_PX = 8;
export const HEADER_PX = 72;

/** Page height for a dashboard: the header plus the lowest panel's bottom edge. */
export function previewHeight(panels: Array<{ gridPos: { y: number; h: number } }>): number {
  const rows = Math.max(0, ...panels.map((p) => p.gridPos.y + p.gridPos.h));
  return HEADER_PX + rows * (CELL_PX + GAP_PX) + GAP_PX;
}
