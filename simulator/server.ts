import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import { Control, ControlError } from './engine/control';
import type { Engine } from './engine/engine';
import { exposition, type Shard } from './metrics/exposition';
import { workloadKey } from './topology/types';

const MAX_BODY = 64 * 1024;

/** /metrics (Prometheus text, or OpenMetrics with exemplars when asked for) and the control API. */
export function createSimulatorServer(engine: Engine): Server {
  const control = new Control(engine);
  const routes: Record<string, (body: any) => unknown> = {
    'POST /api/faults': (b) =>
      control.fault(
        str(b, 'from'),
        str(b, 'to'),
        num(b, 'errorRate'),
        b.errorCode === undefined ? undefined : String(b.errorCode)
      ).length,
    'POST /api/latency': (b) => control.latency(str(b, 'from'), str(b, 'to'), num(b, 'p50Ms'), num(b, 'p95Ms')).length,
    'POST /api/shift': (b) => control.shift(str(b, 'service'), weights(b)),
    'POST /api/workloads/stop': (b) => control.stop(str(b, 'workload')),
    'POST /api/workloads/start': (b) => control.start(str(b, 'workload')),
    'POST /api/workloads': (b) =>
      control.add({ name: str(b, 'name'), service: str(b, 'service'), version: b.version, weight: b.weight }),
  };
  return createServer((req, res) => {
    handle(req, res).catch((err) =>
      send(res, err instanceof ControlError ? 400 : 500, { error: String(err?.message ?? err) })
    );
  });

  async function handle(req: IncomingMessage, res: ServerResponse): Promise<void> {
    const path = (req.url ?? '/').split('?')[0];
    if (req.method === 'GET' && path === '/metrics') {
      const openMetrics = (req.headers.accept ?? '').includes('application/openmetrics-text');
      const body = exposition(engine.store, openMetrics, shardOf(req.url ?? ''));
      res.writeHead(200, { 'Content-Type': body.contentType });
      for await (const chunk of body.chunks()) {
        // Chunks reuse one buffer: wait until the socket took this one (also the backpressure).
        await written(res, chunk);
      }
      res.end();
      return;
    }
    if (req.method === 'GET' && (path === '/-/ready' || path === '/healthz')) {
      res.writeHead(200, { 'Content-Type': 'text/plain' }).end('ready\n');
      return;
    }
    if (req.method === 'GET' && path === '/api/state') {
      send(res, 200, state(engine));
      return;
    }
    const route = routes[`${req.method} ${path}`];
    if (!route) {
      send(res, 404, { error: `no route ${req.method} ${path}` });
      return;
    }
    const result = route(await readJson(req));
    send(res, 200, { ok: true, result: result ?? null });
  }
}

function written(res: ServerResponse, chunk: Buffer): Promise<void> {
  return new Promise((resolve, reject) => {
    const closed = () => reject(new Error('client went away during the scrape'));
    res.once('close', closed);
    res.write(chunk, (err) => {
      res.off('close', closed);
      if (err) {
        reject(err);
      } else {
        resolve();
      }
    });
  });
}

/** `/metrics?shard=i&shards=n`: one of n disjoint slices by pod, for parallel scrapes of big meshes. */
function shardOf(url: string): Shard | undefined {
  const params = new URL(url, 'http://x').searchParams;
  if (!params.has('shards')) {
    return undefined;
  }
  const count = Number(params.get('shards'));
  const index = Number(params.get('shard') ?? '0');
  if (!Number.isInteger(count) || count < 1 || !Number.isInteger(index) || index < 0 || index >= count) {
    throw new ControlError('shards must be a whole number >= 1 and shard in [0, shards)');
  }
  return { index, count };
}

function state(engine: Engine) {
  const { workloads, services, edges, stopped } = engine.mesh;
  return {
    topology: engine.mesh.topology.name,
    workloads: workloads.map((w, i) => ({ key: workloadKey(w), dataPlane: w.dataPlane, stopped: stopped.has(i) })),
    services: services.map((s) => ({
      key: `${s.namespace}/${s.name}`,
      host: s.host,
      kind: s.kind,
      backends: s.liveBackends.map((b) => ({ workload: workloadKey(workloads[b.workload]), weight: b.weight })),
    })),
    edges: edges.map((e) => ({
      from: e.from,
      to: e.to,
      protocol: e.protocol,
      ratio: e.ratio,
      mtls: e.mtls,
      errorRate: e.errorRate,
      errorCode: e.errorCode,
      latency: e.latency,
    })),
    series: engine.store.seriesCount(),
  };
}

async function readJson(req: IncomingMessage): Promise<any> {
  let size = 0;
  const parts: Buffer[] = [];
  for await (const part of req) {
    size += (part as Buffer).length;
    if (size > MAX_BODY) {
      throw new ControlError('request body over 64 KiB');
    }
    parts.push(part as Buffer);
  }
  const text = Buffer.concat(parts).toString('utf8');
  try {
    const value = JSON.parse(text || '{}');
    if (typeof value !== 'object' || value === null || Array.isArray(value)) {
      throw new Error('not an object');
    }
    return value;
  } catch (err) {
    throw new ControlError(`body must be a JSON object: ${(err as Error).message}`);
  }
}

function send(res: ServerResponse, status: number, body: unknown): void {
  if (res.headersSent) {
    res.destroy();
    return;
  }
  res.writeHead(status, { 'Content-Type': 'application/json' }).end(JSON.stringify(body));
}

function str(body: Record<string, unknown>, key: string): string {
  const v = body[key];
  if (typeof v !== 'string' || v === '') {
    throw new ControlError(`"${key}" must be a non-empty string`);
  }
  return v;
}

function num(body: Record<string, unknown>, key: string): number {
  const v = body[key];
  if (typeof v !== 'number' || !Number.isFinite(v)) {
    throw new ControlError(`"${key}" must be a number`);
  }
  return v;
}

function weights(body: Record<string, unknown>): Record<string, number> {
  const w = body.weights;
  if (typeof w !== 'object' || w === null || Array.isArray(w)) {
    throw new ControlError('"weights" must be an object of workload -> weight');
  }
  return Object.fromEntries(Object.entries(w).map(([k, v]) => [k, Number(v)]));
}
