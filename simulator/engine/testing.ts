import type { Labels } from '../model/labels';
import type { MetricStore } from '../metrics/store';

/** Test helper: all visible series of a family whose labels match `match`. */
export function find(store: MetricStore, family: string, match: Labels = {}) {
  const f = store.families.get(family);
  if (!f) {
    throw new Error(`no family ${family}`);
  }
  return [...f.series.values()].filter(
    (s) => !store.hiddenPods.has(s.pod) && Object.entries(match).every(([k, v]) => s.labels[k] === v)
  );
}

export function total(store: MetricStore, family: string, match: Labels = {}): number {
  return find(store, family, match).reduce((sum, s) => sum + s.value, 0);
}
