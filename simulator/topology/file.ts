import { readFileSync } from 'node:fs';
import { LineCounter, parseDocument, type Document } from 'yaml';
import {
  edge as edgeDefaults,
  DEFAULT_CLUSTER,
  hostOf,
  type Edge,
  type Service,
  type Topology,
  type Workload,
  workloadKey,
} from './types';

/** A topology file problem, with the file, line and field. */
export class TopologyFileError extends Error {}

type Path = Array<string | number>;

/**
 * Reads a YAML or JSON topology (JSON is parsed as YAML 1.2) and validates it field by field.
 * The format is documented in simulator/README.md.
 */
export function loadTopologyFile(file: string): Topology {
  let text: string;
  try {
    text = readFileSync(file, 'utf8');
  } catch (err) {
    throw new TopologyFileError(`${file}: cannot read: ${(err as Error).message}`);
  }
  return parseTopology(text, file);
}

export function parseTopology(text: string, file: string): Topology {
  const lines = new LineCounter();
  const doc = parseDocument(text, { lineCounter: lines, prettyErrors: false, uniqueKeys: true });
  if (doc.errors.length > 0) {
    const e = doc.errors[0];
    throw new TopologyFileError(`${file}: line ${e.linePos?.[0]?.line ?? '?'}: ${e.message.split('\n')[0]}`);
  }
  const fail = (path: Path, message: string): never => {
    throw new TopologyFileError(`${file}: line ${lineOf(doc, lines, path)}: ${fieldName(path)}: ${message}`);
  };
  const root = doc.toJS() as unknown;
  const top = object(root, [], fail, ['name', 'traceSampling', 'workloads', 'services', 'edges']);
  const workloads = list(top.workloads, ['workloads'], fail).map((w, i) => workload(w, ['workloads', i], fail));
  const keys = new Map<string, number>();
  workloads.forEach((w, i) => {
    if (keys.has(workloadKey(w))) {
      fail(['workloads', i, 'name'], `duplicate workload ${workloadKey(w)}`);
    }
    keys.set(workloadKey(w), i);
  });
  const resolveWorkload = (ref: unknown, path: Path): string => {
    const s = str(ref, path, fail);
    const hits = workloads.filter((w) => [w.name, `${w.namespace}/${w.name}`, workloadKey(w)].includes(s));
    if (hits.length !== 1) {
      fail(
        path,
        hits.length === 0 ? `no workload "${s}"` : `"${s}" is ambiguous, use namespace/name or cluster/namespace/name`
      );
    }
    return workloadKey(hits[0]);
  };
  const services = list(top.services, ['services'], fail).map((s, i) =>
    service(s, ['services', i], fail, resolveWorkload)
  );
  const resolveService = (ref: unknown, path: Path): string => {
    const s = str(ref, path, fail);
    const hits = services.filter((x) => [x.name, `${x.namespace}/${x.name}`, x.host].includes(s));
    if (hits.length !== 1) {
      fail(path, hits.length === 0 ? `no service "${s}"` : `"${s}" is ambiguous, use namespace/name`);
    }
    return `${hits[0].namespace}/${hits[0].name}`;
  };
  const edges = list(top.edges ?? [], ['edges'], fail).map((e, i) =>
    edge(e, ['edges', i], fail, resolveWorkload, resolveService)
  );
  const traceSampling = top.traceSampling === undefined ? 0.01 : num(top.traceSampling, ['traceSampling'], fail, 0, 1);
  return {
    name: top.name === undefined ? file : str(top.name, ['name'], fail),
    workloads,
    services,
    edges,
    traceSampling,
  };
}

type Fail = (path: Path, message: string) => never;

function workload(value: unknown, path: Path, fail: Fail): Workload {
  const o = object(value, path, fail, [
    'name',
    'namespace',
    'cluster',
    'app',
    'version',
    'serviceAccount',
    'dataPlane',
    'rps',
  ]);
  const name = kubeName(o.name, [...path, 'name'], fail);
  const app = o.app === undefined ? name.replace(/-v\d+$/, '') : str(o.app, [...path, 'app'], fail);
  return {
    name,
    namespace: kubeName(o.namespace, [...path, 'namespace'], fail),
    cluster: o.cluster === undefined ? DEFAULT_CLUSTER : str(o.cluster, [...path, 'cluster'], fail),
    app,
    version:
      o.version === undefined ? (/-(v\d+)$/.exec(name)?.[1] ?? 'latest') : str(o.version, [...path, 'version'], fail),
    serviceAccount: o.serviceAccount === undefined ? app : str(o.serviceAccount, [...path, 'serviceAccount'], fail),
    dataPlane:
      o.dataPlane === undefined
        ? 'sidecar'
        : oneOf(o.dataPlane, [...path, 'dataPlane'], fail, ['sidecar', 'ambient', 'none'] as const),
    rps: o.rps === undefined ? undefined : num(o.rps, [...path, 'rps'], fail, 0, 1e6),
  };
}

function service(value: unknown, path: Path, fail: Fail, resolve: (ref: unknown, path: Path) => string): Service {
  const o = object(value, path, fail, ['name', 'namespace', 'port', 'kind', 'host', 'backends', 'waypoint']);
  const name = str(o.name, [...path, 'name'], fail);
  const namespace = kubeName(o.namespace, [...path, 'namespace'], fail);
  const kind =
    o.kind === undefined
      ? 'mesh'
      : oneOf(o.kind, [...path, 'kind'], fail, ['mesh', 'passthrough', 'blackhole', 'external'] as const);
  const backends = list(o.backends ?? [], [...path, 'backends'], fail).map((b, i) => {
    const at = [...path, 'backends', i];
    if (typeof b === 'string') {
      return { workload: resolve(b, at), weight: 1 };
    }
    const bo = object(b, at, fail, ['workload', 'weight']);
    return {
      workload: resolve(bo.workload, [...at, 'workload']),
      weight: bo.weight === undefined ? 1 : num(bo.weight, [...at, 'weight'], fail, 0, 1e6),
    };
  });
  if (kind === 'mesh' && backends.length === 0) {
    fail([...path, 'backends'], 'a mesh service needs at least one backend workload');
  }
  return {
    name,
    namespace,
    host:
      o.host === undefined ? (kind === 'mesh' ? hostOf(name, namespace) : name) : str(o.host, [...path, 'host'], fail),
    port: o.port === undefined ? 80 : num(o.port, [...path, 'port'], fail, 1, 65535),
    kind,
    backends,
    waypoint: o.waypoint === undefined ? undefined : resolve(o.waypoint, [...path, 'waypoint']),
  };
}

function edge(
  value: unknown,
  path: Path,
  fail: Fail,
  wl: (r: unknown, p: Path) => string,
  svc: (r: unknown, p: Path) => string
): Edge {
  const keys = [
    'from',
    'to',
    'protocol',
    'ratio',
    'mtls',
    'errorRate',
    'errorCode',
    'grpcErrorRate',
    'grpcErrorStatus',
    'noResponse',
    'latency',
    'requestBytes',
    'responseBytes',
  ];
  const o = object(value, path, fail, keys);
  const at = (k: string): Path => [...path, k];
  const d = edgeDefaults(wl(o.from, at('from')), svc(o.to, at('to')));
  const share = (k: string, fallback: number) => (o[k] === undefined ? fallback : num(o[k], at(k), fail, 0, 1));
  const positive = (k: string, fallback: number) => (o[k] === undefined ? fallback : num(o[k], at(k), fail, 0, 1e9));
  let latency = d.latency;
  if (o.latency !== undefined) {
    const l = object(o.latency, at('latency'), fail, ['p50Ms', 'p95Ms']);
    latency = {
      p50Ms: num(l.p50Ms, [...at('latency'), 'p50Ms'], fail, 0.001, 3.6e6),
      p95Ms: num(l.p95Ms, [...at('latency'), 'p95Ms'], fail, 0.001, 3.6e6),
    };
    if (latency.p95Ms < latency.p50Ms) {
      fail([...at('latency'), 'p95Ms'], `must be >= p50Ms (${latency.p50Ms}), got ${latency.p95Ms}`);
    }
  }
  const noResponse = list(o.noResponse ?? [], at('noResponse'), fail).map((n, i) => {
    const p = [...at('noResponse'), i];
    const no = object(n, p, fail, ['flag', 'rate']);
    return {
      flag: oneOf(no.flag, [...p, 'flag'], fail, ['UF', 'UH', 'NR', 'URX', 'UO', 'UT', 'DC', 'UC'] as const),
      rate: num(no.rate, [...p, 'rate'], fail, 0, 1),
    };
  });
  const code = (k: string, fallback: string, re: RegExp) => {
    if (o[k] === undefined) {
      return fallback;
    }
    const s = String(o[k]);
    return re.test(s) ? s : fail(at(k), `"${s}" is not a valid code`);
  };
  const e: Edge = {
    ...d,
    protocol:
      o.protocol === undefined ? 'http' : oneOf(o.protocol, at('protocol'), fail, ['http', 'grpc', 'tcp'] as const),
    ratio: positive('ratio', 1),
    mtls: o.mtls === undefined ? true : bool(o.mtls, at('mtls'), fail),
    errorRate: share('errorRate', 0),
    errorCode: code('errorCode', '503', /^[1-5]\d\d$/),
    grpcErrorRate: share('grpcErrorRate', 0),
    grpcErrorStatus: code('grpcErrorStatus', '14', /^([1-9]|1[0-6])$/),
    noResponse,
    latency,
    requestBytes: positive('requestBytes', d.requestBytes),
    responseBytes: positive('responseBytes', d.responseBytes),
  };
  if (e.errorRate + e.noResponse.reduce((s, n) => s + n.rate, 0) + e.grpcErrorRate > 1) {
    fail(path, 'errorRate + grpcErrorRate + noResponse rates exceed 1');
  }
  return e;
}

function object(value: unknown, path: Path, fail: Fail, allowed: string[]): Record<string, unknown> {
  if (typeof value !== 'object' || value === null || Array.isArray(value)) {
    return fail(path, 'must be a mapping');
  }
  for (const key of Object.keys(value)) {
    if (!allowed.includes(key)) {
      fail([...path, key], `unknown field (allowed: ${allowed.join(', ')})`);
    }
  }
  return value as Record<string, unknown>;
}

function list(value: unknown, path: Path, fail: Fail): unknown[] {
  return Array.isArray(value) ? value : fail(path, 'must be a list');
}

function str(value: unknown, path: Path, fail: Fail): string {
  return typeof value === 'string' && value !== ''
    ? value
    : fail(path, `must be a non-empty string, got ${JSON.stringify(value)}`);
}

function kubeName(value: unknown, path: Path, fail: Fail): string {
  const s = str(value, path, fail);
  return /^[a-z0-9]([-a-z0-9.]*[a-z0-9])?$/.test(s) ? s : fail(path, `"${s}" is not a valid Kubernetes name`);
}

function num(value: unknown, path: Path, fail: Fail, min: number, max: number): number {
  return typeof value === 'number' && value >= min && value <= max
    ? value
    : fail(path, `must be a number from ${min} to ${max}, got ${JSON.stringify(value)}`);
}

function bool(value: unknown, path: Path, fail: Fail): boolean {
  return typeof value === 'boolean' ? value : fail(path, `must be true or false, got ${JSON.stringify(value)}`);
}

function oneOf<T extends string>(value: unknown, path: Path, fail: Fail, options: readonly T[]): T {
  return options.includes(value as T)
    ? (value as T)
    : fail(path, `must be one of ${options.join(', ')}, got ${JSON.stringify(value)}`);
}

function fieldName(path: Path): string {
  return (
    path.reduce<string>((acc, p) => (typeof p === 'number' ? `${acc}[${p}]` : acc ? `${acc}.${p}` : p), '') ||
    '(top level)'
  );
}

/** Line of the deepest node of `path` that exists in the document. */
function lineOf(doc: Document, lines: LineCounter, path: Path): number {
  for (let n = path.length; n >= 0; n--) {
    const node = n === 0 ? doc.contents : doc.getIn(path.slice(0, n), true);
    const range = (node as { range?: [number, number, number] } | undefined)?.range;
    if (range) {
      return lines.linePos(range[0]).line;
    }
  }
  return 1;
}
