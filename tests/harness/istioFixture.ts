import { createServer, type Server } from 'node:http';
import { freePort } from '../lib/prometheus';

/**
 * A small Istio mesh as a /metrics endpoint, for browser tests until the mesh simulator lands:
 * growing counters across several namespaces, reported by both proxies of each edge (as Istio
 * does), request-duration histograms, mTLS and plaintext edges, 5xx errors, and a caller without
 * a sidecar (its peer labels are "unknown"). Swap `startIstioFixture` for the simulator's start
 * function to test against it instead: both return { target, namespaces, close }.
 */

interface Edge {
  from: [ns: string, workload: string, app: string] | 'unknown';
  to: [ns: string, workload: string, service: string];
  rps: number;
  errorShare: number;
  meanMs: number;
  mtls: boolean;
  /** A caller without a sidecar reports nothing; only the receiving proxy does. */
  sourceReports: boolean;
}

const EDGES: Edge[] = [
  { from: ['istio-system', 'istio-ingressgateway', 'istio-ingressgateway'], to: ['bookinfo', 'productpage-v1', 'productpage'], rps: 20, errorShare: 0, meanMs: 40, mtls: true, sourceReports: true },
  { from: ['bookinfo', 'productpage-v1', 'productpage'], to: ['bookinfo', 'reviews-v2', 'reviews'], rps: 12, errorShare: 0, meanMs: 25, mtls: true, sourceReports: true },
  { from: ['bookinfo', 'productpage-v1', 'productpage'], to: ['bookinfo', 'details-v1', 'details'], rps: 12, errorShare: 0.005, meanMs: 8, mtls: true, sourceReports: true },
  { from: ['bookinfo', 'reviews-v2', 'reviews'], to: ['bookinfo', 'ratings-v1', 'ratings'], rps: 8, errorShare: 0, meanMs: 5, mtls: true, sourceReports: true },
  { from: ['istio-system', 'istio-ingressgateway', 'istio-ingressgateway'], to: ['shop', 'frontend-v1', 'frontend'], rps: 15, errorShare: 0.03, meanMs: 120, mtls: true, sourceReports: true },
  { from: ['shop', 'frontend-v1', 'frontend'], to: ['shop', 'cart-v1', 'cart'], rps: 9, errorShare: 0, meanMs: 30, mtls: true, sourceReports: true },
  { from: ['shop', 'cart-v1', 'cart'], to: ['payments', 'payment-v1', 'payment'], rps: 4, errorShare: 0.25, meanMs: 300, mtls: true, sourceReports: true },
  { from: ['legacy', 'api-v1', 'api'], to: ['legacy', 'db-v1', 'db'], rps: 6, errorShare: 0, meanMs: 15, mtls: false, sourceReports: true },
  { from: 'unknown', to: ['legacy', 'api-v1', 'api'], rps: 6, errorShare: 0, meanMs: 20, mtls: false, sourceReports: false },
];

/** Namespaces that receive traffic (one overview row each) plus istio-system, which only sends. */
export const FIXTURE_NAMESPACES = ['bookinfo', 'istio-system', 'legacy', 'payments', 'shop'];

const BUCKETS = [1, 5, 10, 25, 50, 100, 250, 500, 1000, 2500];

function labels(edge: Edge, reporter: 'source' | 'destination', code: string): string {
  const [sns, swl, sapp] = edge.from === 'unknown' ? ['unknown', 'unknown', 'unknown'] : edge.from;
  const [dns, dwl, svc] = edge.to;
  const pairs: Array<[string, string]> = [
    ['reporter', reporter],
    ['source_workload', swl],
    ['source_workload_namespace', sns],
    ['source_app', sapp],
    ['source_canonical_service', sapp],
    ['source_version', version(swl)],
    ['source_canonical_revision', canonicalRevision(swl)],
    ['destination_workload', dwl],
    ['destination_workload_namespace', dns],
    ['destination_app', svc],
    ['destination_canonical_service', svc],
    ['destination_version', version(dwl)],
    ['destination_canonical_revision', canonicalRevision(dwl)],
    ['destination_service', `${svc}.${dns}.svc.cluster.local`],
    ['destination_service_name', svc],
    ['destination_service_namespace', dns],
    ['destination_cluster', 'Kubernetes'],
    ['source_cluster', 'Kubernetes'],
    ['request_protocol', 'http'],
    ['response_code', code],
    ['response_flags', '-'],
    ['connection_security_policy', reporter === 'destination' ? (edge.mtls ? 'mutual_tls' : 'none') : 'unknown'],
  ];
  return pairs.map(([k, v]) => `${k}="${v}"`).join(',');
}

/** Istio takes the version from the pod's `version` label; these workloads are named <app>-<version>. */
function version(workload: string): string {
  return /-(v\d+)$/.exec(workload)?.[1] ?? 'unknown';
}

/** Istio's canonical revision: the version label, or `latest` without one. */
function canonicalRevision(workload: string): string {
  const v = version(workload);
  return v === 'unknown' ? 'latest' : v;
}

function round3(n: number): number {
  return Math.round(n * 1000) / 1000;
}

/** Fraction of requests at or below `le` ms, for an exponential latency with the edge's mean. */
function cdf(le: number, meanMs: number): number {
  return 1 - Math.exp(-le / meanMs);
}

/** `count` extra namespaces, each a frontend calling a backend, for scale runs (500 namespaces: the target). */
export function generatedEdges(count: number): Edge[] {
  return Array.from({ length: count }, (_, i) => {
    const ns = `gen-${String(i).padStart(3, '0')}`;
    return {
      from: [ns, 'frontend-v1', 'frontend'] as [string, string, string],
      to: [ns, 'backend-v1', 'backend'] as [string, string, string],
      rps: 1 + (i % 7),
      errorShare: i % 10 === 0 ? 0.08 : 0,
      meanMs: 10 + (i % 50),
      mtls: i % 3 !== 0,
      sourceReports: true,
    };
  });
}

export function renderMetrics(elapsedSeconds: number, edges: readonly Edge[] = EDGES): string {
  const out = ['# TYPE istio_requests_total counter'];
  const hist = ['# TYPE istio_request_duration_milliseconds histogram'];
  for (const edge of edges) {
    // Fractional counters (valid in the exposition format) keep short-window rates steady: whole-number
    // steps would make a 10 s error rate jump between scrapes.
    const total = round3(edge.rps * elapsedSeconds);
    const errors = round3(total * edge.errorShare);
    for (const reporter of ['source', 'destination'] as const) {
      if (reporter === 'source' && !edge.sourceReports) {
        continue;
      }
      out.push(`istio_requests_total{${labels(edge, reporter, '200')}} ${round3(total - errors)}`);
      if (edge.errorShare > 0) {
        out.push(`istio_requests_total{${labels(edge, reporter, '503')}} ${errors}`);
      }
      const l = labels(edge, reporter, '200');
      for (const le of BUCKETS) {
        hist.push(`istio_request_duration_milliseconds_bucket{${l},le="${le}"} ${round3(total * cdf(le, edge.meanMs))}`);
      }
      hist.push(`istio_request_duration_milliseconds_bucket{${l},le="+Inf"} ${total}`);
      hist.push(`istio_request_duration_milliseconds_sum{${l}} ${Math.round(total * edge.meanMs)}`);
      hist.push(`istio_request_duration_milliseconds_count{${l}} ${total}`);
    }
  }
  return [...out, ...hist, ''].join('\n');
}

export interface MetricsSource {
  /** host:port for a Prometheus static target. */
  target: string;
  namespaces: string[];
  close(): Promise<void>;
}

export async function startIstioFixture(options: { generatedNamespaces?: number } = {}): Promise<MetricsSource> {
  const started = Date.now();
  const generated = generatedEdges(options.generatedNamespaces ?? 0);
  const edges = [...EDGES, ...generated];
  const port = await freePort();
  const server: Server = createServer((req, res) => {
    if (req.url !== '/metrics') {
      res.writeHead(404).end();
      return;
    }
    res.writeHead(200, { 'Content-Type': 'text/plain; version=0.0.4' });
    // Start as if the mesh had run for a minute, so the first scrapes already differ.
    res.end(renderMetrics(60 + (Date.now() - started) / 1000, edges));
  });
  await new Promise<void>((resolve) => server.listen(port, '127.0.0.1', resolve));
  return {
    target: `127.0.0.1:${port}`,
    namespaces: [...FIXTURE_NAMESPACES, ...generated.map((e) => e.to[0])],
    close: () => new Promise((resolve) => server.close(() => resolve())),
  };
}
