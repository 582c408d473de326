/**
 * A small synthetic Istio mesh served as a Prometheus scrape target: counters grow with wall time so rate() and
 * histogram_quantile() return data. It covers what the bundled dashboards read: sidecar, waypoint (ambient L7)
 * and ztunnel (ambient L4) traffic in two clusters, a ServiceEntry wildcard host, istiod, gateways, Wasm and
 * cAdvisor series. Labels that real setups get from relabelling (cluster, namespace, pod, app, container) are
 * exposed directly. Written for the MeshLens tests; not taken from any source.
 */
type Labels = Record<string, string>;

export interface Edge {
  src: [workload: string, namespace: string];
  dst: [workload: string, namespace: string, service: string];
  cluster: [source: string, destination: string];
  /** Reporters emitting this edge's L7 series. */
  reporters: Array<'source' | 'destination' | 'waypoint'>;
  rps: number;
  /** Share of responses per code. */
  codes: Record<string, number>;
  mtls: boolean;
  /** Emit TCP byte/connection series (reporters source and destination) as well. */
  tcpBps?: number;
  /** false for a plain TCP edge (no request series). */
  l7?: boolean;
}

export const EDGES: Edge[] = [
  {
    src: ['istio-ingressgateway', 'istio-system'],
    dst: ['productpage-v1', 'bookinfo', 'productpage.bookinfo.svc.cluster.local'],
    cluster: ['cluster-1', 'cluster-1'],
    reporters: ['source', 'destination'],
    rps: 20,
    codes: { '200': 0.97, '503': 0.03 },
    mtls: true,
  },
  {
    src: ['productpage-v1', 'bookinfo'],
    dst: ['reviews-v2', 'bookinfo', 'reviews.bookinfo.svc.cluster.local'],
    cluster: ['cluster-1', 'cluster-1'],
    reporters: ['source', 'destination'],
    rps: 18,
    codes: { '200': 0.9, '404': 0.04, '500': 0.06 },
    mtls: true,
    tcpBps: 5000,
  },
  {
    src: ['reviews-v2', 'bookinfo'],
    dst: ['ratings-v1', 'bookinfo', 'ratings.bookinfo.svc.cluster.local'],
    cluster: ['cluster-1', 'cluster-2'],
    reporters: ['source', 'destination'],
    rps: 9,
    codes: { '200': 1 },
    mtls: true,
  },
  {
    src: ['productpage-v1', 'bookinfo'],
    dst: ['unknown', 'unknown', '*.example.com'],
    cluster: ['cluster-1', 'unknown'],
    reporters: ['source'],
    rps: 2,
    codes: { '200': 1 },
    mtls: false,
    tcpBps: 800,
  },
  {
    src: ['productpage-v1', 'bookinfo'],
    dst: ['unknown', 'unknown', 'api.example.com'],
    cluster: ['cluster-1', 'unknown'],
    reporters: ['source'],
    rps: 1,
    codes: { '200': 1 },
    mtls: false,
  },
  {
    src: ['reviews-v2', 'bookinfo'],
    dst: ['mongodb-v1', 'bookinfo', 'mongodb.bookinfo.svc.cluster.local'],
    cluster: ['cluster-1', 'cluster-1'],
    reporters: ['source', 'destination'],
    rps: 0,
    codes: {},
    mtls: true,
    tcpBps: 2000,
    l7: false,
  },
  {
    src: ['sleep', 'ambient-demo'],
    dst: ['httpbin', 'ambient-demo', 'httpbin.ambient-demo.svc.cluster.local'],
    cluster: ['cluster-2', 'cluster-2'],
    reporters: ['waypoint'],
    rps: 6,
    codes: { '200': 0.8, '500': 0.2 },
    mtls: true,
    tcpBps: 3000,
  },
];

/** Envoy's default buckets (ms or bytes), trimmed. */
const BUCKETS = [1, 5, 10, 25, 50, 100, 250, 500, 1000, 2500, 5000, 10000];

function fmt(labels: Labels): string {
  return Object.entries(labels)
    .map(([k, v]) => `${k}="${v.replace(/\\/g, '\\\\').replace(/"/g, '\\"')}"`)
    .join(',');
}

class Exposition {
  private readonly lines: string[] = [];
  add(name: string, labels: Labels, value: number) {
    this.lines.push(`${name}{${fmt(labels)}} ${value}`);
  }
  /** A cumulative histogram whose observations sit around `median`. */
  histogram(name: string, labels: Labels, count: number, median: number) {
    for (const le of BUCKETS) {
      const share = 1 - Math.exp((-le / median) * Math.LN2);
      this.add(`${name}_bucket`, { ...labels, le: String(le) }, count * share);
    }
    this.add(`${name}_bucket`, { ...labels, le: '+Inf' }, count);
    this.add(`${name}_sum`, labels, count * median);
    this.add(`${name}_count`, labels, count);
  }
  text(): string {
    return `${this.lines.join('\n')}\n`;
  }
}

function istioLabels(e: Edge, reporter: string): Labels {
  return {
    reporter,
    source_workload: e.src[0],
    source_workload_namespace: e.src[1],
    source_app: e.src[0].replace(/-v\d+$/, ''),
    source_cluster: e.cluster[0],
    destination_workload: e.dst[0],
    destination_workload_namespace: e.dst[1],
    destination_service: e.dst[2],
    destination_service_name: e.dst[2].split('.')[0],
    destination_service_namespace: e.dst[2].includes('.svc.') ? e.dst[2].split('.')[1] : 'bookinfo',
    destination_cluster: e.cluster[1],
    connection_security_policy: e.mtls ? 'mutual_tls' : 'none',
  };
}

const infra = (cluster: string, namespace: string, pod: string, extra: Labels = {}): Labels => ({
  cluster,
  namespace,
  pod,
  ...extra,
});

/**
 * A bigger synthetic mesh for the bench: `workloads` workloads in namespaces of 50, each calling the next one;
 * every tenth edge also fails 2 % of requests. About 90 series per workload.
 */
export function syntheticEdges(workloads: number): Edge[] {
  const name = (i: number) => [`app-${i}`, `ns-${Math.floor(i / 50)}`] as const;
  return Array.from({ length: workloads }, (_, i): Edge => {
    const [sw, sn] = name(i);
    const [dw, dn] = name((i + 1) % workloads);
    return {
      src: [sw, sn],
      dst: [dw, dn, `${dw}.${dn}.svc.cluster.local`],
      cluster: [`cluster-${i % 2}`, `cluster-${(i + 1) % 2}`],
      reporters: ['source', 'destination'],
      rps: 1 + (i % 7),
      codes: (i % 10 === 0 ? { '200': 0.98, '500': 0.02 } : { '200': 1 }) as Record<string, number>,
      mtls: true,
    };
  });
}

/** The scrape body at `seconds` since start. */
export function istioMetrics(seconds: number, edges: readonly Edge[] = EDGES): string {
  const x = new Exposition();
  const n = (perSecond: number) => perSecond * seconds;
  for (const e of edges) {
    for (const reporter of e.l7 === false ? [] : e.reporters) {
      const base = istioLabels(e, reporter);
      for (const [code, share] of Object.entries(e.codes)) {
        const labels = { ...base, response_code: code, request_protocol: 'http' };
        const count = n(e.rps * share);
        x.add('istio_requests_total', labels, count);
        x.histogram('istio_request_duration_milliseconds', labels, count, code === '200' ? 40 : 400);
        x.histogram('istio_request_bytes', labels, count, 300);
        x.histogram('istio_response_bytes', labels, count, 2000);
      }
    }
    if (e.tcpBps) {
      // Sidecars report TCP from both ends; in ambient, ztunnel does (with its own pod labels).
      const ambient = e.reporters.includes('waypoint');
      for (const reporter of ['source', 'destination']) {
        const labels = {
          ...istioLabels(e, reporter),
          request_protocol: 'tcp',
          ...(ambient ? { pod: 'ztunnel-abcde', namespace: 'istio-system', cluster: 'cluster-2', app: 'ztunnel' } : {}),
        };
        x.add('istio_tcp_received_bytes_total', labels, n(e.tcpBps));
        x.add('istio_tcp_sent_bytes_total', labels, n(e.tcpBps * 3));
        // A steady state: as many connections close as open, 6 stay open (ztunnel's "Resource usage" reads
        // opened - closed: a constant, so backends scraped a moment apart agree on it).
        x.add('istio_tcp_connections_opened_total', labels, n(2));
        x.add('istio_tcp_connections_closed_total', labels, Math.max(0, n(2) - 6));
      }
    }
  }

  // Builds (proxies, istiod, ztunnel).
  x.add(
    'istio_build',
    infra('cluster-1', 'bookinfo', 'productpage-v1-1', { component: 'proxy', tag: '1.28.0', app: 'productpage' }),
    1
  );
  x.add(
    'istio_build',
    infra('cluster-1', 'istio-system', 'istiod-7d4f-1', { component: 'pilot', tag: '1.28.0', app: 'istiod' }),
    1
  );
  x.add(
    'istio_build',
    infra('cluster-2', 'istio-system', 'ztunnel-abcde', { component: 'ztunnel', tag: '1.28.0', app: 'ztunnel' }),
    1
  );

  // cAdvisor.
  const containers: Array<[Labels, number, number]> = [
    [infra('cluster-1', 'istio-system', 'istio-ingressgateway-5b9c-1', { container: 'istio-proxy' }), 0.2, 90e6],
    [infra('cluster-1', 'bookinfo', 'productpage-v1-1', { container: 'istio-proxy' }), 0.05, 60e6],
    [infra('cluster-1', 'bookinfo', 'reviews-v2-1', { container: 'istio-proxy' }), 0.04, 55e6],
    [infra('cluster-1', 'istio-system', 'istiod-7d4f-1', { container: 'discovery' }), 0.3, 300e6],
    [infra('cluster-2', 'istio-system', 'ztunnel-abcde', { container: 'istio-proxy' }), 0.1, 40e6],
  ];
  for (const [labels, cores, mem] of containers) {
    x.add('container_cpu_usage_seconds_total', labels, cores * seconds);
    x.add('container_memory_working_set_bytes', labels, mem);
    x.add('container_fs_usage_bytes', labels, mem / 10);
  }

  // istiod: Go runtime and pilot.
  const istiod = infra('cluster-1', 'istio-system', 'istiod-7d4f-1', { app: 'istiod' });
  for (const [name, value] of Object.entries({
    go_memstats_heap_sys_bytes: 200e6,
    go_memstats_heap_alloc_bytes: 150e6,
    go_memstats_alloc_bytes: 150e6,
    go_memstats_heap_inuse_bytes: 160e6,
    go_memstats_stack_inuse_bytes: 4e6,
    go_goroutines: 900,
    process_virtual_memory_bytes: 1.5e9,
    process_resident_memory_bytes: 320e6,
    process_open_fds: 120,
    pilot_xds: 42,
  })) {
    x.add(name, istiod, value);
  }
  x.add('go_memstats_alloc_bytes_total', istiod, n(5e6));
  x.add('go_memstats_mallocs_total', istiod, n(4e4));
  x.add('process_cpu_seconds_total', istiod, 0.28 * seconds);
  for (const type of ['cds', 'eds', 'lds', 'rds']) {
    x.add('pilot_xds_pushes', { ...istiod, type }, n(3));
    x.add('pilot_total_xds_rejects', { ...istiod, type }, n(0.01));
  }
  x.add('pilot_total_xds_internal_errors', istiod, n(0.001));
  x.add('pilot_k8s_reg_events', { ...istiod, type: 'Pods', event: 'update' }, n(1));
  x.add('pilot_k8s_cfg_events', { ...istiod, type: 'VirtualService', event: 'add' }, n(0.1));
  x.add('pilot_push_triggers', { ...istiod, type: 'endpoint' }, n(1));
  x.histogram('pilot_xds_push_time', istiod, n(12), 0.1);
  x.histogram('pilot_xds_config_size_bytes', istiod, n(12), 50000);
  x.add('galley_validation_passed', istiod, n(0.05));
  x.add('galley_validation_failed', istiod, n(0.01));
  x.add('sidecar_injection_success_total', istiod, n(0.02));
  x.add('sidecar_injection_failure_total', istiod, n(0.001));

  // Proxies: xDS connection and Wasm (Envoy and istio-agent).
  const proxy = infra('cluster-1', 'bookinfo', 'productpage-v1-1', { app: 'productpage' });
  x.add('envoy_cluster_upstream_cx_active', { ...proxy, cluster_name: 'xds-grpc' }, 1);
  x.add('envoy_wasm_envoy_wasm_runtime_null_active', proxy, 1);
  x.add('envoy_wasm_envoy_wasm_runtime_v8_active', proxy, 2);
  x.add('envoy_wasm_envoy_wasm_runtime_null_created', proxy, n(0.01));
  x.add('envoy_wasm_envoy_wasm_runtime_v8_created', proxy, n(0.02));
  x.add('istio_agent_wasm_cache_entries', proxy, 3);
  x.add('istio_agent_wasm_cache_lookup_count', { ...proxy, hit: 'true' }, n(0.5));
  x.add('istio_agent_wasm_cache_lookup_count', { ...proxy, hit: 'false' }, n(0.05));
  x.add('istio_agent_wasm_remote_fetch_count', { ...proxy, result: 'success' }, n(0.05));
  x.add('istio_agent_wasm_remote_fetch_count', { ...proxy, result: 'download_failure' }, n(0.005));
  x.add('istio_agent_wasm_config_conversion_count', { ...proxy, result: 'success' }, n(0.05));
  x.histogram('istio_agent_wasm_config_conversion_duration', proxy, n(0.05), 250);

  // ztunnel.
  const zt = infra('cluster-2', 'istio-system', 'ztunnel-abcde', { app: 'ztunnel' });
  x.add('istio_dns_requests_total', { ...zt, request_query_type: 'A' }, n(4));
  x.add('istio_xds_connection_terminations_total', { ...zt, reason: 'Reconnect' }, n(0.001));
  x.add('istio_xds_message_total', { ...zt, url: 'type.googleapis.com/istio.workload.Address' }, n(0.5));
  x.add('workload_manager_active_proxy_count', zt, 7);
  x.add('workload_manager_pending_proxy_count', zt, 0);
  x.add('istio_tcp_sockets_open', { ...zt, reporter: 'destination' }, 12);
  x.add('process_open_fds', zt, 64);

  return x.text();
}

/**
 * A fast scrape body generator for big meshes: every value above is linear in time (a + b·s), so the text is
 * rendered twice (s = 0 and s = 1) once, and each scrape only prints the numbers.
 */
export function linearMetrics(edges: readonly Edge[]): (seconds: number) => string {
  const at0 = istioMetrics(0, edges).trimEnd().split('\n');
  const at1 = istioMetrics(1, edges).trimEnd().split('\n');
  const series = at0.map((line, i) => {
    const cut = line.lastIndexOf(' ');
    const a = Number(line.slice(cut + 1));
    return { name: line.slice(0, cut + 1), a, b: Number(at1[i].slice(cut + 1)) - a };
  });
  return (seconds) => series.map((s) => `${s.name}${s.a + s.b * seconds}`).join('\n') + '\n';
}
