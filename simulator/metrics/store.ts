import type { Labels } from '../model/labels';
import { flattenLabels } from './textFormat';

export type MetricType = 'counter' | 'gauge' | 'histogram';

export interface Exemplar {
  labelSet: Record<string, string>;
  value: number;
  /** Seconds since the epoch, as OpenMetrics wants. */
  timestamp: number;
}

/** A label set rendered once, as exposition text (`a="x",b="y"`) and as UTF-8 bytes for the bulk writer. */
export interface FlatLabels {
  text: string;
  bytes: Buffer;
}

export interface Series {
  /** Full label set including the scrape-side labels; the same object for the series' lifetime. */
  labels: Labels;
  /** The label set as exposition text, shared by every family's series over the same label object. */
  flat: FlatLabels;
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
  /** Written by the bulk writer (pre-rendered labels, byte buffers) instead of through prom-client. */
  bulk?: boolean;
  /** Keyed by the flattened label text. */
  series: Map<string, Series>;
}

/**
 * Compact metric state. The simulator adds whole batches of observations per tick (thousands of
 * requests at once), which prom-client's per-observation API cannot do cheaply at 5,000 workloads;
 * prom-client's Registry writes the exposition, except for the bulk families (see exposition.ts).
 */
export class MetricStore {
  readonly families = new Map<string, Family>();
  readonly hiddenPods = new Set<string>();
  /** One rendering per label object: a hop's label set is shared by its 4-6 families. */
  private readonly flats = new WeakMap<Labels, FlatLabels>();

  define(
    name: string,
    help: string,
    type: MetricType,
    bounds?: readonly number[],
    keepNameInOpenMetrics = false,
    bulk = false
  ): Family {
    const existing = this.families.get(name);
    if (existing) {
      return existing;
    }
    const family: Family = { name, help, type, bounds, keepNameInOpenMetrics, bulk, series: new Map() };
    this.families.set(name, family);
    return family;
  }

  series(family: Family, labels: Labels, pod: string): Series {
    let flat = this.flats.get(labels);
    if (!flat) {
      const text = flattenLabels(labels);
      flat = { text, bytes: Buffer.from(text, 'utf8') };
      this.flats.set(labels, flat);
    }
    let s = family.series.get(flat.text);
    if (!s) {
      s = { labels, flat, pod, value: 0 };
      if (family.type === 'histogram') {
        s.buckets = new Float64Array((family.bounds?.length ?? 0) + 1);
      }
      family.series.set(flat.text, s);
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
