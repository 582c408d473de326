import { randomInt, seededRandom, type Random } from '../model/random';
import { TopologyBuilder } from './builder';
import type { Edge, Topology } from './types';

export const SERVICES_PER_NAMESPACE = 10;
const LAYERS = 4;

/**
 * A seeded synthetic mesh of `workloads` workloads: namespaces of 10 services in 4 layers
 * (frontend -> mid -> leaves), ~20 % of services with two versions, a shared `platform`
 * namespace (auth over gRPC, a TCP cache and database) with high in-degree, an ingress gateway
 * calling every frontend, an `unknown` caller, and a few back-calls that close cycles.
 */
export function generated(workloads: number, seed: number): Topology {
  if (!Number.isInteger(workloads) || workloads < 10) {
    throw new Error(`generated topology needs --scale >= 10 workloads, got ${workloads}`);
  }
  const random = seededRandom(seed);
  const b = new TopologyBuilder(`generated-${workloads}`);
  const ingress = b.workload('istio-ingressgateway', 'istio-system', {
    rps: 0,
    serviceAccount: 'istio-ingressgateway-service-account',
  });
  const unknown = b.workload('unknown', 'unknown', {
    cluster: 'unknown',
    app: 'unknown',
    version: 'unknown',
    serviceAccount: 'unknown',
    dataPlane: 'none',
    rps: 1,
  });
  let count = 2;

  const platform = (name: string, port: number) => {
    const w = b.workload(`${name}-v1`, 'platform', { serviceAccount: name });
    count++;
    return { svc: b.service(name, 'platform', port, [w]), w };
  };
  const auth = platform('auth', 9090);
  const cache = platform('cache', 6379);
  const db = platform('db', 5432);
  b.call(auth.w, cache.svc, { protocol: 'tcp', ratio: 0.3, latency: { p50Ms: 0.4, p95Ms: 2 } });

  const frontends: string[] = [];
  let rootRps = 0;
  for (let n = 0; count < workloads; n++) {
    const ns = `ns-${String(n).padStart(3, '0')}`;
    const layers: Array<Array<{ svc: string; versions: string[] }>> = Array.from({ length: LAYERS }, () => []);
    for (let s = 0; s < SERVICES_PER_NAMESPACE && count < workloads; s++) {
      const layer =
        s === 0 ? 0 : Math.min(LAYERS - 1, 1 + Math.floor(((s - 1) * (LAYERS - 1)) / (SERVICES_PER_NAMESPACE - 1)));
      const name = `svc-${s}`;
      const nVersions = s > 0 && random() < 0.2 && count + 2 <= workloads ? 2 : 1;
      const versions = Array.from({ length: nVersions }, (_, v) =>
        b.workload(`${name}-v${v + 1}`, ns, { app: name, serviceAccount: name })
      );
      count += nVersions;
      const svc = b.service(name, ns, 8080, versions);
      layers[layer].push({ svc, versions });
    }
    frontends.push(layers[0][0].svc);
    // Call down the layers; each version of a service calls the same dependencies.
    for (let l = 0; l < LAYERS; l++) {
      for (const node of layers[l]) {
        const targets = pickTargets(random, layers, l);
        for (const from of node.versions) {
          for (const to of targets) {
            b.call(from, to, edgeShape(random));
          }
          if (l >= 1 && random() < 0.3) {
            b.call(
              from,
              random() < 0.5 ? auth.svc : db.svc,
              random() < 0.5
                ? { protocol: 'grpc', ratio: 0.5, latency: { p50Ms: 2, p95Ms: 9 } }
                : { protocol: 'tcp', ratio: 0.2 }
            );
          }
          // A few back-calls close cycles (e.g. a leaf asking its frontend for a callback).
          if (l === LAYERS - 1 && random() < 0.05) {
            b.call(from, layers[0][0].svc, { ratio: 0.05 });
          }
        }
      }
    }
    rootRps += 2;
  }
  for (const f of frontends) {
    b.call(ingress, f, { ratio: 1 / frontends.length, latency: { p50Ms: 30, p95Ms: 120 } });
  }
  b.call(unknown, frontends[0], { mtls: false });
  const topology = b.build();
  topology.workloads[0].rps = rootRps;
  return topology;
}

function pickTargets(random: Random, layers: Array<Array<{ svc: string }>>, layer: number): string[] {
  const below = layers.slice(layer + 1).flat();
  if (below.length === 0) {
    return [];
  }
  const n = Math.min(below.length, randomInt(random, layer === 0 ? 2 : 0, 2));
  const picked = new Set<string>();
  while (picked.size < n) {
    picked.add(below[Math.floor(random() * below.length)].svc);
  }
  return [...picked];
}

function edgeShape(random: Random): Partial<Edge> {
  const p50 = 2 + random() * 30;
  return {
    ratio: 0.5 + random() * 0.5,
    mtls: random() < 0.9,
    protocol: random() < 0.1 ? 'grpc' : 'http',
    errorRate: random() < 0.08 ? 0.01 + random() * 0.05 : 0,
    latency: { p50Ms: p50, p95Ms: p50 * (2 + random() * 3) },
  };
}
