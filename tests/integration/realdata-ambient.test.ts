import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import { close, edgeBetween, graphInWords, overviewRows, pageGraph, PERIOD, startFixtureMesh, waitForFullWindow, type FixtureMesh } from './realdata.lib';

// A real ztunnel scrape (Istio ambient, Bookinfo in `default`, L4 only) replayed into a real Prometheus.
let mesh: FixtureMesh;

before(async () => {
  mesh = await startFixtureMesh([{ file: 'datadog-integrations-core_istio-1.24_ztunnel.txt', labels: { app: 'ztunnel', pod: 'ztunnel-replay' } }]);
  await waitForFullWindow(mesh.prom, 'istio_tcp_received_bytes_total', 14);
});

after(async () => {
  await mesh?.stop();
});

// Recorded istio_tcp_received_bytes_total per edge (the same on both reporters): Kiali's "TCP sent" reads this metric.
const RECEIVED = {
  'traffic-gen → productpage-v1': 75621,
  'productpage-v1 → details-v1': 117171,
  'productpage-v1 → reviews-v1': 38070,
  'productpage-v1 → reviews-v2': 41454,
  'productpage-v1 → reviews-v3': 37647,
  'reviews-v2 → ratings-v1': 48510,
  'reviews-v3 → ratings-v1': 44055,
};

test('TCP-only ambient: the graph has the seven Bookinfo workloads and seven TCP edges, each at its recorded bytes / period', async () => {
  const graph = await pageGraph(mesh.prom, ['default']);
  assert.deepEqual(graphInWords(graph), {
    nodes: ['details-v1', 'productpage-v1', 'ratings-v1', 'reviews-v1', 'reviews-v2', 'reviews-v3', 'traffic-gen'],
    edges: Object.keys(RECEIVED)
      .map((e) => `${e} tcp`)
      .sort(),
  });
  for (const [edge, bytes] of Object.entries(RECEIVED)) {
    const [from, to] = edge.split(' → ');
    const e = edgeBetween(graph, from, to);
    // Both reporters carry the same edge: counted once, as Kiali does.
    close(e.rate, bytes / PERIOD, `${edge} bytes/s`);
    assert.equal(e.health, 'healthy', `${edge}: TCP has no error codes`);
    assert.equal(e.mtlsPct, undefined, `${edge}: the security query reads istio_requests_total only`);
  }
  assert.ok(graph.ok);
  assert.equal(graph.counts.duplicate, 7, 'the source report of each edge was counted once, not twice');
  assert.deepEqual(
    graph.graph.nodes.filter((n) => n.flags.has('root')).map((n) => n.title),
    ['traffic-gen'],
    'traffic-gen only sends: the root'
  );
});

test('TCP-only ambient: the overview has no request traffic for `default` (it reads istio_requests_total only)', async () => {
  const overview = await overviewRows(mesh.prom);
  assert.deepEqual(overview.rows, []);
  assert.deepEqual(overview.hidden, { unknownNamespace: 0, unlabelled: 0 });
});
