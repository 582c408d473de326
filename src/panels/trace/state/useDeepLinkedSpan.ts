import { useState } from 'react';
import { locationService } from '@grafana/runtime';
import { indexOfSpanId, type TraceColumns } from '../model/columns';

export const DEEP_LINK_PARAM = 'meshlensSpan';

/** The span named in the page URL (`?meshlensSpan=<id>`, written by "Copy deep link"), read once when the trace opens. */
export function useDeepLinkedSpan(columns: TraceColumns): number {
  const [span] = useState(() => {
    const id = new URLSearchParams(locationService.getLocation().search).get(DEEP_LINK_PARAM);
    return id ? indexOfSpanId(columns.spanIds, id) : -1;
  });
  return span;
}
