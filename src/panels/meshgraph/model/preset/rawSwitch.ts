import { RAW_SWITCH_PROBE, RAW_SWITCH_VALUES } from '../../../../shared/istio/recordedSeries';

/** The variable query that asks the panel's Prometheus whether MeshLens' recording rules run (the pages' probe). */
export const RAW_SWITCH_LOOKUP = `query_result(${RAW_SWITCH_PROBE})`;

/**
 * The switch value from the probe's answer, as Grafana's `query_result()` writes each series
 * (`{raw="off", series="recorded"} 1 <ms>`): `off` when a series says the recorded side answers, `.*` (the raw
 * series) otherwise, including an empty answer.
 */
export function rawSwitchFromLookup(found: ReadonlyArray<{ text: unknown }>): string {
  const values = found.map((f) => /raw="([^"]*)"/.exec(String(f.text))?.[1]);
  return values.includes(RAW_SWITCH_VALUES.recorded) ? RAW_SWITCH_VALUES.recorded : RAW_SWITCH_VALUES.raw;
}
