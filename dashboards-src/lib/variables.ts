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

/** Where cluster ids come from: Istio's own labels on request and TCP series (sidecars, waypoints, ztunnel). */
export const CLUSTER_SOURCE = '{__name__=~"istio_requests_total|istio_tcp_received_bytes_total"}';

/**
 * Cluster filter with one meaning on every dashboard: Istio's cluster id (`destination_cluster`; Istio's `Kubernetes`
 * on one-cluster meshes), so a value carried by a link means the same wherever it lands. Istio metrics match it on
 * the side they are about (`destination_cluster` or `source_cluster`); istiod, proxy and ztunnel series match it
 * on the scrape `cluster` label or have none (lib/scope.ts SCRAPE_CLUSTER). Defaults to All. Grafana cannot hide a
 * variable only when it has one value, so it lives in the dashboard controls menu (Grafana 12.4's `inControlsMenu`)
 * and in the URL as `var-cluster` (dashboards-src/README.md, "The cluster variable").
 */
export function clusterVariable(): QueryVariableBuilder {
  return multiFilter(
    'cluster',
    'Cluster',
    `label_values(${CLUSTER_SOURCE}, destination_cluster)`,
    'Clusters to show (Istio cluster ids). All also matches series that carry no cluster label. ' +
      'In the dashboard controls menu, since most meshes have one cluster.'
  ).hide(VariableHide.InControlsMenu);
}

/** `metric{m}` or `metric{a, m}` from `metric` or `metric{a}`. */
function withMatcher(selector: string, matcher: string): string {
  return selector.endsWith('}') ? `${selector.slice(0, -1)}, ${matcher}}` : `${selector}{${matcher}}`;
}

/**
 * An RE2 regex (anchored, as PromQL anchors it) matching every string except `literal`: RE2 has no lookahead, so
 * each prefix of the literal either ends the string or is followed by a different character, or the literal is
 * followed by more. `notLiteralRegex("ab")` is `([^a].*)?|a([^b].*)?|ab.+`.
 */
export function notLiteralRegex(literal: string): string {
  if (!/^[a-z0-9-]+$/.test(literal)) {
    throw new Error(`notLiteralRegex: only [a-z0-9-] literals are supported, got ${JSON.stringify(literal)}`);
  }
  const parts = [...literal].map((c, i) => `${literal.slice(0, i)}([^${c}].*)?`);
  return [...parts, `${literal}.+`].join('|');
}

/** The namespace Istio's control plane, gateways and ztunnel usually run in. */
export const ISTIO_SYSTEM = 'istio-system';

/**
 * Namespace filter over `label` of `metric`, narrowed by the selected clusters. `exceptInAll` keeps one namespace
 * out of All (it is still listed and can be picked).
 */
export function namespaceVariable(
  metric: string,
  label: string,
  clusterLabel: string,
  exceptInAll?: string
): QueryVariableBuilder {
  const v = multiFilter(
    'namespace',
    'Namespace',
    `label_values(${withMatcher(metric, clusterLabel === 'cluster' ? 'cluster=~"${cluster}|"' : `${clusterLabel}=~"$cluster"`)}, ${label})`,
    exceptInAll
      ? `Namespaces to show (from the ${label} label). All is every namespace except ${exceptInAll}; pick ${exceptInAll} to include it.`
      : `Namespaces to show (from the ${label} label).`
  );
  return exceptInAll ? v.allValue(notLiteralRegex(exceptInAll)) : v;
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
