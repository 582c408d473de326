import { useCallback, useState } from 'react';
import { type TraceColumns } from '../model/columns';
import { collapseAll, collapseOneLevel, expandOneLevel, revealSpan } from '../model/rows';

/** Collapse state of one trace's rows (a byte per span). The view is keyed by trace, so columns never change here. */
export function useCollapse(columns: TraceColumns) {
  const [collapsed, setCollapsed] = useState<Uint8Array>(() => new Uint8Array(columns.count));
  const toggle = useCallback((i: number) => {
    setCollapsed((c) => {
      const next = Uint8Array.from(c);
      next[i] = c[i] ? 0 : 1;
      return next;
    });
  }, []);
  return {
    collapsed,
    toggle,
    collapseAll: useCallback(() => setCollapsed(collapseAll(columns)), [columns]),
    expandAll: useCallback(() => setCollapsed(new Uint8Array(columns.count)), [columns]),
    collapseLevel: useCallback(() => setCollapsed((c) => collapseOneLevel(columns, c)), [columns]),
    expandLevel: useCallback(() => setCollapsed((c) => expandOneLevel(columns, c)), [columns]),
    reveal: useCallback((i: number) => setCollapsed((c) => revealSpan(columns, c, i)), [columns]),
  };
}
