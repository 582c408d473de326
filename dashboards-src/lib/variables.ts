import {
  DatasourceVariableBuilder,
  QueryVariableBuilder,
  TextBoxVariableBuilder,
  VariableHide,
  VariableRefresh,
  VariableSort,
} from '@grafana/grafana-foundation-sdk/dashboard';
import { RECORDED_PROBE } from '../../src/shared/istio/recordedSeries';
import { PROMETHEUS } from './datasources';

/** The Prometheus data source, picked by type so no uid is baked into the JSON. */
export function datasourceVariable(): DatasourceVariableBuilder {
  return new DatasourceVariableBuilder('datasource').label('Data source').type('prometheus');
}

/** The trace data source for trace panels (Jaeger type; MeshLens provisions one). */
export function tracingVariable(): DatasourceVariableBuilder {
  return new DatasourceVariableBuilder('tracing').label('Traces').type('jaeger');
}

const ALL = { text: 'All', value: '$__all' };

/**
 * A multi-value filter with All. All is `.*` (not a giant alternation of every value, istio/istio#5712) and
 * Grafana regex-escapes each selected value, so `*.example.com` selects itself only.
 */
function multiFilter(name: string, label: string, query: string, description: string): QueryVariableBuilder {
  return new QueryVariableBuilder(name)
    .label(label)
    .description(description)
    .datasource(PROMETHEUS)
    .query(query)
    .definition(query)
    .refresh(VariableRefresh.OnTimeRangeChanged)
    .sort(VariableSort.AlphabeticalAsc)
    .multi(true)
    .includeAll(true)
    .allValue('.*')
    .current(ALL);
}

/**
 * Cluster filter over `label` of `metric` (Istio's `destination_cluster`/`source_cluster`, or the scrape-config
 * `cluster` label for control-plane metrics). Defaults to All, so one-cluster meshes and series without the label
 * are unaffected. Grafana cannot hide a variable only when it has one value, so it lives in the dashboard controls
 * menu (Grafana 12.4's `inControlsMenu`): off the bar for the common one-cluster mesh, one click away for
 * multi-cluster ones, and still in the URL as `var-cluster` (dashboards-src/README.md, "The cluster variable").
 */
export function clusterVariable(metric: string, label: string): QueryVariableBuilder {
  return multiFilter(
    'cluster',
    'Cluster',
    `label_values(${metric}, ${label})`,
    `Clusters to show (from the ${label} label). All also matches series that carry no cluster label. ` +
      'In the dashboard controls menu, since most meshes have one cluster.'
  ).hide(VariableHide.InControlsMenu);
}

/** `metric{m}` or `metric{a, m}` from `metric` or `metric{a}`. */
function withMatcher(selector: string, matcher: string): string {
  return selector.endsWith('}') ? `${selector.slice(0, -1)}, ${matcher}}` : `${selector}{${matcher}}`;
}

/** Namespace filter over `label` of `metric`, narrowed by the selected clusters. */
export function namespaceVariable(metric: string, label: string, clusterLabel: string): QueryVariableBuilder {
  return multiFilter(
    'namespace',
    'Namespace',
    `label_values(${withMatcher(metric, `${clusterLabel}=~"$cluster"`)}, ${label})`,
    `Namespaces to show (from the ${label} label).`
  );
}

/**
 * A single-value picker whose options come from a PromQL `query_result` grouped by `label`. Used with `=` matchers
 * so values are never read as regexes.
 */
export function singleValueVariable(
  name: string,
  label: string,
  promql: string,
  labelName: string
): QueryVariableBuilder {
  const query = `query_result(${promql})`;
  return new QueryVariableBuilder(name)
    .label(label)
    .datasource(PROMETHEUS)
    .query(query)
    .definition(query)
    .regex(`/${labelName}="([^"]*)"/`)
    .refresh(VariableRefresh.OnTimeRangeChanged)
    .sort(VariableSort.AlphabeticalAsc);
}

/**
 * A scrape-config dependent selector (pod, app or container pattern) with Istio's usual default. Kept in the
 * controls menu: most installs never change them, but relabelled setups must be able to.
 */
export function selectorVariable(
  name: string,
  label: string,
  defaultValue: string,
  description: string
): TextBoxVariableBuilder {
  return new TextBoxVariableBuilder(name)
    .label(label)
    .description(description)
    .defaultValue(defaultValue)
    .current({ text: defaultValue, value: defaultValue })
    .hide(VariableHide.InControlsMenu);
}

/** Free-text trace id (the overview's trace panel reads it; exemplar links can fill it). */
export function traceIdVariable(): TextBoxVariableBuilder {
  return new TextBoxVariableBuilder('trace_id')
    .label('Trace ID')
    .description(
      'Trace to show in the trace panel: paste an id, for example one from an exemplar on the latency graph.'
    )
    .defaultValue('')
    .current({ text: '', value: '' });
}

/**
 * `raw`: whether queries read the raw Istio series (`.*`) or MeshLens' recorded series (`off`), found by probing the
 * recorded mesh-wide request rate (lib/recorded.ts). In the controls menu, shown as "raw" or "recorded"; pick "raw"
 * by hand for a time range from before the recording rules ran.
 */
export function rawSwitchVariable(): QueryVariableBuilder {
  const probe =
    `label_replace(label_replace(count(${RECORDED_PROBE}), "raw", "off", "", ""), "series", "recorded", "", "")` +
    ` or on() label_replace(label_replace(vector(1), "raw", ".*", "", ""), "series", "raw", "", "")`;
  const query = `query_result(${probe})`;
  return new QueryVariableBuilder('raw')
    .label('Series')
    .description(
      'recorded: MeshLens recording rules run, queries read their pre-aggregated series; raw: queries read the raw Istio series.'
    )
    .datasource(PROMETHEUS)
    .query(query)
    .definition(query)
    .regex('/raw="(?<value>[^"]*)".*series="(?<text>[^"]*)"/')
    .refresh(VariableRefresh.OnTimeRangeChanged)
    .current({ text: 'raw', value: '.*' })
    .hide(VariableHide.InControlsMenu);
}
