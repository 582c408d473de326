import { useMemo } from 'react';
import { FLAG_CRITICAL, type TraceColumns } from '../model/columns';
import { isFilterEmpty, type SpanFilter } from '../model/find';
import { keepWithAncestors } from '../model/rows';
import { type EngineClient } from './engineClient';
import { useKeyedRequest } from './useKeyedRequest';

/**
 * Structured filters and "critical path only". The engine computes the match mask (attributes live there);
 * pruning keeps ancestors of matches, so the tree stays intact and the rest is counted in placeholder rows.
 */
export function useSpanFilter(client: EngineClient, columns: TraceColumns, filter: SpanFilter, criticalOnly: boolean) {
  const active = !isFilterEmpty(filter);
  // Keyed by content, so an equal filter built anew on each render asks nothing again.
  const key = active ? JSON.stringify(filter) : undefined;
  const result = useKeyedRequest(key, () => client.request({ type: 'filter', filter }));
  // While a changed filter is asked, the previous mask stays (rows do not flash unfiltered in between).
  const mask = active ? (result.value ?? (result.pending ? result.latest : undefined)) : undefined;

  const keep = useMemo(() => {
    if (!mask && !criticalOnly) {
      return undefined;
    }
    const match = new Uint8Array(columns.count);
    for (let i = 0; i < columns.count; i++) {
      const m = (!mask || mask[i] === 1) && (!criticalOnly || (columns.flags[i] & FLAG_CRITICAL) !== 0);
      match[i] = m ? 1 : 0;
    }
    return keepWithAncestors(columns, match);
  }, [mask, criticalOnly, columns]);

  return { keep, error: active ? result.error : undefined };
}
