/**
 * Recorded families of the non-request series the Performance, Control Plane and Wasm dashboards read: cAdvisor's
 * container series, the proxies' Envoy and istio-agent series (one per pod: 5,000 at 5,000 workloads) and istiod's
 * pilot counters, aggregated as the panels aggregate them (by the scrape-config `cluster` and `namespace`, and the
 * label a panel groups by), without pod labels. Counters are recorded as rates (rate first, then sum); gauges as their
 * sum, and their count where a panel averages over pods (avg = sum of sums / sum of counts).
 * recordedSeries.ts lists them with the request families and generates their rules.
 */
import { eq } from '../promql/matchers';

/** How a family is made from its raw series: a per-second rate summed, or a gauge summed or counted. */
export type RecordedOp = 'rate' | 'sum' | 'count';

/** Scrape-config labels the infrastructure panels filter on (dashboards-src/lib/scope.ts). */
const SCRAPE = ['cluster', 'namespace'] as const;

export interface InfraFamily {
  level: string;
  raw: string;
  op: RecordedOp;
  labels: readonly string[];
  /** Matchers applied when recording: only a query that has every one of them may read the family. */
  filter?: readonly string[];
}

const rates = (level: string, labels: readonly string[], raws: readonly string[]): InfraFamily[] =>
  raws.map((raw) => ({ level, raw, op: 'rate', labels }));

/** The xDS connections the proxies report: one series per proxy, summed per scrape cluster. */
export const XDS_CLUSTER = eq('cluster_name', 'xds-grpc');

export const INFRA_FAMILIES: readonly InfraFamily[] = [
  // cAdvisor, per namespace and container name (the proxy container is a dashboard variable, so every container).
  {
    level: 'namespace_container',
    raw: 'container_cpu_usage_seconds_total',
    op: 'rate',
    labels: [...SCRAPE, 'container'],
  },
  {
    level: 'namespace_container',
    raw: 'container_memory_working_set_bytes',
    op: 'sum',
    labels: [...SCRAPE, 'container'],
  },
  {
    level: 'namespace_container',
    raw: 'container_memory_working_set_bytes',
    op: 'count',
    labels: [...SCRAPE, 'container'],
  },
  { level: 'namespace_container', raw: 'container_fs_usage_bytes', op: 'sum', labels: [...SCRAPE, 'container'] },
  // One istio_build series per proxy, istiod and ztunnel pod: counted per component and version tag.
  { level: 'cluster', raw: 'istio_build', op: 'sum', labels: ['cluster', 'component', 'tag'] },
  // Envoy, per proxy.
  {
    level: 'cluster',
    raw: 'envoy_cluster_upstream_cx_active',
    op: 'sum',
    labels: ['cluster', 'cluster_name'],
    filter: [XDS_CLUSTER],
  },
  ...(['null', 'v8'] as const).flatMap((rt): InfraFamily[] => [
    { level: 'namespace', raw: `envoy_wasm_envoy_wasm_runtime_${rt}_active`, op: 'sum', labels: SCRAPE },
    { level: 'namespace', raw: `envoy_wasm_envoy_wasm_runtime_${rt}_active`, op: 'count', labels: SCRAPE },
    { level: 'namespace', raw: `envoy_wasm_envoy_wasm_runtime_${rt}_created`, op: 'rate', labels: SCRAPE },
  ]),
  // istio-agent, per proxy.
  { level: 'namespace', raw: 'istio_agent_wasm_cache_entries', op: 'sum', labels: SCRAPE },
  ...rates('namespace', [...SCRAPE, 'hit'], ['istio_agent_wasm_cache_lookup_count']),
  ...rates(
    'namespace',
    [...SCRAPE, 'result'],
    ['istio_agent_wasm_remote_fetch_count', 'istio_agent_wasm_config_conversion_count']
  ),
  ...rates('namespace', [...SCRAPE, 'le'], ['istio_agent_wasm_config_conversion_duration_bucket']),
  // istiod's counters, per control-plane namespace (few series each: recorded so a panel reads one sample a step).
  ...rates('namespace', [...SCRAPE, 'type'], ['pilot_xds_pushes', 'pilot_push_triggers', 'pilot_total_xds_rejects']),
  ...rates('namespace', [...SCRAPE, 'type', 'event'], ['pilot_k8s_reg_events', 'pilot_k8s_cfg_events']),
  ...rates('namespace', [...SCRAPE, 'le'], ['pilot_xds_push_time_bucket', 'pilot_xds_config_size_bytes_bucket']),
  ...rates('namespace', SCRAPE, [
    'pilot_total_xds_internal_errors',
    'galley_validation_passed',
    'galley_validation_failed',
    'sidecar_injection_success_total',
    'sidecar_injection_failure_total',
  ]),
];
