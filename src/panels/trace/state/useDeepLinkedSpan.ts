import { useState } from 'react';
import { indexOfSpanId, type TraceColumns } from '../model/columns';
import { readUrlParam } from './useUrlState';

/**
 * The span named in the page URL (`?meshlensSpan-<panelId>=<id>`, written by "Copy deep link", or the shared
 * `?meshlensSpan=<id>`), read once when the trace opens.
 */
export function useDeepLinkedSpan(columns: TraceColumns, panelId: number | undefined): number {
  const [span] = useState(() => {
    const id = readUrlParam('span', panelId);
    return id ? indexOfSpanId(columns.spanIds, id) : -1;
  });
  return span;
}
