import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import { ApiError } from './api/fields';
import { ControlApi, DEFAULT_LIMITS, type ApiLimits } from './api/controlApi';
import type { Engine } from './engine/engine';
import { exposition, type Shard } from './metrics/exposition';
import { workloadKey } from './topology/types';

const MAX_BODY = 64 * 1024;

/** /metrics (Prometheus text, or OpenMetrics with exemplars when asked for), readiness, state and the control API. */
export function createSimulatorServer(engine: Engine, limits: ApiLimits = DEFAULT_LIMITS): Server {
  const api = new ControlApi(engine, limits);
  return createServer((req, res) => {
    handle(req, res).catch((err) =>
      send(res, err instanceof ApiError ? err.status : 500, { error: String(err?.message ?? err) })
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
    if (!api.has(path)) {
      send(res, 404, { error: `no route ${req.method} ${path}` });
      return;
    }
    const answer = api.handle(req.method ?? '', path, req.headers['content-type'], await readBody(req));
    send(res, answer.status, answer.body);
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
    throw new ApiError(400, 'shards must be a whole number >= 1 and shard in [0, shards)');
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

async function readBody(req: IncomingMessage): Promise<string> {
  let size = 0;
  const parts: Buffer[] = [];
  for await (const part of req) {
    size += (part as Buffer).length;
    if (size > MAX_BODY) {
      throw new ApiError(413, 'request body over 64 KiB');
    }
    parts.push(part as Buffer);
  }
  return Buffer.concat(parts).toString('utf8');
}

function send(res: ServerResponse, status: number, body: unknown): void {
  if (res.headersSent) {
    res.destroy();
    return;
  }
  res.writeHead(status, { 'Content-Type': 'application/json' }).end(JSON.stringify(body));
}
