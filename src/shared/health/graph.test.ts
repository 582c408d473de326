import { type MeshEdge, type MeshNode } from '../../panels/meshgraph/model/mesh/types';
import { edgeHealth, nodeHealth } from './graph';
import { defaultHealthThresholds } from './thresholds';

const edge = (protocol: MeshEdge['protocol'], rates: MeshEdge['rates']): MeshEdge => ({ id: 'e', source: 'a', target: 'b', protocol, rates, responses: new Map() });
const node = (rates: MeshNode['rates']): MeshNode => ({
  id: 'n',
  nodeType: 'workload',
  cluster: 'c',
  namespace: 'ns',
  workload: 'w',
  app: '',
  version: '',
  service: '',
  destServices: [],
  rates,
});

describe('health with Kiali default thresholds', () => {
  it.each([
    [{ http: 100 }, 'healthy', []],
    [{ http: 100, http5xx: 0.1 }, 'degraded', ['5xx 0.1 % of HTTP > 0 % degraded']],
    [{ http: 100, http5xx: 10 }, 'failure', ['5xx 10.0 % of HTTP ≥ 10 % failure']],
    [{ http: 100, http4xx: 9.9 }, 'healthy', []],
    [{ http: 100, http4xx: 10 }, 'degraded', ['4xx 10.0 % of HTTP ≥ 10 % degraded']],
    [{ http: 100, http4xx: 20 }, 'failure', ['4xx 20.0 % of HTTP ≥ 20 % failure']],
    [{ http: 100, httpNoResponse: 1 }, 'degraded', ['no response 1.0 % of HTTP > 0 % degraded']],
    [{}, 'idle', []],
  ])('HTTP edge %j is %s', (rates, status, reasons) => {
    expect(edgeHealth(edge('http', rates), defaultHealthThresholds)).toEqual({ status, reasons });
  });

  it('grades gRPC errors and keeps TCP healthy while it flows', () => {
    expect(edgeHealth(edge('grpc', { grpc: 10, grpcErr: 1 }), defaultHealthThresholds).status).toBe('failure');
    expect(edgeHealth(edge('tcp', { tcp: 5 }), defaultHealthThresholds).status).toBe('healthy');
  });

  it('takes the worse of inbound and outbound for a node, with every reason', () => {
    const health = nodeHealth(node({ httpIn: 100, httpIn4xx: 12 }), [edge('http', { http: 50, http5xx: 10 })], defaultHealthThresholds);
    expect(health.status).toBe('failure');
    expect(health.reasons).toEqual(['4xx 12.0 % of inbound HTTP ≥ 10 % degraded', '5xx 20.0 % of outbound HTTP ≥ 10 % failure']);
  });

  it('sums outbound traffic per protocol over all edges, ignoring TCP', () => {
    const outbound = [edge('http', { http: 90, http5xx: 0 }), edge('http', { http: 10, http5xx: 5 }), edge('grpc', { grpc: 40, grpcNoResponse: 2 }), edge('tcp', { tcp: 9 })];
    const health = nodeHealth(node({}), outbound, defaultHealthThresholds);
    expect(health.status).toBe('degraded');
    expect(health.reasons).toEqual(['5xx 5.0 % of outbound HTTP > 0 % degraded', 'no response 5.0 % of outbound gRPC > 0 % degraded']);
  });

  it('honours edited thresholds', () => {
    const lenient = defaultHealthThresholds.map((t) => (t.code === '5xx' ? { ...t, degraded: 5 } : t));
    expect(edgeHealth(edge('http', { http: 100, http5xx: 1 }), lenient).status).toBe('healthy');
  });
});
