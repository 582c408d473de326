import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import { startPrometheus, scrapeConfig, type RunningPrometheus } from '../lib/prometheus';
import { close, edgeBetween, overviewRows, pageGraph, queryAt, waitForFullWindow, WINDOW } from './realdata.lib';
import { startSimulator, type RunningSimulator } from './simulator.lib';

// The simulated Bookinfo mesh with reviews-v3 → ratings failing 90 % (503), scraped by a real Prometheus. The
// simulator's traffic is noisy, so each expected figure is Prometheus's own answer at the same instant.
let sim: RunningSimulator;
let prom: RunningPrometheus;
/** Evaluation time shared by every query of a test. */
let at: number;

const V3_TO_RATINGS = 'reporter="destination",source_workload="reviews-v3",destination_service_name="ratings"';

before(async () => {
  sim = await startSimulator(['--topology', 'bookinfo', '--fault', 'reviews-v3:ratings:0.9:503']);
  prom = await startPrometheus(scrapeConfig('simulator', [sim.target]));
  await waitForFullWindow(prom, `istio_requests_total{${V3_TO_RATINGS}}`, 2);
  at = Math.floor(Date.now() / 1000) - 1;
});

after(async () => {
  await prom?.stop();
  await sim?.stop();
});

/** 100 × the 5xx share of the requests matched by `selector`, as Prometheus computes it at `at`. */
async function serverErrorPct(selector: string): Promise<number> {
  const [errors] = await queryAt(prom, `sum(rate(istio_requests_total{${selector},response_code=~"5.."}[${WINDOW}]))`, at);
  const [all] = await queryAt(prom, `sum(rate(istio_requests_total{${selector}}[${WINDOW}]))`, at);
  return (100 * Number(errors.value[1])) / Number(all.value[1]);
}

test('the 90 % failing edge is Failure, and so are both its ends, each for the same 5xx share', async () => {
  const graph = await pageGraph(prom, ['bookinfo'], {}, at);
  assert.ok(graph.ok);
  const edgePct = await serverErrorPct(V3_TO_RATINGS);
  const edge = edgeBetween(graph, 'reviews-v3', 'ratings-v1');
  close(edge.errorPct, edgePct, 'reviews-v3 → ratings-v1 5xx %');
  assert.equal(edge.health, 'failure');
  assert.deepEqual(edge.reasons, [`5xx ${edgePct.toFixed(1)} % of HTTP ≥ 10 %`]);

  const node = (title: string) => graph.graph.nodes.find((n) => n.title === title)!;
  // reviews-v3 calls only ratings: its outbound share is the edge's.
  assert.equal(node('reviews-v3').health, 'failure');
  assert.deepEqual(node('reviews-v3').reasons, [`5xx ${edgePct.toFixed(1)} % of outbound HTTP ≥ 10 %`]);
  // ratings-v1 also serves reviews-v2 without errors: its inbound share is lower, still above 10 %.
  const ratingsPct = await serverErrorPct('reporter="destination",destination_workload="ratings-v1"');
  assert.equal(node('ratings-v1').health, 'failure');
  assert.deepEqual(node('ratings-v1').reasons, [`5xx ${ratingsPct.toFixed(1)} % of inbound HTTP ≥ 10 %`]);

  // Everything red in the graph: the fault, plus the simulator's built-in BlackHoleCluster (502 on every call).
  const title = new Map(graph.graph.nodes.map((n) => [n.id, n.title]));
  assert.deepEqual(
    graph.graph.edges.filter((e) => e.health === 'failure').map((e) => `${title.get(e.source)} → ${title.get(e.target)}`).sort(),
    ['details-v1 → BlackHoleCluster', 'reviews-v3 → ratings-v1']
  );
  assert.deepEqual(
    graph.graph.nodes.filter((n) => n.health === 'failure').map((n) => n.title).sort(),
    ['BlackHoleCluster', 'details-v1', 'ratings-v1', 'reviews-v3']
  );
});

test('the overview shows bookinfo failing, at the namespace’s own 5xx share', async () => {
  const overview = await overviewRows(prom, at);
  const row = overview.rows.find((r) => r.namespace === 'bookinfo');
  assert.ok(row, `bookinfo is a row: ${overview.rows.map((r) => r.namespace).join(', ')}`);
  close(row.errorPct ?? NaN, await serverErrorPct('reporter="destination",destination_workload_namespace="bookinfo"'), 'bookinfo 5xx %');
  assert.equal(row.health, 'failure');
});
