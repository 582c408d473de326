/** Zoom at and above which node titles, badges and edge labels are drawn at their world size (12 px at k = 1). */
export const FULL_LABELS_ZOOM = 0.55;
/** Below full zoom, node titles are still drawn at a fixed screen size down to this zoom… */
export const TITLES_ONLY_ZOOM = 0.25;
/** …when no more nodes than this are in view (more would only overlap into a grey band). */
export const MAX_SCREEN_TITLES = 250;
/** Screen size of those titles, in CSS pixels. */
export const SCREEN_TITLE_PX = 10;

export type LabelDetail = 'full' | 'titles' | 'none';

/**
 * How much text to draw at zoom `k` with `visibleNodes` nodes in view. A page-sized mesh (Bookinfo plus its
 * ambient copy on the Graph page) fits at k ≈ 0.4, where world-sized labels would be 5 px: unreadable, so they
 * were hidden and every node was a nameless shape. Titles at a fixed screen size keep the names; edge labels
 * and badges wait for full zoom, where they have room.
 */
export function labelDetail(k: number, visibleNodes: number): LabelDetail {
  if (k >= FULL_LABELS_ZOOM) {
    return 'full';
  }
  return k >= TITLES_ONLY_ZOOM && visibleNodes <= MAX_SCREEN_TITLES ? 'titles' : 'none';
}
