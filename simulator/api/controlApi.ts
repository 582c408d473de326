import { Control, ControlError } from '../engine/control';
import type { Engine } from '../engine/engine';
import {
  ApiError,
  type Body,
  httpCode,
  kubernetesName,
  labelValue,
  MAX_LATENCY_MS,
  MAX_WEIGHT,
  name,
  number,
  onlyFields,
  optional,
  parseBody,
  weights,
} from './fields';

/**
 * How much the control API may grow the mesh in one run. Only two calls add series: a new workload (one per
 * call, ~70 series in bookinfo) and a fault with a response code no edge had (new series on the edge's hops).
 */
export interface ApiLimits {
  /** Workloads `POST /api/workloads` may add over the run (`--max-added-workloads`). */
  maxAddedWorkloads: number;
  /** Response codes `POST /api/faults` may introduce over the run (`--max-error-codes`). */
  maxErrorCodes: number;
  /** Series the simulator may hold before those two calls are refused (`--max-series`). */
  maxSeries: number;
}

/** 1,000,000 series is above the 5,000-workload generated mesh (~415,000), the largest measured. */
export const DEFAULT_LIMITS: ApiLimits = { maxAddedWorkloads: 20, maxErrorCodes: 20, maxSeries: 1_000_000 };

export interface ApiAnswer {
  status: number;
  body: unknown;
}

type Route = (body: Body) => unknown;

/**
 * The control API without HTTP: takes the method, path, Content-Type and body text, answers a status and a
 * JSON body. Only `application/json` bodies are read (a web page cannot send one cross-origin without a CORS
 * preflight, which this API never grants); every field is checked before anything changes.
 */
export class ControlApi {
  private readonly control: Control;
  private added = 0;
  /** Response codes the topology and flags already use; others count against maxErrorCodes. */
  private readonly knownCodes: Set<string>;
  private readonly newCodes = new Set<string>();
  private readonly routes: Record<string, Route>;

  constructor(
    private readonly engine: Engine,
    readonly limits: ApiLimits = DEFAULT_LIMITS
  ) {
    this.control = new Control(engine);
    this.knownCodes = new Set(engine.mesh.edges.map((e) => e.errorCode).filter((code): code is string => Boolean(code)));
    const c = this.control;
    this.routes = {
      '/api/faults': (b) => {
        onlyFields(b, ['from', 'to', 'errorRate', 'errorCode']);
        const request = [name(b, 'from'), name(b, 'to'), number(b, 'errorRate', 0, 1), optional(b, 'errorCode', httpCode)] as const;
        const code = request[3];
        const isNew = code !== undefined && !this.knownCodes.has(code) && !this.newCodes.has(code);
        if (isNew) {
          if (this.newCodes.size >= this.limits.maxErrorCodes) {
            throw new ApiError(
              409,
              `limit reached: ${this.newCodes.size} new response codes were introduced, at most ${this.limits.maxErrorCodes} per run (--max-error-codes)`
            );
          }
          this.checkSeries();
        }
        const changed = c.fault(...request).length;
        if (isNew) {
          this.newCodes.add(code);
        }
        return changed;
      },
      '/api/latency': (b) => {
        onlyFields(b, ['from', 'to', 'p50Ms', 'p95Ms']);
        const p50 = number(b, 'p50Ms', 0.01, MAX_LATENCY_MS);
        const p95 = number(b, 'p95Ms', 0.01, MAX_LATENCY_MS);
        if (p95 < p50) {
          throw new ApiError(400, `"p95Ms" (${p95}) must be at least "p50Ms" (${p50})`);
        }
        return c.latency(name(b, 'from'), name(b, 'to'), p50, p95).length;
      },
      '/api/shift': (b) => {
        onlyFields(b, ['service', 'weights']);
        return c.shift(name(b, 'service'), weights(b, 'weights', 100));
      },
      '/api/workloads/stop': (b) => {
        onlyFields(b, ['workload']);
        return c.stop(name(b, 'workload'));
      },
      '/api/workloads/start': (b) => {
        onlyFields(b, ['workload']);
        return c.start(name(b, 'workload'));
      },
      '/api/workloads': (b) => {
        onlyFields(b, ['name', 'service', 'version', 'weight']);
        const request = {
          name: kubernetesName(b, 'name'),
          service: name(b, 'service'),
          version: optional(b, 'version', labelValue),
          weight: optional(b, 'weight', (body, key) => number(body, key, 0, MAX_WEIGHT)),
        };
        if (this.added >= this.limits.maxAddedWorkloads) {
          throw new ApiError(
            409,
            `limit reached: ${this.added} workloads were added, at most ${this.limits.maxAddedWorkloads} per run (--max-added-workloads)`
          );
        }
        this.checkSeries();
        const index = c.add(request);
        this.added++;
        return index;
      },
    };
  }

  /** Whether `path` is a control route (all are POST). */
  has(path: string): boolean {
    return path in this.routes;
  }

  handle(method: string, path: string, contentType: string | undefined, bodyText: string): ApiAnswer {
    const route = this.routes[path];
    if (!route) {
      return { status: 404, body: { error: `no route ${method} ${path}` } };
    }
    if (method !== 'POST') {
      return { status: 405, body: { error: `${path} takes POST, got ${method}` } };
    }
    const type = (contentType ?? '').split(';')[0].trim().toLowerCase();
    if (type !== 'application/json') {
      return { status: 415, body: { error: `Content-Type must be application/json, got ${contentType ? `"${contentType}"` : 'none'}` } };
    }
    try {
      const result = route(parseBody(bodyText));
      return { status: 200, body: { ok: true, result: result ?? null } };
    } catch (err) {
      if (err instanceof ApiError) {
        return { status: err.status, body: { error: err.message } };
      }
      if (err instanceof ControlError) {
        return { status: 400, body: { error: err.message } };
      }
      throw err;
    }
  }

  private checkSeries(): void {
    const now = this.engine.store.seriesCount();
    if (now >= this.limits.maxSeries) {
      throw new ApiError(409, `limit reached: the simulator holds ${now} series, at most ${this.limits.maxSeries} (--max-series)`);
    }
  }
}
