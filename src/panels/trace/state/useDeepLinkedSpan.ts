import { useState } from 'react';
import { indexOfSpanId, type TraceColumns } from '../model/columns';
import { readUrlParam, URL_PARAMS } from './useUrlState';

export const DEEP_LINK_PARAM = URL_PARAMS.span;

/** The span named in the page URL (`?meshlensSpan=<id>`, written by "Copy deep link"), read once when the trace opens. */
export function useDeepLinkedSpan(columns: TraceColumns): number {
  const [span] = useState(() => {
    const id = readUrlParam(DEEP_LINK_PARAM);
    return id ? indexOfSpanId(columns.spanIds, id) : -1;
  });
  return span;
}
