/**
 * Where a span bar's label goes, from the bar's edges in percent of the timeline. Outside the bar on the side with
 * room (right first, as Jaeger UI), and inside the bar, at its start, when neither side has room: a bar spanning the
 * whole view otherwise pushed its label under the name column, where it was cut off.
 */
export type BarLabelPlacement =
  { side: 'right'; left: number } | { side: 'left'; right: number } | { side: 'inside'; left: number };

/** Room, in percent of the timeline, a duration label such as "16.4ms" needs beside a bar. */
export const LABEL_ROOM_PCT = 12;

export function barLabelPlacement(left: number, right: number): BarLabelPlacement {
  const from = Math.max(0, Math.min(100, left));
  const to = Math.max(from, Math.min(100, right));
  if (100 - to >= LABEL_ROOM_PCT) {
    return { side: 'right', left: to };
  }
  if (from >= LABEL_ROOM_PCT) {
    return { side: 'left', right: 100 - from };
  }
  return { side: 'inside', left: from };
}
