import { eqVar } from '../../src/shared/istio/dashboardQueries';
import { avgGauge, histogramQuantile, sumGauge, sumRate } from '../lib/recorded';
import { buildDashboard } from '../lib/dashboard';
import { timeSeries } from '../lib/panels';
import { infraScope } from '../lib/scope';
import { quantileQueries } from '../lib/trafficPanels';
import { clusterVariable, namespaceVariable, selectorVariable } from '../lib/variables';

// Envoy's own Wasm stats appear only when the proxy stats matcher includes `wasm`; istio-agent's module
// fetch/cache metrics (istio_agent_wasm_*) are always exported by the agent next to each proxy.
const proxies = infraScope();
const proxyContainers = infraScope(eqVar('container', 'proxy_container'));

export const wasm = () =>
  buildDashboard({
    key: 'wasm',
    description: 'Wasm extensions: Envoy Wasm VMs, and istio-agent module download, cache and config conversion.',
    tags: ['wasm'],
    from: 'now-1h',
    variables: [
      clusterVariable(),
      namespaceVariable('istio_agent_wasm_cache_entries', 'namespace', 'cluster'),
      selectorVariable(
        'proxy_container',
        'Proxy container',
        'istio-proxy',
        'Container name of Envoy sidecars, gateways and waypoints.'
      ),
    ],
    sections: [
      {
        row: 'Wasm VMs (Envoy)',
        height: 8,
        panels: [
          timeSeries(
            'Active Wasm VMs per proxy',
            'Average number of live Wasm VMs in one proxy, by runtime (null = native, v8). Needs the `wasm` stats prefix enabled in the proxy stats matcher.',
            'short',
            [
              { expr: avgGauge('envoy_wasm_envoy_wasm_runtime_null_active', proxies), legend: 'native' },
              { expr: avgGauge('envoy_wasm_envoy_wasm_runtime_v8_active', proxies), legend: 'v8' },
            ]
          ),
          timeSeries('Wasm VMs created', 'Wasm VMs created per second across proxies, by runtime.', 'ops', [
            { expr: sumRate('envoy_wasm_envoy_wasm_runtime_null_created', proxies), legend: 'native' },
            { expr: sumRate('envoy_wasm_envoy_wasm_runtime_v8_created', proxies), legend: 'v8' },
          ]),
        ],
      },
      {
        row: 'Wasm module fetch and cache (istio-agent)',
        height: 8,
        panels: [
          timeSeries(
            'Cached modules',
            'Wasm modules held in istio-agent caches (istio_agent_wasm_cache_entries), summed over proxies.',
            'short',
            [{ expr: sumGauge('istio_agent_wasm_cache_entries', proxies), legend: 'entries' }]
          ),
          timeSeries(
            'Cache lookups',
            'Module cache lookups per second, hits and misses (istio_agent_wasm_cache_lookup_count by hit).',
            'ops',
            [{ expr: sumRate('istio_agent_wasm_cache_lookup_count', proxies, ['hit']), legend: 'hit={{hit}}' }]
          ),
          timeSeries(
            'Remote fetches',
            'Module downloads per second by result (istio_agent_wasm_remote_fetch_count); failures leave the extension unloaded.',
            'ops',
            [{ expr: sumRate('istio_agent_wasm_remote_fetch_count', proxies, ['result']), legend: '{{result}}' }]
          ),
        ],
      },
      {
        height: 8,
        panels: [
          timeSeries(
            'Config conversions',
            'Wasm extension configs istio-agent rewrote from remote to local file per second, by result.',
            'ops',
            [{ expr: sumRate('istio_agent_wasm_config_conversion_count', proxies, ['result']), legend: '{{result}}' }]
          ),
          timeSeries(
            'Config conversion duration',
            'P50, P90, P95 and P99 of the time istio-agent takes to convert one Wasm config, including the download (milliseconds).',
            'ms',
            quantileQueries(
              (q) => histogramQuantile(q, 'istio_agent_wasm_config_conversion_duration_bucket', proxies),
              'conversion'
            )
          ),
        ],
      },
      {
        row: 'Proxy resource usage',
        height: 8,
        panels: [
          timeSeries(
            'Proxy memory',
            'Total working-set memory of proxy containers in the selected namespaces; Wasm VMs live here.',
            'bytes',
            [{ expr: sumGauge('container_memory_working_set_bytes', proxyContainers), legend: 'total' }]
          ),
          timeSeries('Proxy vCPU', 'Total cores used by proxy containers in the selected namespaces.', 'short', [
            { expr: sumRate('container_cpu_usage_seconds_total', proxyContainers), legend: 'total' },
          ]),
        ],
      },
    ],
  });
