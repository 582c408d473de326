import fc from 'fast-check';
import { Engine } from '../engine/engine';
import { bookinfo } from '../topology/bookinfo';
import { ControlApi, DEFAULT_LIMITS, type ApiLimits } from './controlApi';

const JSON_TYPE = 'application/json';
const SEED = 14;

function engine(seconds = 60): Engine {
  const e = new Engine(bookinfo(), { seed: 7, daySeconds: 3600, startMs: 0 });
  for (let t = 1; t <= seconds; t++) {
    e.tick(1, t * 1000);
  }
  return e;
}

/** Everything the control API can change, as one comparable value. */
function snapshot(e: Engine) {
  const { workloads, services, edges, stopped } = e.mesh;
  return JSON.stringify({
    workloads: workloads.length,
    weights: services.map((s) => s.liveBackends.map((b) => [b.workload, b.weight])),
    edges: edges.map((x) => [x.errorRate, x.errorCode, x.latency]),
    stopped: [...stopped].sort(),
  });
}

const post = (api: ControlApi, path: string, body: string) => api.handle('POST', path, JSON_TYPE, body);
const error = (answer: { body: unknown }) => (answer.body as { error: string }).error;

/** Fields of each route with values that are valid for bookinfo. */
const VALID: Record<string, Record<string, string>> = {
  '/api/faults': { from: '"reviews-v3"', to: '"ratings"', errorRate: '0.25', errorCode: '"500"' },
  '/api/latency': { from: '"productpage-v1"', to: '"details"', p50Ms: '20', p95Ms: '80' },
  '/api/shift': { service: '"reviews"', weights: '{"reviews-v1":0,"reviews-v3":100}' },
  '/api/workloads/stop': { workload: '"ratings-v1"' },
  '/api/workloads/start': { workload: '"ratings-v1"' },
  '/api/workloads': { name: '"reviews-v4"', service: '"reviews"', version: '"v4"', weight: '2' },
};
const ROUTES = Object.keys(VALID);
const text = (fields: Record<string, string>) => `{${Object.entries(fields).map(([k, v]) => `${JSON.stringify(k)}:${v}`).join(',')}}`;

/** Raw JSON texts that are never a valid number field: non-finite once parsed, strings, other types. */
const NOT_A_NUMBER = ['1e999', '-1e999', '"5"', '"0.5"', 'null', 'true', '[]', '{}', '"NaN"'];
const NUMBER_FIELDS: Array<[string, string, number, number]> = [
  ['/api/faults', 'errorRate', 0, 1],
  ['/api/latency', 'p50Ms', 0.01, 3.6e6],
  ['/api/latency', 'p95Ms', 0.01, 3.6e6],
  ['/api/workloads', 'weight', 0, 1e6],
];

describe('control API: content type', () => {
  test('only application/json is read: any other type (what a web page can send cross-origin) is a 415, nothing changes', () => {
    const e = engine(5);
    const api = new ControlApi(e);
    const before = snapshot(e);
    const type = fc.oneof(
      fc.constantFrom('text/plain', 'text/plain;charset=UTF-8', 'application/x-www-form-urlencoded', 'multipart/form-data; boundary=x', '', undefined),
      fc.string({ maxLength: 30 }).filter((s) => s.split(';')[0].trim().toLowerCase() !== JSON_TYPE)
    );
    fc.assert(
      fc.property(fc.constantFrom(...ROUTES), type, (path, contentType) => {
        const answer = api.handle('POST', path, contentType, text(VALID[path]));
        expect(answer.status).toBe(415);
        expect(error(answer)).toBe(`Content-Type must be application/json, got ${contentType ? `"${contentType}"` : 'none'}`);
      }),
      { seed: SEED, numRuns: 200 }
    );
    expect(snapshot(e)).toBe(before);
    expect(api.handle('POST', '/api/faults', 'Application/JSON; charset=utf-8', text(VALID['/api/faults'])).status).toBe(200);
  });

  test('other methods are 405, unknown paths 404', () => {
    const api = new ControlApi(engine(1));
    expect(api.handle('GET', '/api/faults', JSON_TYPE, '')).toEqual({ status: 405, body: { error: '/api/faults takes POST, got GET' } });
    expect(api.handle('POST', '/api/quit', JSON_TYPE, '{}')).toEqual({ status: 404, body: { error: 'no route POST /api/quit' } });
  });
});

describe('control API: every field is checked', () => {
  test('a number field that is not a finite JSON number in range is a 400 naming the field; nothing changes', () => {
    const e = engine(5);
    const api = new ControlApi(e);
    const before = snapshot(e);
    const badValue = ([, , min, max]: [string, string, number, number]) =>
      fc.oneof(
        fc.constantFrom(...NOT_A_NUMBER),
        fc.double({ min: -1e9, max: min, noNaN: true, maxExcluded: true }).map(String),
        fc.double({ min: max, max: 1e12, noNaN: true, minExcluded: true }).map(String)
      );
    fc.assert(
      fc.property(
        fc.constantFrom(...NUMBER_FIELDS).chain((f) => fc.tuple(fc.constant(f), badValue(f))),
        ([[path, field], raw]) => {
          const answer = post(api, path, text({ ...VALID[path], [field]: raw }));
          expect(answer.status).toBe(400);
          expect(error(answer)).toMatch(new RegExp(`^"${field}" must be a number from `));
        }
      ),
      { seed: SEED, numRuns: 300 }
    );
    expect(snapshot(e)).toBe(before);
  });

  test('weights of 1e999 or "5" are refused and traffic keeps flowing (the two reported breakages)', () => {
    const e = engine(30);
    const api = new ControlApi(e);
    const before = snapshot(e);
    for (const raw of ['1e999', '"5"']) {
      const shift = post(api, '/api/shift', `{"service":"reviews","weights":{"reviews-v1":${raw}}}`);
      expect(shift).toEqual({ status: 400, body: { error: `weight of "reviews-v1" must be a number from 0 to 1000000, got ${raw === '1e999' ? 'Infinity' : '"5"'}` } });
      const add = post(api, '/api/workloads', `{"name":"reviews-v9","service":"reviews","weight":${raw}}`);
      expect(add).toEqual({ status: 400, body: { error: `"weight" must be a number from 0 to 1000000, got ${raw === '1e999' ? 'Infinity' : '"5"'}` } });
    }
    expect(snapshot(e)).toBe(before);
    const reviews = () =>
      [...e.store.families.get('istio_requests_total')!.series.values()]
        .filter((s) => s.labels.reporter === 'destination' && s.labels.destination_service_name === 'reviews')
        .reduce((sum, s) => sum + s.value, 0);
    const at30 = reviews();
    for (let t = 31; t <= 40; t++) {
      e.tick(1, t * 1000);
    }
    expect(Number.isFinite(reviews())).toBe(true);
    expect(reviews()).toBeGreaterThan(at30);
  });

  test('unknown fields, names and shapes are 400s with the reason', () => {
    const api = new ControlApi(engine(1));
    const cases: Array<[string, string, string]> = [
      ['/api/faults', '{"from":"reviews-v3","to":"ratings","errorrate":0.5}', 'unknown field "errorrate"; this request takes from, to, errorRate, errorCode'],
      ['/api/faults', text({ ...VALID['/api/faults'], errorCode: '"600"' }), '"errorCode" must be an HTTP status code from 100 to 599, got "600"'],
      ['/api/faults', text({ ...VALID['/api/faults'], from: '"nobody"' }), 'unknown or ambiguous workload "nobody"'],
      ['/api/latency', text({ ...VALID['/api/latency'], p50Ms: '90' }), '"p95Ms" (80) must be at least "p50Ms" (90)'],
      ['/api/shift', '{"service":"reviews","weights":{}}', '"weights" must name 1 to 100 workloads, got 0'],
      ['/api/shift', '{"service":"reviews","weights":[1]}', '"weights" must be an object of workload -> weight, got [1]'],
      ['/api/workloads', text({ ...VALID['/api/workloads'], name: '"Reviews_V4"' }), '"name" must be a Kubernetes name (lower-case letters, digits and -, at most 63), got "Reviews_V4"'],
      ['/api/workloads', text({ ...VALID['/api/workloads'], version: '"v4 {x}"' }), '"version" must be a label value (letters, digits, - _ ., at most 63), got "v4 {x}"'],
      ['/api/workloads/stop', '{"workload":""}', '"workload" must be a name of 1 to 253 characters, got ""'],
      ['/api/workloads/stop', '[{"workload":"ratings-v1"}]', 'body must be a JSON object, got an array'],
      ['/api/workloads/stop', 'workload=ratings-v1', 'body must be a JSON object: Unexpected token \'w\', "workload=ratings-v1" is not valid JSON'],
    ];
    for (const [path, body, message] of cases) {
      expect([path, post(api, path, body)]).toEqual([path, { status: 400, body: { error: message } }]);
    }
  });

  test('a shift with one bad entry changes no weight (all or nothing)', () => {
    const e = engine(1);
    const api = new ControlApi(e);
    const before = snapshot(e);
    const answer = post(api, '/api/shift', '{"service":"reviews","weights":{"reviews-v1":0,"ratings-v1":5}}');
    expect(answer).toEqual({ status: 400, body: { error: 'workload ratings-v1 is not a backend of service reviews' } });
    expect(snapshot(e)).toBe(before);
  });

  test('any sequence of calls with arbitrary field values answers 200, 400 or 409, never throws, and keeps every series finite', () => {
    const names = ['"reviews-v3"', '"ratings"', '"reviews"', '"reviews-v1"', '"ratings-v1"', '"productpage-v1"', '"details"', '"nobody"', '""', '"reviews-v5"'];
    const value = fc.oneof(fc.constantFrom(...names, ...NOT_A_NUMBER, '0', '1', '50', '100', '"503"', '{"reviews-v1":1e999}', '{"reviews-v2":3}'), fc.double({ min: -10, max: 2000, noNaN: true }).map(String));
    const call = fc.constantFrom(...ROUTES).chain((path) =>
      fc.tuple(fc.constant(path), fc.dictionary(fc.constantFrom(...Object.keys(VALID[path]), 'extra'), value, { maxKeys: 5 }))
    );
    fc.assert(
      fc.property(fc.array(call, { minLength: 1, maxLength: 12 }), (calls) => {
        const e = engine(3);
        const api = new ControlApi(e);
        let t = 3;
        for (const [path, fields] of calls) {
          const before = snapshot(e);
          const answer = post(api, path, text(fields));
          expect([200, 400, 409]).toContain(answer.status);
          if (answer.status !== 200) {
            expect(snapshot(e)).toBe(before);
            expect(error(answer).length).toBeGreaterThan(10);
          }
          e.tick(1, ++t * 1000);
        }
        for (const family of e.store.families.values()) {
          for (const s of family.series.values()) {
            expect(Number.isFinite(s.value)).toBe(true);
          }
        }
      }),
      { seed: SEED, numRuns: 60 }
    );
  });
});

describe('control API: what a run can add is bounded', () => {
  test('one workload per call, at most 20 per run: the 21st is a 409 naming the limit', () => {
    fc.assert(
      fc.property(fc.integer({ min: 1, max: 40 }), (n) => {
        const e = engine(1);
        const api = new ControlApi(e);
        const workloads = e.mesh.workloads.length;
        const statuses = Array.from({ length: n }, (_, i) => post(api, '/api/workloads', `{"name":"reviews-x${i}","service":"reviews"}`));
        expect(statuses.map((a) => a.status)).toEqual(Array.from({ length: n }, (_, i) => (i < 20 ? 200 : 409)));
        if (n > 20) {
          expect(error(statuses[20])).toBe('limit reached: 20 workloads were added, at most 20 per run (--max-added-workloads)');
        }
        expect(e.mesh.workloads.length).toBe(workloads + Math.min(n, 20));
      }),
      { seed: SEED, numRuns: 15 }
    );
  });

  test('150 add calls (the reported attack) grow bookinfo by 20 workloads, not 150', () => {
    const e = engine(60);
    const api = new ControlApi(e);
    const series = e.store.seriesCount();
    const ok = Array.from({ length: 150 }, (_, i) => post(api, '/api/workloads', `{"name":"reviews-y${i}","service":"reviews"}`)).filter((a) => a.status === 200);
    for (let t = 61; t <= 120; t++) {
      e.tick(1, t * 1000);
    }
    expect(ok).toHaveLength(20);
    expect(series).toBe(2227);
    // Each new reviews version brings its proxies' request series on both sides, its infrastructure and KSM series.
    expect(e.store.seriesCount()).toBe(4907);
  });

  test('new response codes: at most 20 per run; codes the mesh already uses are free', () => {
    const api = new ControlApi(engine(1));
    const fault = (code: number) => post(api, '/api/faults', `{"from":"reviews-v3","to":"ratings","errorRate":0.1,"errorCode":${code}}`).status;
    expect(Array.from({ length: 20 }, (_, i) => fault(520 + i))).toEqual(Array(20).fill(200));
    expect(fault(503)).toBe(200);
    expect(fault(520)).toBe(200);
    const refused = post(api, '/api/faults', '{"from":"reviews-v3","to":"ratings","errorRate":0.1,"errorCode":"599"}');
    expect(refused).toEqual({ status: 409, body: { error: 'limit reached: 20 new response codes were introduced, at most 20 per run (--max-error-codes)' } });
  });

  test('past --max-series, calls that add series are refused; the others still work', () => {
    const e = engine(60);
    const limits: ApiLimits = { ...DEFAULT_LIMITS, maxSeries: 2227 };
    const api = new ControlApi(e, limits);
    expect(post(api, '/api/workloads', '{"name":"reviews-v4","service":"reviews"}')).toEqual({
      status: 409,
      body: { error: 'limit reached: the simulator holds 2227 series, at most 2227 (--max-series)' },
    });
    expect(post(api, '/api/faults', '{"from":"reviews-v3","to":"ratings","errorRate":0.1,"errorCode":418}').status).toBe(409);
    expect(post(api, '/api/faults', '{"from":"reviews-v3","to":"ratings","errorRate":0.1,"errorCode":503}').status).toBe(200);
    expect(post(api, '/api/workloads/stop', '{"workload":"ratings-v1"}').status).toBe(200);
  });
});
