/**
 * @jest-environment node
 */
import { request, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { Engine } from './engine/engine';
import { createSimulatorServer } from './server';
import { bookinfo } from './topology/bookinfo';

// The HTTP layer over the control API (simulator/api/controlApi.test.ts has the properties).
let server: Server;
let port: number;

beforeAll(async () => {
  const engine = new Engine(bookinfo(), { seed: 1, daySeconds: 3600, startMs: 0 });
  engine.tick(1, 1000);
  server = createSimulatorServer(engine);
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  port = (server.address() as AddressInfo).port;
});

afterAll(() => new Promise<void>((resolve) => server.close(() => resolve())));

function call(method: string, path: string, body?: string | Buffer, type?: string): Promise<{ status: number; body: string }> {
  return new Promise((resolve, reject) => {
    const req = request({ host: '127.0.0.1', port, method, path, headers: type ? { 'Content-Type': type } : {} }, (res) => {
      let text = '';
      res.on('data', (d) => (text += d));
      res.on('end', () => resolve({ status: res.statusCode ?? 0, body: text }));
    });
    req.on('error', reject);
    req.end(body);
  });
}

describe('simulator HTTP server', () => {
  test('a text/plain POST, as a web page can send cross-origin without a preflight, is refused with 415', async () => {
    const r = await call('POST', '/api/workloads/stop', '{"workload":"ratings-v1"}', 'text/plain;charset=UTF-8');
    expect(r).toEqual({ status: 415, body: '{"error":"Content-Type must be application/json, got \\"text/plain;charset=UTF-8\\""}' });
    const state = JSON.parse((await call('GET', '/api/state')).body) as { workloads: Array<{ key: string; stopped: boolean }> };
    expect(state.workloads.find((w) => w.key === 'Kubernetes/bookinfo/ratings-v1')?.stopped).toBe(false);
  });

  test('an application/json POST is applied', async () => {
    expect(await call('POST', '/api/workloads/stop', '{"workload":"ratings-v1"}', 'application/json')).toEqual({ status: 200, body: '{"ok":true,"result":null}' });
    expect((await call('POST', '/api/workloads/start', '{"workload":"ratings-v1"}', 'application/json')).status).toBe(200);
  });

  test('no CORS: a preflight gets no Access-Control-Allow-* grant', async () => {
    const r = await call('OPTIONS', '/api/faults');
    expect(r).toEqual({ status: 405, body: '{"error":"/api/faults takes POST, got OPTIONS"}' });
  });

  test('bodies over 64 KiB are a 413', async () => {
    const r = await call('POST', '/api/faults', Buffer.alloc(70 * 1024, 0x20), 'application/json');
    expect(r).toEqual({ status: 413, body: '{"error":"request body over 64 KiB"}' });
  });
});
