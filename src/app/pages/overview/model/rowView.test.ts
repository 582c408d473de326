import { type NamespaceRow } from './namespaceRows';
import { filterRows, isSortKey, sortRows } from './rowView';

const row = (namespace: string, over: Partial<NamespaceRow> = {}): NamespaceRow => ({
  namespace,
  workloads: 1,
  services: 1,
  requestRate: 1,
  errorPct: 0,
  p95Ms: 10,
  mtlsPct: 100,
  health: 'healthy',
  healthReasons: [],
  trend: null,
  noTraffic: false,
  noSidecars: false,
  proxies: null,
  ...over,
});

const rows = [
  row('shop', { requestRate: 20, health: 'failure' }),
  row('bookinfo', { requestRate: 5 }),
  row('loadtest', { requestRate: null, health: 'idle' }),
  row('Books-2', { requestRate: 5, health: 'degraded' }),
  row('broken', { requestRate: null, health: 'unknown' }),
];

test('filter is a case-insensitive substring match and copies', () => {
  expect(filterRows(rows, ' BOOK ').map((r) => r.namespace)).toEqual(['bookinfo', 'Books-2']);
  expect(filterRows(rows, '')).not.toBe(rows);
});

test('sort by rate, missing values last in both directions, ties by name', () => {
  expect(sortRows(rows, 'requestRate', 'desc').map((r) => r.namespace)).toEqual(['shop', 'bookinfo', 'Books-2', 'broken', 'loadtest']);
  expect(sortRows(rows, 'requestRate', 'asc').map((r) => r.namespace)).toEqual(['bookinfo', 'Books-2', 'shop', 'broken', 'loadtest']);
});

test('sort by health puts failing first', () => {
  expect(sortRows(rows, 'health', 'asc').map((r) => r.health)).toEqual(['failure', 'degraded', 'healthy', 'idle', 'unknown']);
});

test('sort does not reorder its input', () => {
  const before = rows.map((r) => r.namespace);
  sortRows(rows, 'namespace', 'desc');
  expect(rows.map((r) => r.namespace)).toEqual(before);
});

test('isSortKey guards URL input', () => {
  expect(isSortKey('p95Ms')).toBe(true);
  expect(isSortKey('constructor')).toBe(false);
  expect(isSortKey(undefined)).toBe(false);
});
