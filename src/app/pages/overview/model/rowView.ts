import { HEALTH_SORT_ORDER } from '../../../../shared/health';
import { type NamespaceRow } from './namespaceRows';

export type SortKey = 'namespace' | 'health' | 'requestRate' | 'errorPct' | 'p95Ms' | 'mtlsPct' | 'workloads';
export type SortDir = 'asc' | 'desc';

export const SORT_KEYS: readonly SortKey[] = ['namespace', 'health', 'requestRate', 'errorPct', 'p95Ms', 'mtlsPct', 'workloads'];

export function isSortKey(value: unknown): value is SortKey {
  return typeof value === 'string' && (SORT_KEYS as readonly string[]).includes(value);
}

/** Rows whose namespace contains `text` (case-insensitive). Returns a new array. */
export function filterRows(rows: readonly NamespaceRow[], text: string): NamespaceRow[] {
  const needle = text.trim().toLowerCase();
  return needle ? rows.filter((r) => r.namespace.toLowerCase().includes(needle)) : [...rows];
}

/** A sorted copy; rows without a value for the key always go last, ties by namespace. */
export function sortRows(rows: readonly NamespaceRow[], key: SortKey, dir: SortDir): NamespaceRow[] {
  const sign = dir === 'asc' ? 1 : -1;
  const valueOf = (r: NamespaceRow): number | string | null =>
    key === 'namespace' ? r.namespace : key === 'health' ? HEALTH_SORT_ORDER[r.health] : r[key];
  return [...rows].sort((a, b) => {
    const va = valueOf(a);
    const vb = valueOf(b);
    if (va === null || vb === null) {
      return va === vb ? a.namespace.localeCompare(b.namespace) : va === null ? 1 : -1;
    }
    const c = typeof va === 'string' ? va.localeCompare(vb as string) : va - (vb as number);
    return c === 0 ? a.namespace.localeCompare(b.namespace) : sign * c;
  });
}
