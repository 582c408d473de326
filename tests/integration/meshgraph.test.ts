import '../../bench/lib/meshgraph-globals';
import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { type DataFrame } from '@grafana/data';
import { framesToGraph } from '../../src/panels/meshgraph/model/pipeline';
import { defaultMeshGraphPanelOptions } from '../../src/panels/meshgraph/types';
import { istioPresetTargets } from '../../src/shared/istio/graphQueries';
import { tableFrame } from '../lib/promFrames';
import { startPrometheus, scrapeConfig, type RunningPrometheus } from '../lib/prometheus';
import { overviewDashboardGraph } from './realdata.lib';
import { pollUntil, startSimulator, type RunningSimulator } from './simulator.lib';

// The Istio preset's queries against a real Prometheus scraping the simulated Bookinfo mesh, through the
// panel's whole pipeline. The frames are also written to artifacts/ for `npm run preview -- meshgraph`.
let sim: RunningSimulator;
let prom: RunningPrometheus;
let promStarted = 0;

before(async () => {
  sim = await startSimulator(['--topology', 'bookinfo', '--fault', 'reviews-v3:ratings:0.2:503']);
  prom = await startPrometheus(scrapeConfig('simulator', [sim.target]));
  promStarted = Date.now();
});

after(async () => {
  await prom?.stop();
  await sim?.stop();
});

test('the preset queries on the simulator’s Prometheus give Kiali’s Bookinfo graph, with health, latency and mTLS', async () => {
  const targets = istioPresetTargets({ namespaces: ['bookinfo'], rates: { http: 'requests', grpc: 'requests', tcp: 'sent', ambient: 'none' } });
  await prom.waitForSeries('istio_requests_total');
  // As on a real Prometheus, the data is older than the 20 s range: bucket gains are read between two instants
  // (graphQueries.ts bucketIncrease), and a Prometheus younger than the range has no earlier instant yet.
  await new Promise((ok) => setTimeout(ok, Math.max(0, promStarted + 24_000 - Date.now())));
  // rate() over 20s needs a few scrapes; wait until the inbound query answers.
  const inbound = targets.find((t) => t.refId.startsWith('istio_requests_total inbound'))!;
  await pollUntil(async () => ((await prom.query(inbound.expr.replace(/\$__range/g, '20s'))).length > 5 ? true : undefined), 'inbound traffic', 60_000);
  const frames: DataFrame[] = [];
  for (const t of targets) {
    const expr = t.expr.replace(/\$__range/g, '20s').replace(/\$__interval/g, '2s');
    frames.push(tableFrame(t.refId, expr, await prom.query(expr)));
  }
  const result = framesToGraph(frames, { ...defaultMeshGraphPanelOptions, graphType: 'workload', injectServiceNodes: false, namespaces: 'bookinfo' });
  if (!result.ok) {
    assert.fail(result.error);
  }
  const titles = result.graph.nodes.map((n) => n.title);
  for (const wl of ['productpage-v1', 'details-v1', 'reviews-v1', 'reviews-v2', 'reviews-v3', 'ratings-v1']) {
    assert.ok(titles.includes(wl), `${wl} is a node: ${titles.join(', ')}`);
  }
  const byTitle = new Map(result.graph.nodes.map((n) => [n.id, n.title]));
  const faulty = result.graph.edges.find((e) => byTitle.get(e.source) === 'reviews-v3' && byTitle.get(e.target) === 'ratings-v1');
  assert.ok(faulty, 'reviews-v3 → ratings-v1 is an edge');
  assert.ok(faulty.errorPct > 10 && faulty.errorPct < 35, `about 20 % errors on the faulty edge: ${faulty.errorPct}`);
  assert.equal(faulty.health, 'failure');
  assert.match(faulty.reasons.join(), /5xx/);
  const healthy = result.graph.edges.find((e) => byTitle.get(e.source) === 'productpage-v1' && byTitle.get(e.target) === 'details-v1');
  assert.ok(healthy?.responseTime !== undefined && healthy.responseTime > 0, 'p95 response time reached the edge');
  assert.ok(result.graph.edges.some((e) => (e.mtlsPct ?? 0) > 0), 'mTLS share reached some edge');
  assert.ok(result.counts.duplicate > 0, 'source and destination reports were counted once');
  assert.equal(result.counts.missingLabels + result.counts.badSourceTelemetry + result.counts.badDestTelemetry, 0);
  assert.equal(result.counts.unmatchedEnrichment, 0, 'every response-time, throughput and security row found its edge');

  const dir = join(__dirname, '..', '..', 'artifacts', 'meshgraph');
  mkdirSync(dir, { recursive: true });
  const json = frames.map((f) => ({
    schema: { refId: f.refId, meta: f.meta, fields: f.fields.map((x) => ({ name: x.name, type: x.type, config: {} })) },
    data: { values: f.fields.map((x) => [...x.values]) },
  }));
  writeFileSync(join(dir, 'simulator-bookinfo.frames.json'), JSON.stringify(json));
});

test('the overview dashboard’s graph (the panel’s Istio preset, All namespaces) on the simulator: workloads, and the fault as errors, not extra traffic', async () => {
  // As the panel plans it: All listed with the label-values lookup, then the preset's grouped queries.
  const drawn = await pollUntil(async () => {
    const g = await overviewDashboardGraph(prom, ['$__all']);
    return g.result.ok && g.result.graph.nodes.some((n) => n.title === 'ratings-v1') ? g : undefined;
  }, 'overview graph traffic', 60_000);
  // bookinfo, the egress gateway's namespace, and `unknown` (Istio's value for an external host's namespace).
  assert.deepEqual(drawn.namespaces, ['bookinfo', 'istio-system', 'unknown']);
  // Kiali's 12 grouped queries (the Graph page adds a 13th, the waypoints' deployments, which a panel cannot ask).
  assert.equal(drawn.queries, 12, 'the preset’s grouped queries, whatever the number of namespaces');
  const result = drawn.result;
  if (!result.ok) {
    assert.fail(result.error);
  }
  const titles = result.graph.nodes.map((n) => n.title);
  for (const wl of ['productpage-v1', 'reviews-v3', 'ratings-v1']) {
    assert.ok(titles.includes(wl), `${wl} is a node: ${titles.join(', ')}`);
  }
  const byTitle = new Map(result.graph.nodes.map((n) => [n.id, n.title]));
  // With injected service nodes (the panel's default) the edge ends at the ratings service node.
  const faulty = result.graph.edges.find((e) => byTitle.get(e.source) === 'reviews-v3' && /^ratings/.test(byTitle.get(e.target) ?? ''));
  assert.ok(faulty, `reviews-v3 → ratings edge among ${result.graph.edges.map((e) => `${byTitle.get(e.source)}→${byTitle.get(e.target)}`).join(', ')}`);
  assert.notEqual(faulty.health, 'healthy', `the 20 % 503 fault colours the edge: ${JSON.stringify(faulty.health)}`);
});
