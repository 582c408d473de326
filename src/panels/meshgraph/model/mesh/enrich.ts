import { nodeId } from './nodeId';
import { type PopulateOptions, resolveSeries, serviceIdentity, shouldInject } from './populate';
import { type EnrichmentSample } from './readPromFrames';
import { type MeshEdge, type MeshGraphModel } from './types';

interface Acc {
  mtls: number;
  total: number;
  throughput: number;
  seen: Set<string>;
}

/**
 * Response time, throughput and mTLS from the preset's enrichment queries onto the model's edges
 * (Kiali's responseTime, throughput and securityPolicy appenders). Returns a new model; edges that
 * get nothing are shared with the input. Counts samples that match no edge.
 * With an injected service node, response time and throughput go on the service → workload edge only: the
 * caller → service edge would need the service's times aggregated over its workloads, which no series gives
 * (response_time.go and throughput.go, Kiali's JIRA KIALI-2297); mTLS and principals go on both edges
 * (security_policy.go). Response times of a protocol whose requests are not read (o.httpRequests,
 * o.grpcRequests: Kiali's rates other than "requests") are skipped, as Kiali skips them, not counted.
 */
export function enrichEdges(model: MeshGraphModel, samples: readonly EnrichmentSample[], o: PopulateOptions): { model: MeshGraphModel; unmatched: number } {
  if (samples.length === 0) {
    return { model, unmatched: 0 };
  }
  const byEnds = new Map<string, MeshEdge[]>();
  for (const e of model.edges) {
    const key = `${e.source}\n${e.target}`;
    const list = byEnds.get(key);
    if (list) {
      list.push(e);
    } else {
      byEnds.set(key, [e]);
    }
  }
  const updates = new Map<string, Partial<MeshEdge> & { acc?: Acc }>();
  let unmatched = 0;
  for (const s of samples) {
    // Kiali's security query groups without destination_service; the service name stands in for it.
    const labels = s.labels.destination_service === undefined ? Object.assign({}, s.labels, { destination_service: s.labels.destination_service_name ?? '' }) : s.labels;
    const r = resolveSeries(labels, o);
    const source = typeof r === 'string' ? undefined : nodeId(r.sourceIdentity, o.graphType);
    const dest = typeof r === 'string' ? undefined : nodeId(r.destIdentity, o.graphType);
    if (typeof r === 'string' || !source || !dest) {
      unmatched++;
      continue;
    }
    const protocol = s.labels.request_protocol;
    if (s.kind === 'responseTime' && ((protocol === 'http' && !o.httpRequests) || (protocol === 'grpc' && !o.grpcRequests))) {
      continue;
    }
    const pairs: Array<[string, string]> = [];
    if (shouldInject(r, dest.nodeType, o)) {
      const svc = nodeId(serviceIdentity(r), o.graphType);
      if (svc) {
        if (s.kind === 'security') {
          pairs.push([source.id, svc.id]);
        }
        pairs.push([svc.id, dest.id]);
      }
    } else {
      pairs.push([source.id, dest.id]);
    }
    const edges = pairs.flatMap(([a, b]) => byEnds.get(`${a}\n${b}`) ?? []).filter((e) => !protocol || e.protocol === protocol);
    if (edges.length === 0) {
      unmatched++;
    }
    for (const e of edges) {
      const u = updates.get(e.id) ?? {};
      updates.set(e.id, u);
      if (s.kind === 'responseTime') {
        // The destination-reported query comes first in the preset and wins, as in Kiali.
        u.responseTime ??= s.value;
        continue;
      }
      const acc = (u.acc ??= { mtls: 0, total: 0, throughput: 0, seen: new Set() });
      const key = JSON.stringify(s.labels);
      if (acc.seen.has(`${s.kind}${key}`)) {
        continue;
      }
      acc.seen.add(`${s.kind}${key}`);
      if (s.kind === 'throughput') {
        acc.throughput += s.value;
      } else {
        acc.total += s.value;
        if (s.labels.connection_security_policy === 'mutual_tls') {
          acc.mtls += s.value;
        }
        u.sourcePrincipal ??= s.labels.source_principal;
        u.destPrincipal ??= s.labels.destination_principal;
      }
    }
  }
  const edges = model.edges.map((e) => {
    const u = updates.get(e.id);
    if (!u) {
      return e;
    }
    const { acc, ...rest } = u;
    const next: MeshEdge = { ...e, ...rest };
    if (acc && acc.total > 0) {
      next.isMTLS = (acc.mtls / acc.total) * 100;
    }
    if (acc && acc.throughput > 0) {
      next.throughput = acc.throughput;
    }
    return next;
  });
  return { model: { ...model, edges }, unmatched };
}
