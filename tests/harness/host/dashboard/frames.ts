import { firstValueFrom } from 'rxjs';
import lodash from 'lodash';
import {
  FieldType,
  createDataFrame,
  fieldMatchers,
  getDisplayProcessor,
  standardTransformers,
  standardTransformersRegistry,
  transformDataFrame,
  type DataFrame,
  type DataTransformerConfig,
  type Field,
  type FieldConfigSource,
  type GrafanaTheme2,
} from '@grafana/data';

let transformersInstalled = false;

/** Grafana registers its transformations at boot; the preview needs the standard ones (merge, organize). */
function installTransformers() {
  if (!transformersInstalled) {
    transformersInstalled = true;
    // standardTransformers lists some transformers under two keys; the registry refuses duplicate ids.
    const unique = lodash.uniqBy(Object.values(standardTransformers), (t) => t.id);
    standardTransformersRegistry.setInit(() =>
      unique.map((t) => ({
        id: t.id,
        name: t.name,
        transformation: eagerAndLazy(t),
        editor: () => null,
        imageDark: '',
        imageLight: '',
      }))
    );
  }
}

/**
 * A registry item's `transformation` for both Grafana versions: @grafana/data 12.4 reads the info object
 * (`transformation.operator`), 13.2 calls it (`transformation()`, a Promise of the info since transformers load lazily).
 * So: a function resolving to the info that also carries the info's properties.
 */
export function eagerAndLazy<T extends object>(info: T): T & (() => Promise<T>) {
  const lazy = () => Promise.resolve(info);
  for (const key of Object.keys(info)) {
    // defineProperty, not assignment: a function's own `name` and `length` are read-only.
    Object.defineProperty(lazy, key, { value: (info as Record<string, unknown>)[key], enumerable: true, configurable: true });
  }
  return lazy as T & (() => Promise<T>);
}

/**
 * Grafana's Prometheus data source for `format: table` (its result transformer's transformDFToTable): one frame per
 * refId with Time, one column per label (sorted) and the value column, named `Value` when only one refId returned
 * rows and `Value #<refId>` otherwise.
 */
export function toTableFrames(frames: DataFrame[]): DataFrame[] {
  const byRef = lodash.groupBy(frames, (f) => f.refId ?? '');
  const refIds = Object.keys(byRef);
  return refIds.map((refId) => {
    const series = byRef[refId];
    const labelNames = [...new Set(series.flatMap((f) => Object.keys(f.fields[1]?.labels ?? {})))].sort();
    const time: number[] = [];
    const value: number[] = [];
    const labels: Record<string, string[]> = Object.fromEntries(labelNames.map((l) => [l, []]));
    for (const f of series) {
      const own = f.fields[1]?.labels ?? {};
      f.fields[0].values.forEach((t: number, i: number) => {
        time.push(t);
        value.push(f.fields[1].values[i]);
        labelNames.forEach((l) => labels[l].push(own[l] ?? ''));
      });
    }
    return createDataFrame({
      refId,
      fields: [
        { name: 'Time', type: FieldType.time, values: time },
        ...labelNames.map((l) => ({ name: l, type: FieldType.string, values: labels[l] })),
        { name: refIds.length > 1 ? `Value #${refId}` : 'Value', type: FieldType.number, values: value },
      ],
    });
  });
}

/** Grafana's `format: heatmap`: buckets sorted by `le`, cumulative counts turned into per-bucket counts. */
export function toHeatmapBuckets(frames: DataFrame[]): Array<{ le: string; values: number[] }> & { times?: number[] } {
  const le = (f: DataFrame) => {
    const text = f.fields[1]?.labels?.le ?? f.name ?? '';
    return text === '+Inf' ? Infinity : Number(text);
  };
  const sorted = [...frames].sort((a, b) => le(a) - le(b));
  const buckets = sorted.map((f) => ({
    le: f.fields[1]?.labels?.le ?? f.name ?? '',
    values: [...(f.fields[1]?.values ?? [])] as number[],
  }));
  for (let i = buckets.length - 1; i > 0; i--) {
    buckets[i].values = buckets[i].values.map((v, j) => Math.max(0, v - (buckets[i - 1].values[j] ?? 0)));
  }
  return Object.assign(buckets, { times: sorted[0]?.fields[0]?.values as number[] | undefined });
}

export async function applyTransformations(frames: DataFrame[], transformations: DataTransformerConfig[] | undefined) {
  if (!transformations?.length) {
    return frames;
  }
  installTransformers();
  return firstValueFrom(transformDataFrame(transformations, frames));
}

/** Field config defaults and byName / byFrameRefID overrides, then a display processor per field (units, decimals). */
export function applyFieldConfig(
  frames: DataFrame[],
  source: FieldConfigSource,
  theme: GrafanaTheme2,
  custom: Record<string, unknown> = {}
): DataFrame[] {
  return frames.map((frame) => ({
    ...frame,
    fields: frame.fields.map((field): Field => {
      const config = lodash.merge({ custom: { ...custom } }, lodash.cloneDeep(source.defaults), field.config);
      for (const o of source.overrides ?? []) {
        const matcher = fieldMatchers.get(o.matcher.id)?.get(o.matcher.options);
        if (matcher?.(field, frame, frames)) {
          o.properties.forEach((p) => lodash.set(config, p.id, p.value));
        }
      }
      if (field.type === FieldType.time) {
        delete config.unit;
      }
      const out: Field = { ...field, config, state: { ...field.state } };
      out.display = getDisplayProcessor({ field: out, theme });
      return out;
    }),
  }));
}
