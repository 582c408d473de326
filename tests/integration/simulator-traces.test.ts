import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import { createServer, type Server } from 'node:http';
import { mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { freePort } from '../lib/prometheus';
import { pollUntil, startSimulator, type RunningSimulator } from './simulator.lib';

// A stand-in OTLP/HTTP receiver (what Jaeger listens on at :4318) records what the simulator exports.
let receiver: Server;
let sim: RunningSimulator;
let dir: string;
const received: Array<{
  resourceSpans: Array<{
    resource: { attributes: Array<{ key: string; value: { stringValue?: string } }> };
    scopeSpans: Array<{ spans: unknown[] }>;
  }>;
}> = [];

before(async () => {
  dir = mkdtempSync(join(tmpdir(), 'meshlens-traces-'));
  const port = await freePort();
  receiver = createServer((req, res) => {
    let body = '';
    req.on('data', (d) => (body += d));
    req.on('end', () => {
      if (req.url === '/v1/traces' && req.method === 'POST') {
        received.push(JSON.parse(body));
      }
      res.writeHead(200, { 'Content-Type': 'application/json' }).end('{}');
    });
  });
  await new Promise<void>((resolve) => receiver.listen(port, '127.0.0.1', resolve));
  sim = await startSimulator([
    '--topology',
    'bookinfo',
    '--trace-sampling',
    '20',
    '--traces-dir',
    dir,
    '--otlp',
    `http://127.0.0.1:${port}`,
  ]);
});

after(async () => {
  await sim?.stop();
  receiver?.close();
  rmSync(dir, { recursive: true, force: true });
});

test('traces go out over OTLP/HTTP with Istio service names', async () => {
  const services = await pollUntil(async () => {
    const names = new Set(
      received.flatMap((r) =>
        r.resourceSpans.map((rs) => rs.resource.attributes.find((a) => a.key === 'service.name')?.value.stringValue)
      )
    );
    return names.has('productpage.bookinfo') && names.has('reviews.bookinfo') ? names : undefined;
  }, 'OTLP spans');
  assert.ok(services.has('istio-ingressgateway.istio-system'));
});

test('Jaeger query-API JSON files are written, and their trace ids are exemplars on /metrics (OpenMetrics)', async () => {
  const files = await pollUntil(async () => {
    const f = readdirSync(dir).filter((n) => n.endsWith('.json'));
    return f.length >= 5 ? f : undefined;
  }, 'trace files');
  const trace = JSON.parse(readFileSync(join(dir, files[0]), 'utf8'));
  assert.equal(trace.data[0].traceID, files[0].replace('.json', ''));
  const services = new Set(Object.values(trace.data[0].processes).map((p: any) => p.serviceName));
  assert.ok(services.has('istio-ingressgateway.istio-system'));
  const res = await fetch(`${sim.url}/metrics`, { headers: { Accept: 'application/openmetrics-text; version=1.0.0' } });
  assert.match(res.headers.get('content-type') ?? '', /openmetrics/);
  const text = await res.text();
  const ids = [
    ...text.matchAll(/^istio_request_duration_milliseconds_bucket\{.*\} \d+ # \{trace_id="([0-9a-f]{32})"\}/gm),
  ].map((m) => m[1]);
  assert.ok(ids.length > 0, 'exemplars on the latency histogram');
  const written = new Set(readdirSync(dir).map((n) => n.replace('.json', '')));
  assert.ok(
    ids.some((id) => written.has(id)),
    'an exemplar points at a written trace'
  );
  assert.ok(text.endsWith('# EOF\n'));
});
