import { type Sample } from '../mesh/types';

/**
 * An Istio-shaped mesh as Prometheus would report it (the shape the benchmark doc describes):
 * namespaces of 5–20 workloads calling the next layers, shared databases and caches with high
 * in-degree, an ingress gateway root, one `unknown` source, average out-degree 2.5. Deterministic.
 */
export function syntheticMesh(workloads: number, seed = 1): Sample[] {
  let state = seed >>> 0 || 1;
  const random = () => {
    state = (Math.imul(state, 1664525) + 1013904223) >>> 0;
    return state / 2 ** 32;
  };
  const names: Array<{ ns: string; wl: string; app: string }> = [];
  let ns = 0;
  while (names.length < workloads) {
    const size = 5 + Math.floor(random() * 16);
    for (let i = 0; i < size && names.length < workloads; i++) {
      const app = i === 0 ? 'frontend' : i === size - 1 ? 'db' : i === size - 2 ? 'cache' : `svc${i}`;
      names.push({ ns: `ns${ns}`, wl: `${app}-v1`, app });
    }
    ns++;
  }
  const labels = (s: (typeof names)[number] | undefined, d: (typeof names)[number], code: string) => ({
    source_cluster: s ? 'east' : 'unknown',
    source_workload_namespace: s?.ns ?? 'unknown',
    source_workload: s?.wl ?? 'unknown',
    source_canonical_service: s?.app ?? 'unknown',
    source_canonical_revision: s ? 'v1' : 'unknown',
    destination_cluster: 'east',
    destination_service_namespace: d.ns,
    destination_service: `${d.app}.${d.ns}.svc.cluster.local`,
    destination_service_name: d.app,
    destination_workload_namespace: d.ns,
    destination_workload: d.wl,
    destination_canonical_service: d.app,
    destination_canonical_revision: 'v1',
    request_protocol: 'http',
    response_code: code,
    grpc_response_status: '',
    response_flags: '-',
  });
  const samples: Sample[] = [];
  const gateway = { ns: 'istio-system', wl: 'istio-ingressgateway', app: 'istio-ingressgateway' };
  const edgesTarget = Math.round(workloads * 2.5);
  const pick = (lo: number, hi: number) => lo + Math.floor(random() * Math.max(1, hi - lo));
  const push = (s: (typeof names)[number] | undefined, d: (typeof names)[number]) => {
    const rate = Math.round(random() * 1000) / 10 + 0.1;
    samples.push({ metric: 'istio_requests_total', labels: labels(s, d, '200'), value: rate });
    if (random() < 0.15) {
      samples.push({ metric: 'istio_requests_total', labels: labels(s, d, random() < 0.5 ? '503' : '404'), value: rate * random() * 0.3 });
    }
  };
  names.forEach((d) => d.app === 'frontend' && push(gateway, d));
  push(undefined, names[0]);
  let edges = samples.length;
  const shared = names.filter((n) => n.app === 'db' || n.app === 'cache');
  while (edges < edgesTarget) {
    const i = pick(0, names.length - 1);
    // Mostly forward in the same or a later namespace; sometimes to a shared backend anywhere.
    const j = random() < 0.2 ? names.indexOf(shared[pick(0, shared.length)]) : Math.min(names.length - 1, i + 1 + pick(0, 25));
    if (j > i) {
      push(names[i], names[j]);
      edges++;
    }
  }
  return samples;
}
