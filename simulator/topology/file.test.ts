/** @jest-environment-options {"customExportConditions": ["node", "require", "default"]} */
// yaml ships an ESM-only "browser" build; resolve its Node build under jsdom.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { Engine } from '../engine/engine';
import { parseTopology, TopologyFileError } from './file';

const example = readFileSync(join(__dirname, '..', 'topologies', 'shop.yaml'), 'utf8');

describe('topology files', () => {
  test('the example YAML parses, resolves names and runs', () => {
    const t = parseTopology(example, 'shop.yaml');
    expect(t.workloads).toHaveLength(6);
    expect(t.services.find((s) => s.name === 'cart')?.backends).toEqual([
      { workload: 'Kubernetes/shop/cart-v1', weight: 90 },
      { workload: 'Kubernetes/shop/cart-v2', weight: 10 },
    ]);
    expect(t.edges[2]).toMatchObject({ protocol: 'grpc', grpcErrorRate: 0.02, to: 'shop/payments' });
    const engine = new Engine(t, { seed: 1, daySeconds: 3600, startMs: 0 });
    for (let i = 1; i <= 20; i++) {
      engine.tick(1, i * 1000);
    }
    expect(engine.store.families.get('istio_requests_total')!.series.size).toBeGreaterThan(5);
  });

  test('JSON works too', () => {
    const json = JSON.stringify({
      workloads: [
        { name: 'a-v1', namespace: 'x', rps: 1 },
        { name: 'b-v1', namespace: 'x' },
      ],
      services: [{ name: 'b', namespace: 'x', backends: ['b-v1'] }],
      edges: [{ from: 'a-v1', to: 'b' }],
    });
    expect(parseTopology(json, 't.json').edges[0].to).toBe('x/b');
  });

  test.each([
    ['workloads:\n  - name: a-v1\n    namespace: x\n    rps: fast\n', 'line 4: workloads[0].rps: must be a number'],
    [
      'workloads:\n  - name: a-v1\n    namespace: x\nservices:\n  - name: b\n    namespace: x\n    backends: [nope]\n',
      'line 7: services[0].backends[0]: no workload "nope"',
    ],
    ['workloads: []\nservices: []\nedges:\n  - from: a\n    to: b\n', 'line 4: edges[0].from: no workload "a"'],
    ['workloads:\n  - name: a-v1\n    namespace: x\n    colour: red\n', 'line 4: workloads[0].colour: unknown field'],
    ['workloads: [\n', 'line'],
    [
      'workloads:\n  - {name: a-v1, namespace: x}\nservices:\n  - {name: b, namespace: x, backends: [a-v1]}\nedges:\n  - from: a-v1\n    to: b\n    latency: {p50Ms: 10, p95Ms: 5}\n',
      'line 8: edges[0].latency.p95Ms: must be >= p50Ms',
    ],
  ])('invalid file %#: names the file, line and field', (text, message) => {
    expect(() => parseTopology(text, 'bad.yaml')).toThrow(TopologyFileError);
    expect(() => parseTopology(text, 'bad.yaml')).toThrow(`bad.yaml: ${message}`);
  });
});
