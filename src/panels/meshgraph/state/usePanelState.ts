import { useCallback, useState } from 'react';

export type Selection = { id: string; kind: 'node' | 'edge' } | undefined;

/** Per-instance view state: selection, expanded namespaces, legend, live find/hide text. */
export function usePanelState(initialFind: string, initialHide: string) {
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
  return { selection, select, expanded, expand, legend, toggleLegend, find, setFind, hide, setHide };
}
