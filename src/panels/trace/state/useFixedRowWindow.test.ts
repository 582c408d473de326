import { act, renderHook } from '@testing-library/react';
import { useFixedRowWindow } from './useFixedRowWindow';

function scroller() {
  const el = document.createElement('div');
  return { el, ref: { current: el } };
}

describe('fixed-row window', () => {
  it('shows the rows in view plus overscan, and follows scrolling', () => {
    const { el, ref } = scroller();
    const { result } = renderHook(() => useFixedRowWindow(ref, 100_000, 24, 240, 10));
    expect(result.current).toMatchObject({ first: 0, last: 20, totalHeight: 2_400_000 });
    act(() => {
      el.scrollTop = 24 * 5000;
      el.dispatchEvent(new Event('scroll'));
    });
    expect(result.current).toMatchObject({ first: 4990, last: 5020 });
  });

  it('clamps a scroll position past the end after the list shrinks, so the last rows show at once', () => {
    const { el, ref } = scroller();
    const { result, rerender } = renderHook(({ count }) => useFixedRowWindow(ref, count, 24, 240, 10), { initialProps: { count: 100_000 } });
    act(() => {
      el.scrollTop = 24 * 50_000;
      el.dispatchEvent(new Event('scroll'));
    });
    rerender({ count: 30 });
    // 30 rows of 24 px in a 240 px viewport: the last 10 are in view, 10 more above as overscan.
    expect(result.current).toMatchObject({ first: 10, last: 30 });
    rerender({ count: 3 });
    expect(result.current).toMatchObject({ first: 0, last: 3 });
  });

  it('scrolls a row to the middle of the viewport', () => {
    const { el, ref } = scroller();
    const { result } = renderHook(() => useFixedRowWindow(ref, 1000, 24, 240, 10));
    act(() => result.current.scrollToIndex(500));
    expect(el.scrollTop).toBe(500 * 24 - (240 - 24) / 2);
  });
});
