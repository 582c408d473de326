import { type TraceSummary } from './summary';
import { type TraceHit } from './search';

export type SortKey = 'time' | 'duration' | 'spans' | 'errors';
export const SORT_KEYS: readonly SortKey[] = ['time', 'duration', 'spans', 'errors'];

/** A trace's counts as the page knows them: loaded, failed, or not yet asked for. */
export type KnownSummary = TraceSummary | { failed: string } | undefined;

const counts = (s: KnownSummary) => (s && !('failed' in s) ? s : undefined);

/**
 * The hits in the chosen order, biggest (or newest) first; ties by start time (newest first), then id. Sorting by
 * spans or errors needs each trace's counts: traces whose counts are not known yet (or failed) go last, in time
 * order, and are counted in `unknown` so the page can say so. Never mutates its input.
 */
export function sortHits(
  hits: readonly TraceHit[],
  key: SortKey,
  known: ReadonlyMap<string, KnownSummary>
): { hits: TraceHit[]; unknown: number } {
  const value = (h: TraceHit): number | undefined => {
    switch (key) {
      case 'time':
        return h.startMs;
      case 'duration':
        return h.durationMs;
      case 'spans':
        return counts(known.get(h.traceId))?.spans;
      case 'errors':
        return counts(known.get(h.traceId))?.errors;
    }
  };
  const sorted = [...hits].sort((a, b) => {
    const va = value(a);
    const vb = value(b);
    if (va === undefined || vb === undefined) {
      if (va !== vb) {
        return va === undefined ? 1 : -1;
      }
    } else if (va !== vb) {
      return vb - va;
    }
    return b.startMs - a.startMs || a.traceId.localeCompare(b.traceId);
  });
  return { hits: sorted, unknown: hits.filter((h) => value(h) === undefined).length };
}

/** Whether a hit had errors: true / false once its counts are known, undefined before. */
export function hasErrors(known: KnownSummary): boolean | undefined {
  const c = counts(known);
  return c ? c.errors > 0 : undefined;
}

/**
 * The result list as a JSON document for download: the search, then one entry per trace in the order shown,
 * with its counts where loaded (`counts: null` and the reason where not). Times are ISO and epoch ms.
 */
export function resultsJson(
  search: Record<string, string>,
  hits: readonly TraceHit[],
  known: ReadonlyMap<string, KnownSummary>,
  dataSource: { uid: string; kind: string }
): string {
  const traces = hits.map((h) => {
    const k = known.get(h.traceId);
    return {
      traceId: h.traceId,
      name: h.name,
      start: new Date(h.startMs).toISOString(),
      startMs: h.startMs,
      durationMs: h.durationMs,
      ...(h.rootService !== undefined ? { rootService: h.rootService } : {}),
      ...(h.matchedSpans !== undefined ? { matchedSpansListed: h.matchedSpans } : {}),
      counts: counts(k) ? { spans: counts(k)!.spans, errors: counts(k)!.errors, services: counts(k)!.services } : null,
      ...(k && 'failed' in k ? { countsFailed: k.failed } : {}),
    };
  });
  const query = Object.fromEntries(Object.entries(search).filter(([, v]) => v !== ''));
  return JSON.stringify({ dataSource, search: query, count: hits.length, traces }, null, 2);
}
