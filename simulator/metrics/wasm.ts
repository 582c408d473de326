import { podName, scrapeLabels } from '../model/labels';
import type { Workload } from '../topology/types';
import type { Helpers } from './infraTypes';

/** istio-agent's Wasm fetch/cache counters and Envoy's Wasm runtime stats, for the Wasm dashboard. */
export function wasm(pods: readonly Workload[], h: Helpers): void {
  for (const w of pods) {
    const pod = podName(w);
    const l = scrapeLabels(w.namespace, pod, w.app);
    h.gauge(
      h.define('istio_agent_wasm_cache_entries', 'number of Wasm remote fetch cache entries.', 'gauge'),
      l,
      pod,
      () => 1
    );
    const lookups = h.define(
      'istio_agent_wasm_cache_lookup_count',
      'number of Wasm remote fetch cache lookups.',
      'counter'
    );
    h.counter(lookups, { hit: 'true', ...l }, pod, 0.01);
    h.counter(lookups, { hit: 'false', ...l }, pod, 0.001);
    const fetches = h.define(
      'istio_agent_wasm_remote_fetch_count',
      'number of Wasm remote fetches and results, including success, download failure, and checksum mismatch.',
      'counter'
    );
    h.counter(fetches, { result: 'success', ...l }, pod, 0.001);
    h.counter(
      h.define(
        'istio_agent_wasm_config_conversion_count',
        'number of Wasm config conversion count and results.',
        'counter'
      ),
      { result: 'success', ...l },
      pod,
      0.01
    );
    for (const runtime of ['null', 'v8']) {
      h.gauge(
        h.define(`envoy_wasm_envoy_wasm_runtime_${runtime}_active`, `Active ${runtime} Wasm VMs`, 'gauge'),
        l,
        pod,
        () => 2
      );
      h.counter(
        h.define(`envoy_wasm_envoy_wasm_runtime_${runtime}_created`, `Created ${runtime} Wasm VMs`, 'counter'),
        l,
        pod,
        0.001
      );
    }
    h.gauge(h.define('envoy_wasm_remote_load_cache_entries', 'Remote load cache entries', 'gauge'), l, pod, () => 1);
    for (const stat of ['hits', 'misses', 'negative_hits']) {
      h.counter(
        h.define(`envoy_wasm_remote_load_cache_${stat}`, `Remote load cache ${stat}`, 'counter'),
        l,
        pod,
        stat === 'hits' ? 0.01 : 0.001
      );
    }
    for (const stat of ['successes', 'failures']) {
      h.counter(
        h.define(`envoy_wasm_remote_load_fetch_${stat}`, `Remote load fetch ${stat}`, 'counter'),
        l,
        pod,
        0.001
      );
    }
  }
}
