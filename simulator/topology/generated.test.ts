import { Mesh } from '../engine/mesh';
import { generated } from './generated';

describe('generated topology', () => {
  const t = generated(1000, 3);
  const mesh = new Mesh(t);

  test('has exactly the requested workloads, in namespaces of 10 services', () => {
    expect(t.workloads).toHaveLength(1000);
    const namespaces = new Set(t.workloads.map((w) => w.namespace).filter((n) => n.startsWith('ns-')));
    expect(namespaces.size).toBeGreaterThan(70);
    expect(t.services.filter((s) => s.namespace === 'ns-000').length).toBeLessThanOrEqual(10);
  });

  test('shared platform backends have high in-degree; gateway and unknown are roots', () => {
    const inDegree = (name: string) => mesh.edges.filter((e) => mesh.services[e.toIndex].name === name).length;
    expect(inDegree('db') + inDegree('auth')).toBeGreaterThan(100);
    expect(t.workloads.find((w) => w.name === 'istio-ingressgateway')!.rps).toBeGreaterThan(0);
    expect(t.workloads.find((w) => w.name === 'unknown')!.dataPlane).toBe('none');
  });

  test('a few back-calls close cycles', () => {
    // A cycle: some workload's service is called by a workload it (transitively) calls. Back-calls go to layer 0.
    const back = mesh.edges.filter(
      (e) =>
        mesh.services[e.toIndex].name === 'svc-0' &&
        mesh.workloads[e.fromIndex].name !== 'istio-ingressgateway' &&
        mesh.workloads[e.fromIndex].name !== 'unknown'
    );
    expect(back.length).toBeGreaterThan(0);
    expect(back.length).toBeLessThan(t.edges.length / 20);
  });

  test('rejects scales below 10', () => {
    expect(() => generated(5, 1)).toThrow('--scale >= 10');
  });
});
