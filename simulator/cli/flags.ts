import { DEFAULT_LIMITS, type ApiLimits } from '../api/controlApi';

/** Command-line flags. Any problem is a UsageError: main prints it and exits with code 2. */
export class UsageError extends Error {}

export interface Fault {
  from: string;
  to: string;
  errorRate: number;
  errorCode?: string;
}

export interface LatencyOverride {
  from: string;
  to: string;
  p50Ms: number;
  p95Ms: number;
}

export interface Shift {
  service: string;
  weights: Record<string, number>;
}

export interface Flags {
  topology: string;
  port: number;
  host: string;
  seed: number;
  scale: number;
  otlp?: string;
  /** Percent of root requests traced, like Istio's traceSampling (default 1). */
  traceSampling?: number;
  tracesDir?: string;
  tickMs: number;
  /** Simulated seconds run instantly at start-up, so every series exists before the first scrape. */
  warmupSeconds: number;
  daySeconds: number;
  faults: Fault[];
  latencies: LatencyOverride[];
  shifts: Shift[];
  stops: string[];
  /** New versions started behind a service: name:service[:weight]. */
  adds: Array<{ name: string; service: string; weight: number }>;
  /** What the control API may add in one run (simulator/api/controlApi.ts). */
  limits: ApiLimits;
  /** Emit kube-state-metrics stand-ins (`--kube-state off`: a mesh whose Prometheus has Istio's metrics only). */
  kubeState: boolean;
}

export const USAGE = `usage: npm run simulate -- --topology <bookinfo|generated|ambient|multicluster|idle|file.yaml|file.json>[+...]
  [--port 15090] [--host 127.0.0.1] [--seed 1] [--scale 50] [--otlp http://jaeger:4318]
  [--trace-sampling 1] [--traces-dir dir] [--tick-ms 1000] [--warmup 0] [--day-seconds 3600]
  [--fault from:to:rate[:code]]... [--latency from:to:p50ms:p95ms]... [--shift service:wl=weight,wl=weight]... [--stop workload]... [--add name:service[:weight]]...
  [--max-added-workloads 20] [--max-error-codes 20] [--max-series 1000000] [--kube-state on|off]`;

const VALUE_FLAGS = new Set([
  'topology',
  'port',
  'host',
  'seed',
  'scale',
  'otlp',
  'trace-sampling',
  'traces-dir',
  'tick-ms',
  'warmup',
  'day-seconds',
  'fault',
  'latency',
  'shift',
  'stop',
  'add',
  'max-added-workloads',
  'max-error-codes',
  'max-series',
  'kube-state',
]);

export function parseFlags(argv: readonly string[]): Flags {
  const flags: Flags = {
    topology: 'bookinfo',
    port: 15090,
    // Loopback only: the control API has no authentication. `--host 0.0.0.0` in a container or a trusted network.
    host: '127.0.0.1',
    seed: 1,
    scale: 50,
    tickMs: 1000,
    warmupSeconds: 0,
    daySeconds: 3600,
    faults: [],
    latencies: [],
    shifts: [],
    stops: [],
    adds: [],
    limits: { ...DEFAULT_LIMITS },
    kubeState: true,
  };
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i];
    if (!arg.startsWith('--')) {
      throw new UsageError(`unexpected argument "${arg}"`);
    }
    const eq = arg.indexOf('=');
    const name = arg.slice(2, eq === -1 ? undefined : eq);
    if (!VALUE_FLAGS.has(name)) {
      throw new UsageError(`unknown flag --${name}`);
    }
    const value = eq === -1 ? argv[++i] : arg.slice(eq + 1);
    if (value === undefined || value === '') {
      throw new UsageError(`--${name} needs a value`);
    }
    apply(flags, name, value);
  }
  return flags;
}

function apply(flags: Flags, name: string, value: string): void {
  switch (name) {
    case 'topology':
      flags.topology = value;
      break;
    case 'port':
      flags.port = integer(name, value, 0, 65535);
      break;
    case 'host':
      flags.host = value;
      break;
    case 'seed':
      flags.seed = integer(name, value, 0, 2 ** 32 - 1);
      break;
    case 'scale':
      flags.scale = integer(name, value, 1, 100000);
      break;
    case 'otlp':
      if (!/^https?:\/\/[^\s]+$/.test(value)) {
        throw new UsageError(`--otlp must be an http(s) URL, got "${value}"`);
      }
      flags.otlp = value.replace(/\/+$/, '');
      break;
    case 'trace-sampling':
      flags.traceSampling = number(name, value, 0, 100);
      break;
    case 'traces-dir':
      flags.tracesDir = value;
      break;
    case 'tick-ms':
      flags.tickMs = integer(name, value, 50, 60000);
      break;
    case 'warmup':
      flags.warmupSeconds = integer(name, value, 0, 3600);
      break;
    case 'day-seconds':
      flags.daySeconds = number(name, value, 10, 7 * 86400);
      break;
    case 'fault': {
      const [from, to, rate, code, ...rest] = value.split(':');
      if (!from || !to || rate === undefined || rest.length > 0) {
        throw new UsageError(`--fault wants from:to:rate[:code], got "${value}"`);
      }
      flags.faults.push({
        from,
        to,
        errorRate: number(name, rate, 0, 1),
        errorCode: code ? httpCode(code) : undefined,
      });
      break;
    }
    case 'latency': {
      const [from, to, p50, p95, ...rest] = value.split(':');
      if (!from || !to || p50 === undefined || p95 === undefined || rest.length > 0) {
        throw new UsageError(`--latency wants from:to:p50ms:p95ms, got "${value}"`);
      }
      const latency = { from, to, p50Ms: number(name, p50, 0.01, 3.6e6), p95Ms: number(name, p95, 0.01, 3.6e6) };
      if (latency.p95Ms < latency.p50Ms) {
        throw new UsageError(`--latency: p95 (${p95}) is below p50 (${p50})`);
      }
      flags.latencies.push(latency);
      break;
    }
    case 'shift':
      flags.shifts.push(parseShift(value));
      break;
    case 'stop':
      flags.stops.push(value);
      break;
    case 'add': {
      const [workload, service, weight, ...rest] = value.split(':');
      if (!workload || !service || rest.length > 0) {
        throw new UsageError(`--add wants name:service[:weight], got "${value}"`);
      }
      flags.adds.push({ name: workload, service, weight: weight === undefined ? 1 : number(name, weight, 0, 1e6) });
      break;
    }
    case 'max-added-workloads':
      flags.limits.maxAddedWorkloads = integer(name, value, 0, 10000);
      break;
    case 'max-error-codes':
      flags.limits.maxErrorCodes = integer(name, value, 0, 500);
      break;
    case 'max-series':
      flags.limits.maxSeries = integer(name, value, 1, 1e8);
      break;
    case 'kube-state':
      if (value !== 'on' && value !== 'off') {
        throw new UsageError(`--kube-state wants on or off, got "${value}"`);
      }
      flags.kubeState = value === 'on';
      break;
  }
}

function parseShift(value: string): Shift {
  const colon = value.indexOf(':');
  if (colon <= 0) {
    throw new UsageError(`--shift wants service:workload=weight,..., got "${value}"`);
  }
  const weights: Record<string, number> = {};
  for (const part of value.slice(colon + 1).split(',')) {
    const [workload, weight] = part.split('=');
    if (!workload || weight === undefined) {
      throw new UsageError(`--shift: "${part}" is not workload=weight`);
    }
    weights[workload] = number('shift', weight, 0, 1e6);
  }
  return { service: value.slice(0, colon), weights };
}

function number(name: string, value: string, min: number, max: number): number {
  const n = Number(value);
  if (!Number.isFinite(n) || n < min || n > max) {
    throw new UsageError(`--${name} must be a number from ${min} to ${max}, got "${value}"`);
  }
  return n;
}

function integer(name: string, value: string, min: number, max: number): number {
  const n = number(name, value, min, max);
  if (!Number.isInteger(n)) {
    throw new UsageError(`--${name} must be a whole number, got "${value}"`);
  }
  return n;
}

function httpCode(code: string): string {
  if (!/^[1-5]\d\d$/.test(code)) {
    throw new UsageError(`--fault: "${code}" is not an HTTP status code`);
  }
  return code;
}
