import '../../bench/lib/meshgraph-globals';
import { after, before, describe, test } from 'node:test';
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
  // One instant for every query, as Grafana sends them: a series that appears between two queries would otherwise
  // leave an enrichment row without its edge.
  const at = Math.floor(Date.now() / 1000) - 1;
  for (const t of targets) {
    const expr = t.expr.replace(/\$__range/g, '20s').replace(/\$__interval/g, '2s');
    frames.push(tableFrame(t.refId, expr, await prom.query(expr, at)));
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

describe('ambient mesh whose Prometheus has no kube-state-metrics: the waypoint from Istio metrics alone', () => {
  let ambientSim: RunningSimulator;
  let ambientProm: RunningPrometheus;
  before(async () => {
    ambientSim = await startSimulator(['--topology', 'ambient', '--kube-state', 'off', '--warmup', '30']);
    ambientProm = await startPrometheus(scrapeConfig('ambient', [ambientSim.target]));
  });
  after(async () => {
    await ambientProm?.stop();
    await ambientSim?.stop();
  });

  test('the preset’s queries draw the waypoint, its paired edges and Kiali’s direct L7 edges, with no name rule', async () => {
    const targets = istioPresetTargets({
      namespaces: ['bookinfo-ambient'],
      rates: { http: 'requests', grpc: 'requests', tcp: 'sent', ambient: 'total' },
      idleNodes: true,
    });
    const run = async (t: (typeof targets)[number]) => {
      const expr = t.expr.replace(/\$__range/g, '20s').replace(/\$__interval/g, '2s');
      return tableFrame(t.refId, expr, await ambientProm.query(expr));
    };
    // Every destination-side ztunnel hop is in the window: waypoint → the 4 backends of reviews and ratings, → details-v1, → productpage-v1.
    const outbound = targets.find((t) => t.refId.startsWith('istio_tcp_received_bytes_total inbound'))!;
    await pollUntil(
      async () => ((await run(outbound)).length >= 6 ? true : undefined),
      'ztunnel hops in the window',
      60_000
    );
    const frames = await Promise.all(targets.map(run));
    // The deployments' query is asked and answers nothing: no kube-state-metrics here.
    assert.equal(frames.find((f) => f.refId?.startsWith('kube_deployment_labels'))?.length, 0);
    // `^$` matches no workload name: only the traffic can make the waypoint one.
    const result = framesToGraph(frames, {
      ...defaultMeshGraphPanelOptions,
      graphType: 'workload',
      injectServiceNodes: false,
      namespaces: 'bookinfo-ambient',
      waypointPattern: '^$',
    });
    if (!result.ok || !result.model) {
      assert.fail(result.ok ? 'no model' : result.error);
    }
    const model = result.model;
    const name = new Map(model.nodes.map((n) => [n.id, n.workload || n.service]));
    assert.deepEqual(
      model.nodes.filter((n) => n.isWaypoint).map((n) => `${n.nodeType} ${n.namespace}/${n.workload}`),
      ['workload bookinfo-ambient/waypoint']
    );
    const edges = model.edges
      .map((e) => {
        const back = e.waypoint?.fromEdge
          ? ` (back: ${name.get(e.waypoint.fromEdge.source)} -> ${name.get(e.waypoint.fromEdge.target)})`
          : '';
        return `${name.get(e.source)} -> ${name.get(e.target)} ${e.protocol}${e.waypoint ? ` waypoint:${e.waypoint.direction}${back}` : ''}`;
      })
      .sort();
    // As Kiali's ambient appender: the waypoint's hop back to a caller (waypoint → reviews-v2, for productpage's
    // requests) folds into that caller's hop to it, one bidirectional edge. The L7 edges go caller → backend, as the
    // waypoint reports them. (The ingress gateway's own L7 report is source-side from istio-system: the preset's
    // namespace queries do not read it, as Kiali's do not for a namespace not labelled ambient.)
    assert.deepEqual(edges, [
      'istio-ingressgateway -> productpage-v1 tcp',
      'productpage-v1 -> details-v1 tcp',
      'productpage-v1 -> reviews-v1 http',
      'productpage-v1 -> reviews-v2 http',
      'productpage-v1 -> reviews-v3 http',
      'productpage-v1 -> waypoint tcp waypoint:to',
      'reviews-v2 -> ratings-v1 http',
      'reviews-v2 -> waypoint tcp waypoint:to (back: waypoint -> reviews-v2)',
      'reviews-v3 -> ratings-v1 http',
      'reviews-v3 -> waypoint tcp waypoint:to (back: waypoint -> reviews-v3)',
      'waypoint -> ratings-v1 tcp waypoint:from',
      'waypoint -> reviews-v1 tcp waypoint:from',
    ]);
    assert.equal(result.counts.unconfirmedWaypoints, 0);
    assert.equal(result.counts.idleNodes, 0);
  });
});
