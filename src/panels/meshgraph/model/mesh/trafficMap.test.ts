import { TrafficMap } from './trafficMap';
import { type NodeIdentity } from './nodeId';

const wl = (workload: string): NodeIdentity => ({ cluster: 'east', serviceNamespace: 'ns', service: '', workloadNamespace: 'ns', workload, app: workload, version: 'v1' });

describe('TrafficMap', () => {
  it('keeps responses by code and counts hosts and flags whatever they are called', () => {
    const map = new TrafficMap();
    const a = map.addNode(wl('a'), 'workload')!;
    const b = map.addNode(wl('b'), 'workload')!;
    const t = { protocol: 'http' as const, value: 2, code: '503', flags: 'UF', host: '__proto__' };
    expect(map.addEdgeTraffic(t, a, b, 'k1')).toBe(true);
    expect(map.addEdgeTraffic({ ...t, code: '200', value: 3, flags: '-', host: 'constructor' }, a, b, 'k2')).toBe(true);
    // The same series again (both proxies reported it) counts once.
    expect(map.addEdgeTraffic(t, a, b, 'k1')).toBe(false);
    const [edge] = map.edges();
    expect(map.findEdge(a.id, b.id, 'http')).toBe(edge);
    expect(map.findEdge(a.id, b.id, 'tcp')).toBeUndefined();
    expect([...edge.responses.keys()]).toEqual(['503', '200']);
    expect(Object.entries(edge.responses.get('503')!.hosts)).toEqual([['__proto__', 2]]);
    expect(Object.entries(edge.responses.get('200')!.hosts)).toEqual([['constructor', 3]]);
    expect(edge.rates.http).toBe(5);
    expect(edge.rates.http5xx).toBe(2);
  });
});
