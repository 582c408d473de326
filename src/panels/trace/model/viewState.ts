import { type SpanFilter } from './find';
import { type SpanKind } from './types';
import { type TraceViewName } from '../types';

/**
 * The filter bar as the user typed it (strings, so inputs show exactly what was entered and "Clear" empties them),
 * plus "find matches only" and "critical path only". Kept in the URL (`meshlensFilters`) as JSON.
 */
export interface FilterDraft {
  readonly services: readonly string[];
  readonly operations: readonly string[];
  readonly minMs: string;
  readonly maxMs: string;
  readonly attributeKey: string;
  readonly attributeValue: string;
  readonly kinds: readonly SpanKind[];
  readonly errorsOnly: boolean;
  /** Prune to the find box's matches, following the find text as it changes. */
  readonly matchesOnly: boolean;
  readonly criticalOnly: boolean;
}

export const NO_FILTERS: FilterDraft = {
  services: [],
  operations: [],
  minMs: '',
  maxMs: '',
  attributeKey: '',
  attributeValue: '',
  kinds: [],
  errorsOnly: false,
  matchesOnly: false,
  criticalOnly: false,
};

const KINDS: readonly SpanKind[] = ['unspecified', 'internal', 'server', 'client', 'producer', 'consumer'];
const VIEWS: readonly TraceViewName[] = ['timeline', 'statistics', 'flamegraph', 'callgraph'];

const num = (v: string) => (v.trim() === '' || !Number.isFinite(Number(v)) ? undefined : Number(v));

/** What the engine filters by: the draft parsed, with the current find text when "matches only" is on. */
export function toSpanFilter(d: FilterDraft, findText: string): SpanFilter {
  return {
    text: d.matchesOnly && findText.trim() ? findText : undefined,
    services: d.services.length ? d.services : undefined,
    operations: d.operations.length ? d.operations : undefined,
    minDurationMs: num(d.minMs),
    maxDurationMs: num(d.maxMs),
    attributeKey: d.attributeKey.trim() || undefined,
    attributeValue: d.attributeKey.trim() && d.attributeValue ? d.attributeValue : undefined,
    errorsOnly: d.errorsOnly || undefined,
    kinds: d.kinds.length ? d.kinds : undefined,
  };
}

const strings = (v: unknown): string[] => (Array.isArray(v) ? v.filter((x): x is string => typeof x === 'string') : []);
const str = (v: unknown) => (typeof v === 'string' ? v : '');

/** Only what differs from NO_FILTERS, as JSON; undefined when nothing is set (the parameter is then removed). */
export function filtersToParam(d: FilterDraft): string | undefined {
  const out: Record<string, unknown> = {};
  for (const [k, v] of Object.entries(d)) {
    const empty = Array.isArray(v) ? v.length === 0 : v === '' || v === false;
    if (!empty) {
      out[k] = v;
    }
  }
  return Object.keys(out).length ? JSON.stringify(out) : undefined;
}

/** Reads the URL parameter; anything unreadable or of the wrong type is ignored (never throws). */
export function filtersFromParam(param: string | null | undefined): FilterDraft {
  if (!param) {
    return NO_FILTERS;
  }
  let v: unknown;
  try {
    v = JSON.parse(param);
  } catch {
    return NO_FILTERS;
  }
  if (typeof v !== 'object' || v === null || Array.isArray(v)) {
    return NO_FILTERS;
  }
  const o = v as Record<string, unknown>;
  return {
    services: strings(o.services),
    operations: strings(o.operations),
    minMs: str(o.minMs),
    maxMs: str(o.maxMs),
    attributeKey: str(o.attributeKey),
    attributeValue: str(o.attributeValue),
    kinds: strings(o.kinds).filter((k): k is SpanKind => (KINDS as readonly string[]).includes(k)),
    errorsOnly: o.errorsOnly === true,
    matchesOnly: o.matchesOnly === true,
    criticalOnly: o.criticalOnly === true,
  };
}

export const isDraftEmpty = (d: FilterDraft) => filtersToParam(d) === undefined;

export function viewFromParam(param: string | null | undefined): TraceViewName | undefined {
  return VIEWS.find((v) => v === param);
}

/** Where next/previous go from `current` (-1: no match visited yet, so next is the first and previous the last). */
export function stepIndex(current: number, count: number, dir: 1 | -1): number {
  if (count === 0) {
    return -1;
  }
  if (current < 0) {
    return dir > 0 ? 0 : count - 1;
  }
  return (current + dir + count) % count;
}

/**
 * The URL parameter of one panel's view state: `<base>-<panelId>` (`meshlensView-3`), so two trace panels on one
 * dashboard keep their own view. Without a panel id (outside a dashboard) the base name itself.
 */
export function panelParamName(base: string, panelId: number | undefined): string {
  return panelId === undefined ? base : `${base}-${panelId}`;
}

/**
 * Reads a panel's parameter: its own (`meshlensView-3`), else the shared un-suffixed one (`meshlensView`) that links
 * written before per-panel names, and links that do not know the panel, carry.
 */
export function readPanelParam(get: (name: string) => string | undefined, base: string, panelId: number | undefined): string | undefined {
  const own = get(panelParamName(base, panelId));
  return own !== undefined ? own : get(base);
}

/**
 * The URL change that writes a panel's parameter: its own name set (null removes it) and, once the panel writes,
 * the shared un-suffixed one removed, so a value the panel has since changed or cleared is not read back from it.
 * Undefined when the URL already says this (no change to make).
 */
export function panelParamUpdate(
  get: (name: string) => string | undefined,
  base: string,
  panelId: number | undefined,
  value: string | undefined
): Record<string, string | null> | undefined {
  const name = panelParamName(base, panelId);
  const update: Record<string, string | null> = {};
  if (get(name) !== value) {
    update[name] = value ?? null;
  }
  if (name !== base && get(base) !== undefined) {
    update[base] = null;
  }
  return Object.keys(update).length ? update : undefined;
}
