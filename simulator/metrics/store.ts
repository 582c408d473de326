import type { Labels } from '../model/labels';

export type MetricType = 'counter' | 'gauge' | 'histogram';

export interface Exemplar {
  labelSet: Record<string, string>;
  value: number;
  /** Seconds since the epoch, as OpenMetrics wants. */
  timestamp: number;
}

export interface Series {
  /** Full label set including the scrape-side labels; the same object for the series' lifetime. */
  labels: Labels;
  /** Pod that reports it: hidden from scrapes while its workload is stopped. */
  pod: string;
  value: number;
  /** Histograms only: cumulative bucket counts, the last one is +Inf (== count). */
  buckets?: Float64Array;
  exemplars?: Array<Exemplar | undefined>;
}

export interface Family {
  name: string;
  help: string;
  type: MetricType;
  bounds?: readonly number[];
  /**
   * Istio's Go NewSum counters are exported without `_total`; OpenMetrics would force the suffix,
   * so those families are typed `unknown` there to keep the names dashboards query.
   */
  keepNameInOpenMetrics?: boolean;
  series: Map<string, Series>;
}

/**
 * Compact metric state. The simulator adds whole batches of observations per tick (thousands of
 * requests at once), which prom-client's per-observation API cannot do cheaply at 5,000 workloads;
 * prom-client's Registry still does all the exposition (see exposition.ts).
 */
export class MetricStore {
  readonly families = new Map<string, Family>();
  readonly hiddenPods = new Set<string>();

  define(
    name: string,
    help: string,
    type: MetricType,
    bounds?: readonly number[],
    keepNameInOpenMetrics = false
  ): Family {
    const existing = this.families.get(name);
    if (existing) {
      return existing;
    }
    const family: Family = { name, help, type, bounds, keepNameInOpenMetrics, series: new Map() };
    this.families.set(name, family);
    return family;
  }

  series(family: Family, labels: Labels, pod: string): Series {
    const key = seriesKey(labels);
    let s = family.series.get(key);
    if (!s) {
      s = { labels, pod, value: 0 };
      if (family.type === 'histogram') {
        s.buckets = new Float64Array((family.bounds?.length ?? 0) + 1);
      }
      family.series.set(key, s);
    }
    return s;
  }

  seriesCount(): number {
    let n = 0;
    for (const f of this.families.values()) {
      const perSeries = f.type === 'histogram' ? (f.bounds?.length ?? 0) + 3 : 1;
      for (const s of f.series.values()) {
        if (!this.hiddenPods.has(s.pod)) {
          n += perSeries;
        }
      }
    }
    return n;
  }
}

function seriesKey(labels: Labels): string {
  let key = '';
  for (const k in labels) {
    key += `${k}\u0001${labels[k]}\u0002`;
  }
  return key;
}
