import type * as cog from '@grafana/grafana-foundation-sdk/cog';
import { RowBuilder, type Panel, type RowPanel } from '@grafana/grafana-foundation-sdk/dashboard';

/** A titled band of panels that share one height; widths split 24 columns evenly unless given. */
export interface Section {
  row?: string;
  height: number;
  panels: Array<cog.Builder<Panel>>;
  /** Column widths, one per panel; a panel that does not fit on the current line starts a new one. */
  widths?: number[];
}

export const GRID_COLUMNS = 24;

/** Even split of 24 columns over n panels; the last panel takes the remainder so the band is full. */
export function evenWidths(n: number): number[] {
  if (n < 1 || n > GRID_COLUMNS) {
    throw new Error(`evenWidths: cannot split ${GRID_COLUMNS} columns over ${n} panels`);
  }
  const w = Math.floor(GRID_COLUMNS / n);
  return Array.from({ length: n }, (_, i) => (i === n - 1 ? GRID_COLUMNS - w * (n - 1) : w));
}

/**
 * Lays sections out top to bottom with explicit gridPos and stable panel ids (1, 2, ... in reading order), so the
 * generated JSON does not depend on the SDK's auto-placement and diffs stay readable.
 */
export function layout(sections: readonly Section[]): Array<Panel | RowPanel> {
  const out: Array<Panel | RowPanel> = [];
  let y = 0;
  let id = 1;
  for (const section of sections) {
    if (section.row) {
      const row = new RowBuilder(section.row).id(id++).gridPos({ x: 0, y, w: GRID_COLUMNS, h: 1 }).build();
      out.push(row);
      y += 1;
    }
    const widths = section.widths ?? evenWidths(section.panels.length);
    if (widths.length !== section.panels.length || widths.some((w) => w < 1 || w > GRID_COLUMNS)) {
      throw new Error(
        `layout: widths ${JSON.stringify(widths)} do not fit ${section.panels.length} panels in ${GRID_COLUMNS} columns`
      );
    }
    let x = 0;
    section.panels.forEach((builder, i) => {
      if (x + widths[i] > GRID_COLUMNS) {
        x = 0;
        y += section.height;
      }
      const panel = builder.build();
      out.push({ ...panel, id: id++, gridPos: { x, y, w: widths[i], h: section.height } });
      x += widths[i];
    });
    y += section.height;
  }
  return out;
}
