import { useCallback, useMemo, useState } from 'react';
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
  // One object per state, so consumers (the view context) change only when the collapse state does.
  return useMemo(
    () => ({
      collapsed,
      toggle,
      collapseAll: () => setCollapsed(collapseAll(columns)),
      expandAll: () => setCollapsed(new Uint8Array(columns.count)),
      collapseLevel: () => setCollapsed((c) => collapseOneLevel(columns, c)),
      expandLevel: () => setCollapsed((c) => expandOneLevel(columns, c)),
      reveal: (i: number) => setCollapsed((c) => revealSpan(columns, c, i)),
    }),
    [collapsed, toggle, columns]
  );
}
