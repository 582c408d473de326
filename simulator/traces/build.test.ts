import { mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Engine } from '../engine/engine';
import { Mesh } from '../engine/mesh';
import { seededRandom } from '../model/random';
import { bookinfo } from '../topology/bookinfo';
import { buildTrace } from './build';
import { toJaegerResponse } from './jaeger';
import { Tracer } from './tracer';

describe('traces', () => {
  const mesh = new Mesh(bookinfo());
  const ingress = mesh.findWorkload('istio-ingressgateway')!;

  test('a request from the ingress gateway reaches productpage, reviews and ratings, shaped like Envoy spans', () => {
    const random = seededRandom(4);
    const services = new Set<string>();
    for (let i = 0; i < 30; i++) {
      buildTrace(mesh, ingress, 1_700_000_000_000, random).spans.forEach((s) => services.add(s.service));
    }
    for (const s of [
      'istio-ingressgateway.istio-system',
      'productpage.bookinfo',
      'reviews.bookinfo',
      'ratings.bookinfo',
      'details.bookinfo',
    ]) {
      expect(services.has(s)).toBe(true);
    }
    const trace = buildTrace(mesh, ingress, 1_700_000_000_000, seededRandom(9));
    const client = trace.spans.find((s) => s.kind === 'client' && s.service === 'productpage.bookinfo')!;
    expect(client.tags).toMatchObject({
      component: 'proxy',
      'istio.canonical_service': 'productpage',
      'istio.namespace': 'bookinfo',
      'http.method': expect.any(String),
      response_flags: expect.any(String),
    });
    expect(String(client.tags.upstream_cluster)).toMatch(/^outbound\|\d+\|\|.+/);
    expect(String(client.tags.node_id)).toMatch(
      /^sidecar~10\.\d+\.\d+\.\d+~productpage-v1-.+\.bookinfo~bookinfo\.svc\.cluster\.local$/
    );
    expect(String(client.tags['peer.address'])).toMatch(/^10\./);
  });

  test('every parent exists and encloses its children; status codes match the error flag', () => {
    const random = seededRandom(11);
    for (let i = 0; i < 50; i++) {
      const { spans } = buildTrace(mesh, ingress, 1_700_000_000_000, random);
      const byId = new Map(spans.map((s) => [s.spanId, s]));
      for (const s of spans) {
        if (s.parentSpanId) {
          const p = byId.get(s.parentSpanId)!;
          expect(p).toBeDefined();
          expect(s.startUs).toBeGreaterThanOrEqual(p.startUs);
          expect(s.startUs + s.durationUs).toBeLessThanOrEqual(p.startUs + p.durationUs + 1);
        }
        const code = String(s.tags['http.status_code']);
        expect(s.error).toBe(code === '0' || Number(code) >= 500 || (s.tags['grpc.status_code'] ?? '0') !== '0');
      }
      expect(spans.filter((s) => !s.parentSpanId)).toHaveLength(1);
    }
  });

  test('with every ratings version stopped, traces show 503 UH on the caller and no ratings server span', () => {
    const stopped = new Mesh(bookinfo());
    stopped.stopped.add(stopped.findWorkload('ratings-v1')!);
    const random = seededRandom(5);
    const spans = Array.from(
      { length: 40 },
      () => buildTrace(stopped, ingress, 1_700_000_000_000, random).spans
    ).flat();
    const toRatings = spans.filter((s) => String(s.tags.upstream_cluster).includes('ratings'));
    expect(toRatings.length).toBeGreaterThan(0);
    expect(
      toRatings.every(
        (s) => s.kind === 'client' && s.tags['http.status_code'] === '503' && s.tags.response_flags === 'UH'
      )
    ).toBe(true);
  });

  test('Jaeger query-API JSON: processes, CHILD_OF references, µs times, typed tags', () => {
    const trace = buildTrace(mesh, ingress, 1_700_000_000_000, seededRandom(2));
    const json = toJaegerResponse(trace.traceId, trace.spans);
    const t = json.data[0];
    expect(t.traceID).toMatch(/^[0-9a-f]{32}$/);
    expect(t.spans).toHaveLength(trace.spans.length);
    for (const s of t.spans) {
      expect(t.processes[s.processID!]).toBeDefined();
      expect(s.startTime).toBeGreaterThan(1.6e15);
    }
    expect(t.spans.filter((s) => s.references.length === 1).every((s) => s.references[0].refType === 'CHILD_OF')).toBe(
      true
    );
    expect(t.spans[0].tags).toContainEqual({ key: 'component', type: 'string', value: 'proxy' });
  });

  test('the tracer samples the configured share and leaves trace ids as exemplars', () => {
    const engine = new Engine(bookinfo(), { seed: 1, daySeconds: 3600, startMs: 0 });
    const sent: string[] = [];
    const tracer = new Tracer(engine, 0.1, seededRandom(3), { send: (spans) => sent.push(spans[0].traceId) });
    for (let t = 1; t <= 60; t++) {
      engine.tick(1, t * 1000);
      tracer.tick(1, t * 1000);
    }
    // ~20 rps at the gateway for 60 s at 10 %.
    expect(sent.length).toBeGreaterThan(60);
    expect(sent.length).toBeLessThan(200);
    const exemplars = [...engine.store.families.get('istio_request_duration_milliseconds')!.series.values()].flatMap(
      (s) => (s.exemplars ?? []).filter(Boolean).map((e) => e!.labelSet.trace_id)
    );
    expect(exemplars.length).toBeGreaterThan(5);
    expect(exemplars.every((id) => sent.includes(id))).toBe(true);
  });

  test('traces written to a directory are whole files named by trace id: each is written aside, then renamed', () => {
    const dir = mkdtempSync(join(tmpdir(), 'meshlens-tracer-'));
    try {
      const engine = new Engine(bookinfo(), { seed: 1, daySeconds: 3600, startMs: 0 });
      const sent: string[] = [];
      const tracer = new Tracer(engine, 0.1, seededRandom(3), { send: (spans) => sent.push(spans[0].traceId), dir });
      for (let t = 1; t <= 10; t++) {
        engine.tick(1, t * 1000);
        tracer.tick(1, t * 1000);
      }
      expect(sent.length).toBeGreaterThan(0);
      const files = readdirSync(dir).sort();
      expect(files).toEqual(sent.map((id) => `${id}.json`).sort());
      for (const f of files) {
        const { data } = JSON.parse(readFileSync(join(dir, f), 'utf8')) as { data: Array<{ traceID: string }> };
        expect(`${data[0].traceID}.json`).toBe(f);
      }
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});
