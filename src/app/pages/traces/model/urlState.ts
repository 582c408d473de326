import { type SceneObjectUrlValues } from '@grafana/scenes';
import { checkTraceId } from './traceIds';
import { SORT_KEYS, type SortKey } from './results';
import { type TraceSearch } from './search';

const SEARCH_KEYS = ['service', 'operation', 'tags', 'minDuration', 'maxDuration', 'limit', 'peer'] as const;
/** The Traces page's URL parameters. */
export const URL_KEYS = [...SEARCH_KEYS, 'traceId', 'sort'] as const;
/** Fields that make a search from the URL run on load (the limit alone does not). */
const CRITERIA = ['service', 'operation', 'tags', 'minDuration', 'maxDuration', 'peer'] as const;

/** The part of the page's state kept in the URL. */
export interface SearchUrlState {
  search: TraceSearch;
  searched: boolean;
  traceId?: string;
  /** `?traceId=` that is no trace id: shown, never queried. */
  traceIdError?: string;
  sort: SortKey;
}

/** The URL's values for the state: search fields only once searched, empty ones left out, the default sort left out. */
export function toUrlValues(s: SearchUrlState): SceneObjectUrlValues {
  const search = s.searched ? Object.fromEntries(Object.entries(s.search).map(([k, v]) => [k, v || undefined])) : {};
  return { ...search, traceId: s.traceId, sort: s.sort === 'time' ? undefined : s.sort };
}

/**
 * The state the URL's values give, from the current one: search fields the URL names replace the current ones; a
 * search runs when any criterion is set; an unknown sort is "time"; a `traceId` that is no trace id is kept as
 * written with the reason, so it is shown and never queried.
 */
export function fromUrlValues(values: SceneObjectUrlValues, current: SearchUrlState): SearchUrlState {
  const search = { ...current.search };
  for (const key of SEARCH_KEYS) {
    const v = values[key];
    if (typeof v === 'string') {
      search[key] = v;
    }
  }
  const rawId = typeof values.traceId === 'string' ? values.traceId : undefined;
  const check = rawId === undefined ? undefined : checkTraceId(rawId);
  return {
    search,
    searched: CRITERIA.some((k) => search[k].trim() !== ''),
    sort: SORT_KEYS.find((k) => k === values.sort) ?? 'time',
    traceId: check?.ok ? check.id : (rawId ?? current.traceId),
    traceIdError: check && !check.ok ? check.error : undefined,
  };
}
