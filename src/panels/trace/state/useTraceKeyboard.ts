import { type KeyboardEvent, useCallback } from 'react';

export interface KeyActions {
  nextMatch: () => void;
  prevMatch: () => void;
  collapseAll: () => void;
  expandAll: () => void;
  collapseLevel: () => void;
  expandLevel: () => void;
  pan: (by: number) => void;
  zoom: (factor: number) => void;
  resetZoom: () => void;
  focusFind: () => void;
  toggleHelp: () => void;
  escape: () => void;
}

/** The shortcut table, shown by the help overlay; keys follow Jaeger UI where it has one. */
export const SHORTCUTS: ReadonlyArray<{ keys: string; action: string }> = [
  { keys: 'n / Enter', action: 'Next match' },
  { keys: 'N / Shift+Enter', action: 'Previous match' },
  { keys: ']', action: 'Collapse all' },
  { keys: '[', action: 'Expand all' },
  { keys: 'p', action: 'Collapse one level' },
  { keys: 'o', action: 'Expand one level' },
  { keys: 'a / ←', action: 'Pan left (Shift: more)' },
  { keys: 'd / →', action: 'Pan right (Shift: more)' },
  { keys: 'w / ↑', action: 'Zoom in (Shift: more)' },
  { keys: 's / ↓', action: 'Zoom out (Shift: more)' },
  { keys: '0', action: 'Reset zoom' },
  { keys: '/ or Ctrl+B', action: 'Find' },
  { keys: '?', action: 'This help' },
  { keys: 'Esc', action: 'Close detail or help' },
];

const INTERACTIVE = 'button, a[href], select, summary, [role="button"], [role="link"], [role="menuitem"], [role="option"], [role="tab"], [role="checkbox"], [role="radio"], [role="switch"], [role="combobox"]';

/** True when Enter or Space on this element belongs to the element itself (it activates a button or follows a link). */
export function activatesItself(target: Element): boolean {
  return target.closest(INTERACTIVE) !== null;
}

/** Keyboard handler for the panel root; keys typed into inputs are left alone, and Enter/Space on controls too. */
export function useTraceKeyboard(a: KeyActions) {
  return useCallback(
    (e: KeyboardEvent) => {
      const target = e.target as HTMLElement;
      const typing = target.tagName === 'INPUT' || target.tagName === 'TEXTAREA' || target.isContentEditable;
      if ((e.key === 'Enter' || e.key === ' ') && activatesItself(target)) {
        return;
      }
      if ((e.ctrlKey && e.key === 'b') || (!typing && e.key === '/')) {
        e.preventDefault();
        a.focusFind();
        return;
      }
      if (e.key === 'Escape') {
        a.escape();
        return;
      }
      if (typing || e.ctrlKey || e.metaKey || e.altKey) {
        return;
      }
      const step = e.shiftKey ? 0.5 : 0.1;
      const map: Record<string, () => void> = {
        n: a.nextMatch,
        Enter: e.shiftKey ? a.prevMatch : a.nextMatch,
        N: a.prevMatch,
        ']': a.collapseAll,
        '[': a.expandAll,
        p: a.collapseLevel,
        o: a.expandLevel,
        a: () => a.pan(-step),
        A: () => a.pan(-step),
        ArrowLeft: () => a.pan(-step),
        d: () => a.pan(step),
        D: () => a.pan(step),
        ArrowRight: () => a.pan(step),
        w: () => a.zoom(e.shiftKey ? 0.5 : 0.8),
        W: () => a.zoom(0.5),
        ArrowUp: () => a.zoom(e.shiftKey ? 0.5 : 0.8),
        s: () => a.zoom(e.shiftKey ? 2 : 1.25),
        S: () => a.zoom(2),
        ArrowDown: () => a.zoom(e.shiftKey ? 2 : 1.25),
        '0': a.resetZoom,
        '?': a.toggleHelp,
      };
      const action = map[e.key];
      if (action) {
        e.preventDefault();
        action();
      }
    },
    [a]
  );
}
