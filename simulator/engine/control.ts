import type { Workload } from '../topology/types';
import type { Engine } from './engine';
import type { LiveEdge } from './mesh';

/** A control request that names something absent or carries bad values: HTTP 400 / exit 2. */
export class ControlError extends Error {}

/**
 * What the control API and the flags can change at run time. Names are resolved leniently:
 * `reviews-v3`, `bookinfo/reviews-v3` or `Kubernetes/bookinfo/reviews-v3` for workloads,
 * `ratings` or `bookinfo/ratings` for services.
 */
export class Control {
  constructor(private readonly engine: Engine) {}

  fault(from: string, to: string, errorRate: number, errorCode?: string): LiveEdge[] {
    checkShare('errorRate', errorRate);
    return this.edges(from, to).map((e) => {
      e.errorRate = errorRate;
      if (errorCode) {
        e.errorCode = errorCode;
      }
      e.revision++;
      return e;
    });
  }

  latency(from: string, to: string, p50Ms: number, p95Ms: number): LiveEdge[] {
    if (!(p50Ms > 0) || !(p95Ms >= p50Ms)) {
      throw new ControlError(`latency needs 0 < p50Ms <= p95Ms, got ${p50Ms} and ${p95Ms}`);
    }
    return this.edges(from, to).map((e) => {
      e.latency = { p50Ms, p95Ms };
      e.revision++;
      return e;
    });
  }

  /** Sets the weights of a service's versions; all or nothing: any bad entry leaves every weight as it was. */
  shift(service: string, weights: Record<string, number>): void {
    const s = this.engine.mesh.services[this.service(service)];
    const changes = Object.entries(weights).map(([ref, weight]) => {
      checkWeight(ref, weight);
      const w = this.workload(ref);
      const backend = s.liveBackends.find((b) => b.workload === w);
      if (!backend) {
        throw new ControlError(`workload ${ref} is not a backend of service ${service}`);
      }
      return { backend, weight };
    });
    changes.forEach(({ backend, weight }) => (backend.weight = weight));
  }

  stop(workload: string): void {
    this.engine.setStopped(this.workload(workload), true);
  }

  start(workload: string): void {
    this.engine.setStopped(this.workload(workload), false);
  }

  /** Starts a new version behind an existing service (e.g. reviews-v4); it calls what its siblings call. */
  add(input: { name: string; service: string; version?: string; weight?: number }): number {
    const serviceIndex = this.service(input.service);
    const s = this.engine.mesh.services[serviceIndex];
    if (!/^[a-z0-9]([-a-z0-9]*[a-z0-9])?$/.test(input.name ?? '')) {
      throw new ControlError(`workload name "${input.name}" is not a valid Kubernetes name`);
    }
    const template = s.liveBackends[0] ? this.engine.mesh.workloads[s.liveBackends[0].workload] : undefined;
    const w: Workload = {
      name: input.name,
      namespace: s.namespace,
      cluster: template?.cluster ?? 'Kubernetes',
      app: template?.app ?? s.name,
      version: input.version ?? /-(v\d+)$/.exec(input.name)?.[1] ?? 'latest',
      serviceAccount: template?.serviceAccount ?? s.name,
      dataPlane: template?.dataPlane ?? 'sidecar',
    };
    if (this.engine.mesh.findWorkload(`${w.cluster}/${w.namespace}/${w.name}`) !== undefined) {
      throw new ControlError(`workload ${w.namespace}/${w.name} already exists`);
    }
    const weight = input.weight ?? 1;
    checkWeight(input.name, weight);
    return this.engine.addWorkload(w, serviceIndex, weight);
  }

  private edges(from: string, to: string): LiveEdge[] {
    const f = this.workload(from);
    const t = this.service(to);
    const found = this.engine.mesh.edges.filter((e) => e.fromIndex === f && e.toIndex === t);
    if (found.length === 0) {
      throw new ControlError(`no edge from ${from} to ${to}`);
    }
    return found;
  }

  private workload(ref: string): number {
    const i = this.engine.mesh.findWorkload(ref);
    if (i === undefined) {
      throw new ControlError(`unknown or ambiguous workload "${ref}"`);
    }
    return i;
  }

  private service(ref: string): number {
    const i = this.engine.mesh.findService(ref);
    if (i === undefined) {
      throw new ControlError(`unknown or ambiguous service "${ref}"`);
    }
    return i;
  }
}

/** Weights share a service's traffic: an infinite one would turn every share into NaN for good. */
function checkWeight(ref: string, weight: number): void {
  if (typeof weight !== 'number' || !Number.isFinite(weight) || weight < 0 || weight > 1e6) {
    throw new ControlError(`weight for ${ref} must be a number from 0 to 1000000, got ${String(weight)}`);
  }
}

function checkShare(name: string, value: number): void {
  if (!(value >= 0 && value <= 1)) {
    throw new ControlError(`${name} must be between 0 and 1, got ${value}`);
  }
}
