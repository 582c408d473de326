import { addToBuckets, cumulativeShares, ENVOY_BUCKETS, logNormal, mean, wave } from '../model/distribution';
import { podName, type Reporter } from '../model/labels';
import { seededRandom, type Random } from '../model/random';
import { defineIstioFamilies, type IstioFamilies } from '../metrics/istioFamilies';
import { MetricStore, type Exemplar } from '../metrics/store';
import type { Topology, Workload } from '../topology/types';
import { Mesh, type LiveEdge } from './mesh';
import { NO_HEALTHY_UPSTREAM, outcomesOf, type Outcome } from './outcomes';
import { createReport, type Report } from './reports';

export interface EngineOptions {
  seed: number;
  /** Length of the simulated traffic "day" in seconds (rates follow a wave of this period). */
  daySeconds: number;
  startMs: number;
}

interface Shape {
  revision: number;
  /** Per reporter kind: cumulative bucket shares and mean of the latency distribution. */
  latency: Record<Reporter, { shares: Float64Array; mean: number }>;
  requestBytes: { shares: Float64Array; mean: number };
  responseBytes: { shares: Float64Array; mean: number };
}

/** Extra latency each proxy layer adds on top of the server's own time. */
const PROXY_OVERHEAD_MS: Record<Reporter, number> = { destination: 0, waypoint: 0.3, source: 0.6 };

/**
 * Advances the mesh tick by tick: request rates flow from the traffic roots along the edges
 * (one tick of delay per hop, which also keeps cycles finite), split over service versions by
 * weight, end in the edge's outcomes, and land in both proxies' series.
 */
export class Engine {
  readonly store = new MetricStore();
  readonly mesh: Mesh;
  private readonly families: IstioFamilies;
  private readonly random: Random;
  private inbound: Float64Array;
  private noise: Float64Array;
  private readonly carries = new Map<string, number>();
  private readonly reports = new Map<string, Report>();
  private readonly shapes = new Map<number, Shape>();
  /** Requests per second each root originated in the last tick (read by the tracer). */
  readonly rootRates = new Map<number, number>();

  constructor(
    topology: Topology,
    readonly options: EngineOptions
  ) {
    this.mesh = new Mesh(topology);
    this.families = defineIstioFamilies(this.store);
    this.random = seededRandom(options.seed);
    this.inbound = new Float64Array(this.mesh.workloads.length);
    this.noise = new Float64Array(this.mesh.workloads.length).fill(1);
  }

  tick(dtSeconds: number, nowMs: number): void {
    const { workloads, services, edges, stopped } = this.mesh;
    this.grow();
    const t = (nowMs - this.options.startMs) / 1000;
    const next = new Float64Array(workloads.length);
    this.rootRates.clear();
    for (let w = 0; w < workloads.length; w++) {
      this.noise[w] = Math.min(1.15, Math.max(0.85, this.noise[w] + (this.random() - 0.5) * 0.04));
      const rps = workloads[w].rps;
      if (rps && !stopped.has(w)) {
        const rate = rps * wave(t, this.options.daySeconds, (w % 7) * 0.3) * this.noise[w];
        this.rootRates.set(w, rate);
      }
    }
    for (const edge of edges) {
      if (stopped.has(edge.fromIndex)) {
        continue;
      }
      const rate = ((this.rootRates.get(edge.fromIndex) ?? 0) + this.inbound[edge.fromIndex]) * edge.ratio;
      if (rate <= 0) {
        continue;
      }
      const service = services[edge.toIndex];
      if (service.kind !== 'mesh') {
        this.flow(edge, -1, rate, dtSeconds, outcomesOf(edge), next);
        continue;
      }
      const live = service.liveBackends.filter((b) => b.weight > 0 && !stopped.has(b.workload));
      const total = live.reduce((sum, b) => sum + b.weight, 0);
      if (total === 0) {
        this.flow(edge, -1, rate, dtSeconds, [NO_HEALTHY_UPSTREAM], next);
        continue;
      }
      for (const b of live) {
        this.flow(edge, b.workload, (rate * b.weight) / total, dtSeconds, outcomesOf(edge), next);
      }
    }
    this.inbound = next;
  }

  /** Stores a sampled trace's duration as the exemplar of the bucket it falls in. */
  exemplar(
    edgeIndex: number,
    destination: number,
    outcome: Outcome,
    reporter: Reporter,
    durationMs: number,
    traceId: string,
    nowMs: number
  ): void {
    const report = this.reports.get(`${edgeIndex}|${destination}|${outcome.key}|${reporter}`);
    const series = report?.http?.duration;
    if (!series) {
      return;
    }
    const bucket = ENVOY_BUCKETS.findIndex((b) => durationMs <= b);
    const index = bucket === -1 ? ENVOY_BUCKETS.length : bucket;
    series.exemplars ??= [];
    const e: Exemplar = {
      labelSet: { trace_id: traceId },
      value: Math.round(durationMs * 1000) / 1000,
      timestamp: nowMs / 1000,
    };
    series.exemplars[index] = e;
  }

  shapeOf(edge: LiveEdge): Shape {
    let shape = this.shapes.get(edge.index);
    if (!shape || shape.revision !== edge.revision) {
      const latency = {} as Shape['latency'];
      for (const reporter of ['source', 'destination', 'waypoint'] as Reporter[]) {
        const extra = PROXY_OVERHEAD_MS[reporter];
        const d = logNormal(edge.latency.p50Ms + extra, edge.latency.p95Ms + extra * 2);
        latency[reporter] = { shares: cumulativeShares(d, ENVOY_BUCKETS), mean: mean(d) };
      }
      const bytes = (size: number) => {
        const d = logNormal(size, size * 1.8);
        return { shares: cumulativeShares(d, ENVOY_BUCKETS), mean: mean(d) };
      };
      shape = {
        revision: edge.revision,
        latency,
        requestBytes: bytes(edge.requestBytes),
        responseBytes: bytes(edge.responseBytes),
      };
      this.shapes.set(edge.index, shape);
    }
    return shape;
  }

  private flow(
    edge: LiveEdge,
    destination: number,
    rate: number,
    dt: number,
    outcomes: Outcome[],
    next: Float64Array
  ): void {
    for (const outcome of outcomes) {
      const key = `${edge.index}|${destination}|${outcome.key}`;
      const carried = (this.carries.get(key) ?? 0) + rate * outcome.share * dt;
      const count = Math.floor(carried);
      this.carries.set(key, carried - count);
      if (destination >= 0 && outcome.reached) {
        next[destination] += rate * outcome.share;
      }
      if (count > 0) {
        this.record(edge, outcome.endpointPicked ? destination : -1, outcome, count);
      }
    }
  }

  private record(edge: LiveEdge, destination: number, outcome: Outcome, count: number): void {
    const { workloads, services } = this.mesh;
    const source = workloads[edge.fromIndex];
    const service = services[edge.toIndex];
    const dst = destination >= 0 ? workloads[destination] : undefined;
    const shape = this.shapeOf(edge);
    const reachesServer = outcome.reached && dst !== undefined && service.kind === 'mesh';
    const ambient = source.dataPlane === 'ambient' || dst?.dataPlane === 'ambient';
    const waypoint =
      service.waypointIndex !== undefined && edge.protocol !== 'tcp' ? workloads[service.waypointIndex] : undefined;
    // hop: ztunnel's L4 hop into or out of the service's waypoint, with the waypoint at that end (the other end and
    // the service unchanged), as ztunnel reports it (istio/ztunnel src/proxy/outbound.rs: the actual destination
    // workload is the waypoint, the intended service is not).
    const report = (
      reporter: Reporter,
      proxy: Parameters<typeof createReport>[2]['proxy'],
      hop?: 'intoWaypoint' | 'fromWaypoint'
    ) => {
      const cacheKey = `${edge.index}|${destination}|${outcome.key}|${reporter}${proxy.kind === 'ztunnel' ? '|zt' : ''}${hop ? `|${hop}` : ''}`;
      let r = this.reports.get(cacheKey);
      if (!r) {
        r = createReport(this.store, this.families, {
          reporter,
          proxy,
          source: hop === 'fromWaypoint' && waypoint ? waypoint : source,
          service,
          destination: hop === 'intoWaypoint' && waypoint ? waypoint : dst,
          protocol: edge.protocol,
          mtls: edge.mtls,
          outcome,
        });
        this.reports.set(cacheKey, r);
      }
      this.apply(r, shape, reporter, edge, count);
    };
    if (source.dataPlane === 'sidecar') {
      report('source', { kind: 'pod', workload: source });
    }
    if (reachesServer && dst.dataPlane === 'sidecar') {
      report('destination', { kind: 'pod', workload: dst });
    }
    if (ambient) {
      // Through a waypoint ztunnel carries two hops: caller → waypoint (the caller's ztunnel) and waypoint → backend
      // (the backend's ztunnel); the waypoint itself reports the L7 request, caller → backend.
      if (source.dataPlane === 'ambient') {
        report('source', { kind: 'ztunnel', cluster: source.cluster }, waypoint ? 'intoWaypoint' : undefined);
      }
      if (reachesServer && dst.dataPlane === 'ambient') {
        report('destination', { kind: 'ztunnel', cluster: dst.cluster }, waypoint ? 'fromWaypoint' : undefined);
      }
      if (waypoint) {
        report('waypoint', { kind: 'pod', workload: waypoint });
      }
    }
  }

  private apply(report: Report, shape: Shape, reporter: Reporter, edge: LiveEdge, count: number): void {
    const jitter = 1 + (this.random() - 0.5) * 0.06;
    if (report.http) {
      const h = report.http;
      h.requests.value += count;
      const latency = shape.latency[reporter];
      addToBuckets(h.duration.buckets!, latency.shares, count, this.random());
      h.duration.value += count * latency.mean * jitter;
      addToBuckets(h.requestBytes.buckets!, shape.requestBytes.shares, count, this.random());
      h.requestBytes.value += Math.round(count * shape.requestBytes.mean * jitter);
      addToBuckets(h.responseBytes.buckets!, shape.responseBytes.shares, count, this.random());
      h.responseBytes.value += Math.round(count * shape.responseBytes.mean * jitter);
      if (h.requestMessages && h.responseMessages) {
        h.requestMessages.value += count;
        h.responseMessages.value += count * 3;
      }
    }
    if (report.tcp) {
      const t = report.tcp;
      t.opened.value += count;
      t.closed.value += count;
      t.received.value += Math.round(count * edge.requestBytes * jitter);
      t.sent.value += Math.round(count * edge.responseBytes * jitter);
    }
  }

  /** Keeps per-workload arrays in step with workloads added at run time. */
  private grow(): void {
    const n = this.mesh.workloads.length;
    if (this.inbound.length < n) {
      const inbound = new Float64Array(n);
      inbound.set(this.inbound);
      this.inbound = inbound;
      const noise = new Float64Array(n).fill(1);
      noise.set(this.noise);
      this.noise = noise;
    }
  }

  /** Adds a workload behind a service at run time; its proxy metrics start with its first request. */
  addWorkload(w: Workload, serviceIndex: number, weight: number): number {
    const index = this.mesh.addWorkload(w, serviceIndex, weight);
    this.grow();
    this.onWorkloadAdded?.(w);
    return index;
  }

  /** Set by main: registers the new pod's infrastructure series. */
  onWorkloadAdded?: (w: Workload) => void;

  /** Stopping a workload removes its pod: its series leave the scrape, its callers fail over or fail. */
  setStopped(workload: number, stop: boolean): void {
    const pod = podName(this.mesh.workloads[workload]);
    if (stop) {
      this.mesh.stopped.add(workload);
      this.store.hiddenPods.add(pod);
    } else {
      this.mesh.stopped.delete(workload);
      this.store.hiddenPods.delete(pod);
    }
  }
}
