import { podName, scrapeLabels } from '../model/labels';
import type { Workload } from '../topology/types';
import type { Family } from './store';
import { type ContainerStandIn, type Helpers, TYPE_URLS } from './infraTypes';
import { ISTIO_TAG } from './istioBuild';

/** One ztunnel per cluster with ambient workloads: its own xDS, DNS, workload-manager and process stats. */
export function ztunnel(
  cluster: string,
  workloads: readonly Workload[],
  h: Helpers & { build: Family; container: ContainerStandIn }
): void {
  const pod = podName({ cluster, namespace: 'istio-system', name: 'ztunnel' });
  const l = scrapeLabels('istio-system', pod, 'ztunnel');
  h.container({ pod, labels: l }, 'istio-proxy', 0.01, 40e6);
  h.gauge(h.build, { component: 'ztunnel', tag: ISTIO_TAG, ...l }, pod, () => 1);
  const members = workloads.filter((w) => w.dataPlane === 'ambient' && w.cluster === cluster);
  const dns = h.define('istio_dns_requests_total', 'Total number of DNS requests.', 'counter');
  for (const w of members.slice(0, 20)) {
    h.counter(
      dns,
      {
        request_query_type: 'A',
        request_protocol: 'udp',
        source_canonical_service: w.app,
        source_canonical_revision: w.version,
        ...l,
      },
      pod,
      0.5
    );
  }
  const messages = h.define('istio_xds_message_total', 'Total number of messages received (unstable).', 'counter');
  const bytes = h.define('istio_xds_message_bytes_total', 'Total number of bytes received (unstable).', 'counter');
  for (const url of [TYPE_URLS.wds, TYPE_URLS.wads]) {
    h.counter(messages, { url, ...l }, pod, 0.1);
    h.counter(bytes, { url, ...l }, pod, 400);
  }
  h.counter(
    h.define(
      'istio_xds_connection_terminations_total',
      'The total number of completed connections to xds server (unstable).',
      'counter'
    ),
    { reason: 'Reconnect', ...l },
    pod,
    0.001
  );
  h.gauge(
    h.define('istio_tcp_sockets_open', 'The current number of open sockets (unstable).', 'gauge'),
    { reporter: 'source', ...l },
    pod,
    () => members.length * 3
  );
  h.gauge(
    h.define(
      'workload_manager_active_proxy_count',
      'The total number current workloads with active proxies (unstable).',
      'gauge'
    ),
    l,
    pod,
    () => members.length
  );
  h.gauge(
    h.define(
      'workload_manager_pending_proxy_count',
      'The total number current workloads with pending proxies (unstable).',
      'gauge'
    ),
    l,
    pod,
    () => 0
  );
  h.counter(
    h.define(
      'workload_manager_proxies_started_total',
      'The total number of proxies that were started (unstable).',
      'counter'
    ),
    l,
    pod,
    0.001
  );
  h.counter(
    h.define(
      'workload_manager_proxies_stopped_total',
      'The total number of proxies that were stopped (unstable).',
      'counter'
    ),
    l,
    pod,
    0.0005
  );
  for (const name of ['process_open_fds', 'process_resident_memory_bytes']) {
    h.gauge(h.define(name, name, 'gauge'), l, pod, () => (name === 'process_open_fds' ? 40 : 30e6));
  }
  h.counter(h.define('process_cpu_seconds_total', 'Total CPU seconds', 'counter'), l, pod, 0.01);
}
