/**
 * The app pages' side of the recorded-or-raw switch (recordedSeries.ts): a hidden `raw` scene variable that runs
 * RAW_SWITCH_PROBE (`off` while MeshLens' recording rules run, `.*` otherwise, as the dashboards' `raw` variable),
 * and the pages' queries rewritten by preferRecorded to read the recorded series behind `$raw`.
 */
import { QueryVariable } from '@grafana/scenes';
import { VariableHide, VariableRefresh } from '@grafana/schema';
import { preferRecordedAll, RAW_SWITCH_PROBE, RAW_SWITCH_VALUES } from './recordedSeries';

/** The variable's name; the queries reference it as `$raw`. */
export const RAW_SWITCH_VARIABLE = 'raw';

/** The hidden `raw` variable on the page's Prometheus, probed again on every time range change. */
export function rawSwitchVariable(prometheusUid: string): QueryVariable {
  return new QueryVariable({
    name: RAW_SWITCH_VARIABLE,
    label: 'Series',
    datasource: { uid: prometheusUid, type: 'prometheus' },
    query: { query: `query_result(${RAW_SWITCH_PROBE})`, refId: 'meshlens-raw' },
    regex: '/raw="(?<value>[^"]*)".*series="(?<text>[^"]*)"/',
    refresh: VariableRefresh.onTimeRangeChanged,
    hide: VariableHide.hideVariable,
    value: RAW_SWITCH_VALUES.raw,
    text: 'raw',
  });
}

/** The queries with every `sum(rate(...))` a recorded family can answer read from it when `$raw` is `off`. */
export function recordedQueries<T extends { expr: string }>(queries: readonly T[]): T[] {
  return preferRecordedAll(queries, `$${RAW_SWITCH_VARIABLE}`);
}
