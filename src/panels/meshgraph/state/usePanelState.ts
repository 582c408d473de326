import { useCallback, useState } from 'react';

export type Selection = { id: string; kind: 'node' | 'edge' } | undefined;

/** Per-instance view state: selection, expanded namespaces, legend, live find/hide text, the focus unless cleared. */
export function usePanelState(initialFind: string, initialHide: string, focus: string) {
  const [selection, setSelection] = useState<Selection>(undefined);
  const [expanded, setExpanded] = useState<ReadonlySet<string>>(new Set());
  const [legend, setLegend] = useState(false);
  const [find, setFind] = useState(initialFind);
  const [hide, setHide] = useState(initialHide);
  const select = useCallback((id: string | undefined, kind: 'node' | 'edge' | undefined) => setSelection(id && kind ? { id, kind } : undefined), []);
  const expand = useCallback((id: string) => {
    setExpanded((prev) => new Set([...prev, id]));
    setSelection(undefined);
  }, []);
  const toggleLegend = useCallback(() => setLegend((v) => !v), []);
  // "Show all" clears the focus for this view only; a new focus text (option or variable) applies again.
  const [clearedFocus, setClearedFocus] = useState<string | undefined>(undefined);
  const activeFocus = focus === clearedFocus ? '' : focus;
  const clearFocus = useCallback(() => setClearedFocus(focus), [focus]);
  return { selection, select, expanded, expand, legend, toggleLegend, find, setFind, hide, setHide, focus: activeFocus, clearFocus };
}
