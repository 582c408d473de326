import { Registry, type RegistryContentType } from 'prom-client';
import { hashString } from '../model/random';
import { ChunkBuffer, writeBulkFamily } from './bulkWriter';
import type { Labels } from '../model/labels';
import type { Family, MetricStore, Series } from './store';

type Value = {
  metricName: string | undefined;
  labels: Record<string, string>;
  sharedLabels: Labels;
  value: number;
  exemplar: { labelSet: Record<string, string>; value: number; timestamp: number } | undefined;
};

/** Lines per prom-client call (about 1 kB each), so no single string grows with the mesh. */
const CHUNK_LINES = 4000;
const EMPTY: Record<string, string> = {};

export interface Exposition {
  contentType: string;
  /**
   * Yields the body in pieces. A piece may be a reused buffer: send or copy it before asking for
   * the next one (the server awaits each socket write).
   */
  chunks(): AsyncGenerator<Buffer>;
}

/** `bulk`: families marked bulk go through the bulk writer; `prom-client`: every family through prom-client. */
export type Writer = 'bulk' | 'prom-client';

export interface Shard {
  index: number;
  count: number;
}

/**
 * Serialises the store (Prometheus text 0.0.4, or OpenMetrics 1.0 with exemplars). The request
 * telemetry families and the per-pod ones (~99 % of a big mesh's lines) are `bulk`: bulkWriter.ts
 * copies their pre-rendered label bytes into reused chunks. Every other family goes through prom-client's
 * Registry: series labels go in `sharedLabels`, which prom-client flattens once per label object
 * and caches; one pool of value objects serves the whole scrape (less garbage). Both give the
 * same bytes (bulkWriter.test.ts).
 */
export function exposition(
  store: MetricStore,
  openMetrics: boolean,
  shard?: Shard,
  writer: Writer = 'bulk'
): Exposition {
  const contentType = openMetrics ? Registry.OPENMETRICS_CONTENT_TYPE : Registry.PROMETHEUS_CONTENT_TYPE;
  const registry = new Registry<RegistryContentType>();
  registry.setContentType(contentType);
  const pool: Value[] = [];
  async function* chunks(): AsyncGenerator<Buffer> {
    // Every line ends with a newline; an empty scrape is one empty line (as prom-client's join gives).
    const out = new ChunkBuffer();
    let empty = true;
    for (const family of store.families.values()) {
      const visible = [...family.series.values()].filter(
        (s) => !store.hiddenPods.has(s.pod) && (!shard || inShard(s.pod, shard))
      );
      if (visible.length === 0) {
        continue;
      }
      empty = false;
      if (family.bulk && writer === 'bulk') {
        yield* writeBulkFamily(out, family, visible, openMetrics);
        continue;
      }
      if (out.length > 0) {
        yield out.take();
      }
      const chunk = Math.max(
        1,
        Math.floor(CHUNK_LINES / (family.type === 'histogram' ? (family.bounds?.length ?? 0) + 3 : 1))
      );
      for (let start = 0; start < visible.length; start += chunk) {
        const metric = wrapper(family, visible.slice(start, start + chunk), openMetrics, pool);
        registry.registerMetric(metric as never);
        let text = await registry.getSingleMetricAsString(metric.name);
        registry.removeSingleMetric(metric.name);
        if (start > 0) {
          // Only the first chunk of a family keeps its # HELP / # TYPE lines.
          text = text.slice(text.indexOf('\n', text.indexOf('\n') + 1) + 1);
        }
        yield Buffer.from(`${text}\n`, 'utf8');
      }
    }
    if (out.length > 0) {
      yield out.take();
    }
    const tail = `${empty ? '\n' : ''}${openMetrics ? '# EOF\n' : ''}`;
    if (tail) {
      yield Buffer.from(tail);
    }
  }
  return { contentType, chunks };
}

/** Pods are split over shards by name, so each shard is a stable set of pods, like real scrape targets. */
function inShard(pod: string, shard: Shard): boolean {
  return hashString(pod) % shard.count === shard.index;
}

export async function expositionText(
  store: MetricStore,
  openMetrics = false,
  shard?: Shard,
  writer: Writer = 'bulk'
): Promise<string> {
  let out = '';
  for await (const chunk of exposition(store, openMetrics, shard, writer).chunks()) {
    out += chunk.toString('utf8');
  }
  return out;
}

function wrapper(family: Family, series: Series[], openMetrics: boolean, pool: Value[]) {
  let name = family.name;
  let type: string = family.type;
  if (openMetrics && family.type === 'counter') {
    if (family.keepNameInOpenMetrics || !name.endsWith('_total')) {
      type = 'unknown';
    } else {
      // prom-client appends _total to OpenMetrics counter samples.
      name = name.slice(0, -'_total'.length);
    }
  }
  const values =
    family.type === 'histogram' ? histogramValues(family, series, openMetrics, pool) : scalarValues(series, pool);
  const snapshot = { name, help: family.help, type, values, aggregator: 'sum' };
  return { name, help: family.help, type, aggregator: 'sum', get: () => snapshot };
}

/** Fills pool[i] (creating it on first use) and returns it. */
function at(pool: Value[], i: number): Value {
  let v = pool[i];
  if (!v) {
    v = { metricName: undefined, labels: EMPTY, sharedLabels: EMPTY, value: 0, exemplar: undefined };
    pool[i] = v;
  }
  return v;
}

function scalarValues(series: Series[], pool: Value[]): Value[] {
  const values = pool.slice(0, 0);
  for (let i = 0; i < series.length; i++) {
    const v = at(pool, i);
    v.metricName = undefined;
    v.labels = EMPTY;
    v.sharedLabels = series[i].labels;
    v.value = series[i].value;
    v.exemplar = undefined;
    values.push(v);
  }
  return values;
}

function histogramValues(family: Family, series: Series[], openMetrics: boolean, pool: Value[]): Value[] {
  const bounds = family.bounds ?? [];
  // One `le` object per bound, shared by every series of the family.
  const le = [...bounds.map((b) => ({ le: String(b) })), { le: '+Inf' }];
  const values: Value[] = [];
  const names = [`${family.name}_bucket`, `${family.name}_sum`, `${family.name}_count`];
  let n = 0;
  const put = (
    name: string,
    labels: Record<string, string>,
    shared: Labels,
    value: number,
    exemplar?: Value['exemplar']
  ) => {
    const v = at(pool, n++);
    v.metricName = name;
    v.labels = labels;
    v.sharedLabels = shared;
    v.value = value;
    v.exemplar = exemplar;
    values.push(v);
  };
  for (const s of series) {
    const buckets = s.buckets as Float64Array;
    for (let i = 0; i <= bounds.length; i++) {
      put(names[0], le[i], s.labels, buckets[i], openMetrics ? s.exemplars?.[i] : undefined);
    }
    put(names[1], EMPTY, s.labels, s.value);
    put(names[2], EMPTY, s.labels, buckets[bounds.length]);
  }
  return values;
}
