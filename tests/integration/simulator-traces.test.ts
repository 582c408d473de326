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

test("the mesh graph's edge link finds the edge's spans in the simulator's traces (Tempo TraceQL and Jaeger search)", async () => {
  const { EMPTY_SEARCH, toSearchQuery } = await import('../../src/app/pages/traces/model/searchQuery');
  const { operationsToPeer } = await import('../../src/shared/traces/istioNaming');
  const { startTempoFixture } = await import('../harness/tempoFixture');
  const { startJaegerFixture } = await import('../harness/jaegerFixture');
  const files = (
    await pollUntil(async () => {
      const f = readdirSync(dir).filter((n) => n.endsWith('.json'));
      return f.length >= 10 ? f : undefined;
    }, 'ten trace files')
  ).map((f) => join(dir, f));
  type T = {
    traceID: string;
    processes: Record<string, { serviceName: string }>;
    spans: Array<{ processID: string; tags: Array<{ key: string; value: unknown }> }>;
  };
  // Ground truth: traces holding a productpage client span whose Envoy upstream cluster is the details service.
  const expected = files
    .map((f) => (JSON.parse(readFileSync(f, 'utf8')) as { data: T[] }).data[0])
    .filter((t) =>
      t.spans.some(
        (s) =>
          t.processes[s.processID].serviceName === 'productpage.bookinfo' &&
          s.tags.some(
            (x) => x.key === 'upstream_cluster' && String(x.value).endsWith('|details.bookinfo.svc.cluster.local')
          )
      )
    )
    .map((t) => t.traceID)
    .sort();
  assert.ok(expected.length > 0, 'the simulator wrote productpage → details calls');
  const search = { ...EMPTY_SEARCH, service: 'productpage.bookinfo', peer: 'details.bookinfo', limit: '1500' };

  const tempo = await startTempoFixture(files);
  try {
    const q = toSearchQuery('tempo', search) as { query: string };
    const res = (await (await fetch(`${tempo.url}/api/search?q=${encodeURIComponent(q.query)}&limit=1500`)).json()) as {
      traces: Array<{ traceID: string }>;
    };
    assert.deepEqual(res.traces.map((t) => t.traceID).sort(), expected);
  } finally {
    await tempo.close();
  }

  const jaeger = await startJaegerFixture(files);
  try {
    const ops = (await (await fetch(`${jaeger.url}/api/services/productpage.bookinfo/operations`)).json()) as {
      data: string[];
    };
    const [operation, ...more] = operationsToPeer({ service: 'details', namespace: 'bookinfo' }, ops.data);
    assert.equal(operation, 'details.bookinfo.svc.cluster.local:9080/*');
    assert.deepEqual(more, []);
    const q = toSearchQuery('jaeger', search, operation) as { service: string; operation: string };
    const found = (await (
      await fetch(
        `${jaeger.url}/api/traces?service=${encodeURIComponent(q.service)}&operation=${encodeURIComponent(q.operation)}&limit=1500`
      )
    ).json()) as { data: T[] };
    assert.deepEqual(found.data.map((t) => t.traceID).sort(), expected);
    // The operation the graph searched before (`details.bookinfo`) finds nothing.
    const before = (await (
      await fetch(`${jaeger.url}/api/traces?service=productpage.bookinfo&operation=details.bookinfo&limit=1500`)
    ).json()) as { data: T[] };
    assert.equal(before.data.length, 0);
  } finally {
    await jaeger.close();
  }
});
