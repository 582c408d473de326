import { Mesh } from '../../../simulator/engine/mesh';
import { seededRandom } from '../../../simulator/model/random';
import { bookinfo } from '../../../simulator/topology/bookinfo';
import { buildTrace, type SimSpan } from '../../../simulator/traces/build';
import { isCallToPeer, operationsToPeer } from './istioNaming';

/** 40 traces of the simulator's Bookinfo from the ingress gateway (seeded: the same spans every run). */
function spans(): SimSpan[] {
  const mesh = new Mesh(bookinfo());
  const ingress = mesh.findWorkload('istio-ingressgateway')!;
  const random = seededRandom(7);
  return Array.from(
    { length: 40 },
    (_, i) => buildTrace(mesh, ingress, 1_700_000_000_000 + i * 1000, random).spans
  ).flat();
}

test("the mesh graph's productpage → details edge finds exactly the simulator's productpage calls to details", () => {
  const all = spans();
  const details = { service: 'details', namespace: 'bookinfo' };
  const fromProductpage = all.filter((s) => s.service === 'productpage.bookinfo');
  // Ground truth: the caller's client spans whose Envoy upstream cluster is the details service.
  const truth = fromProductpage.filter(
    (s) => s.kind === 'client' && String(s.tags.upstream_cluster).endsWith('|details.bookinfo.svc.cluster.local')
  );
  const operations = [...new Set(fromProductpage.map((s) => s.operation))].sort();
  expect(operations).toEqual([
    'PassthroughCluster:80/*',
    'details.bookinfo.svc.cluster.local:9080/*',
    'istio-egressgateway.istio-system.svc.cluster.local:443/*',
    'productpage.bookinfo.svc.cluster.local:9080/*',
    'recommendations.bookinfo.svc.cluster.local:9090/*',
    'reviews.bookinfo.svc.cluster.local:9080/*',
  ]);
  expect(operationsToPeer(details, operations)).toEqual(['details.bookinfo.svc.cluster.local:9080/*']);
  const found = fromProductpage.filter((s) => isCallToPeer(details, s.operation, String(s.tags.upstream_cluster)));
  expect(found.map((s) => s.spanId)).toEqual(truth.map((s) => s.spanId));
  expect(found).toHaveLength(40);
  expect(new Set(found.map((s) => s.traceId)).size).toBe(40);
  // The operation the graph used to search (`details.bookinfo`) names no span at all.
  expect(all.filter((s) => s.operation === 'details.bookinfo')).toHaveLength(0);
});
