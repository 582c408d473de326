import { type RefObject, useCallback, useEffect, useState } from 'react';
import { flushSync } from 'react-dom';

/**
 * The rows of a fixed-row-height list that are in view (plus overscan), from the scroll position alone: O(1) per
 * scroll and nothing per row. A general virtualiser keeps a measurement object per row, rebuilt for 100,000 rows
 * on every load, collapse and expand; with one row height there is nothing to measure.
 */
export function useFixedRowWindow(ref: RefObject<HTMLElement | null>, count: number, rowHeight: number, viewportHeight: number, overscan: number) {
  const [scrollTop, setScrollTop] = useState(0);
  useEffect(() => {
    const el = ref.current;
    if (!el) {
      return;
    }
    // Rendered inside the scroll event, so the frame that shows the new position already has its rows.
    const onScroll = () => flushSync(() => setScrollTop(el.scrollTop));
    el.addEventListener('scroll', onScroll, { passive: true });
    return () => el.removeEventListener('scroll', onScroll);
  }, [ref]);
  // After the list shrinks (collapse all) the browser clamps scrollTop and says so in a later scroll event; clamping
  // here too draws the right rows at once instead of an empty window first.
  const top = Math.min(scrollTop, Math.max(0, count * rowHeight - viewportHeight));
  const first = Math.min(count, Math.max(0, Math.floor(top / rowHeight) - overscan));
  const last = Math.min(count, Math.ceil((top + viewportHeight) / rowHeight) + overscan);
  const scrollToIndex = useCallback(
    (index: number) => {
      if (ref.current) {
        // Centred, like the jump to a find match should be.
        ref.current.scrollTop = Math.max(0, index * rowHeight - (viewportHeight - rowHeight) / 2);
      }
    },
    [ref, rowHeight, viewportHeight]
  );
  return { first, last: Math.max(first, last), totalHeight: count * rowHeight, scrollToIndex };
}
