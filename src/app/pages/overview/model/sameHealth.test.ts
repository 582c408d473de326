/**
 * One mesh, three pages: the overview row, the detail page and the mesh graph panel get the same
 * frames (each as its own queries would return them from the same Prometheus series) and must give
 * every workload the same status and reasons, by Kiali's rules.
 */
import { createDataFrame, FieldType, type DataFrame } from '@grafana/data';
import { framesToGraph } from '../../../../panels/meshgraph/model/pipeline';
import { defaultMeshGraphPanelOptions } from '../../../../panels/meshgraph/types';
import { detailInboundByPeer, detailOutboundByPeer, namespaceTraffic } from '../../../../shared/istio/appQueries';
import { DEFAULT_THRESHOLDS } from '../../../../shared/settings';
import { buildDetail } from '../../detail/model/detailModel';
import { buildNamespaceRows } from './namespaceRows';

type Labels = Record<string, string>;
interface Series {
  labels: Labels;
  rate: number;
}

/** A workload as Istio labels it: namespace, workload, canonical service (= app), version. */
const wl = (ns: string, workload: string, app: string) => ({ ns, workload, app });
type Wl = ReturnType<typeof wl>;

/** Both proxies' series of one edge, one per response code: { code: rate } (gRPC codes as "http/grpc"). */
function edge(from: Wl, to: Wl, protocol: 'http' | 'grpc', byCode: Record<string, number>): Series[] {
  return Object.entries(byCode).flatMap(([code, rate]) => {
    const [http, grpc] = code.split('/');
    return (['source', 'destination'] as const).map((reporter) => ({
      rate,
      labels: {
        reporter,
        source_cluster: 'Kubernetes',
        source_workload_namespace: from.ns,
        source_workload: from.workload,
        source_canonical_service: from.app,
        source_canonical_revision: 'v1',
        source_app: from.app,
        source_version: 'v1',
        destination_cluster: 'Kubernetes',
        destination_service: `${to.app}.${to.ns}.svc.cluster.local`,
        destination_service_namespace: to.ns,
        destination_service_name: to.app,
        destination_workload_namespace: to.ns,
        destination_workload: to.workload,
        destination_canonical_service: to.app,
        destination_canonical_revision: 'v1',
        destination_app: to.app,
        destination_version: 'v1',
        request_protocol: protocol,
        response_code: http,
        ...(grpc === undefined ? {} : { grpc_response_status: grpc }),
        response_flags: '-',
        connection_security_policy: reporter === 'destination' ? 'mutual_tls' : 'unknown',
      },
    }));
  });
}

/** Prometheus' `sum by (labels)` over the series that match, one series frame per group, as Grafana returns them. */
function sumBy(all: readonly Series[], refId: string, match: (l: Labels) => boolean, by: readonly string[]): DataFrame[] {
  const groups = new Map<string, { labels: Labels; rate: number }>();
  for (const s of all.filter((x) => match(x.labels))) {
    const labels = Object.fromEntries(by.filter((k) => s.labels[k] !== undefined).map((k) => [k, s.labels[k]]));
    const key = JSON.stringify(labels);
    const g = groups.get(key) ?? { labels, rate: 0 };
    g.rate += s.rate;
    groups.set(key, g);
  }
  return [...groups.values()].map((g) =>
    createDataFrame({
      refId,
      fields: [
        { name: 'Time', type: FieldType.time, values: [1000] },
        { name: 'Value', type: FieldType.number, values: [g.rate], labels: g.labels },
      ],
    })
  );
}

const gateway = wl('istio-system', 'istio-ingressgateway', 'istio-ingressgateway');
const frontend = wl('shop', 'frontend-v1', 'frontend');
const cart = wl('shop', 'cart-v1', 'cart');
const payment = wl('payments', 'payment-v1', 'payment');
const inventory = wl('stock', 'inventory-v1', 'inventory');

const MESH: Series[] = [
  ...edge(gateway, frontend, 'http', { '200': 15 }),
  ...edge(frontend, cart, 'http', { '200': 9 }),
  // 25 % answered 503: failure.
  ...edge(cart, payment, 'http', { '200': 3, '503': 1 }),
  // gRPC answers HTTP 200; 5 % carry status 14 (UNAVAILABLE): degraded.
  ...edge(cart, inventory, 'grpc', { '200/0': 9.5, '200/14': 0.5 }),
];

const dst = (l: Labels) => l.reporter === 'destination';
const src = (l: Labels) => l.reporter === 'source';

/** What the detail page of a workload gets: its inbound and outbound breakdowns by peer and code. */
function detailOf(w: Wl, protocolLabels: readonly string[]) {
  const inbound = sumBy(MESH, 'inbound', (l) => dst(l) && l.destination_workload_namespace === w.ns && l.destination_workload === w.workload, [
    'source_workload_namespace',
    'source_workload',
    'response_code',
    ...protocolLabels,
  ]);
  const outbound = sumBy(MESH, 'outbound', (l) => src(l) && l.source_workload_namespace === w.ns && l.source_workload === w.workload, [
    'destination_service_namespace',
    'destination_service_name',
    'response_code',
    ...protocolLabels,
  ]);
  const rate = sumBy(MESH, 'rate', (l) => dst(l) && l.destination_workload_namespace === w.ns && l.destination_workload === w.workload, []);
  return buildDetail([...rate, ...inbound, ...outbound], DEFAULT_THRESHOLDS).health;
}

/** What the overview gets: its traffic query (inbound by namespace, code, mTLS policy) and the outbound health query. */
function overviewOf(ns: string, inboundProtocolLabels: readonly string[]) {
  const traffic = sumBy(MESH, 'traffic', dst, ['destination_workload_namespace', 'response_code', 'connection_security_policy', ...inboundProtocolLabels]);
  const outbound = sumBy(MESH, 'outbound', src, ['source_workload_namespace', 'source_workload', 'request_protocol', 'response_code', 'grpc_response_status']);
  const row = buildNamespaceRows([...traffic, ...outbound], DEFAULT_THRESHOLDS).rows.find((r) => r.namespace === ns);
  return row && { status: row.health, reasons: row.healthReasons.map((r) => r.replace(/^[^:]+: /, '')) };
}

/** The mesh graph panel's workload graph from the receiving proxies' series (its preset's inbound query). */
function workloadGraph() {
  const frames = sumBy(MESH, 'istio_requests_total', dst, Object.keys(MESH[0].labels).concat('grpc_response_status').filter((k) => k !== 'reporter' && k !== 'connection_security_policy'));
  const result = framesToGraph(frames, { ...defaultMeshGraphPanelOptions, graphType: 'workload', injectServiceNodes: false, boxByCluster: false, boxByNamespace: false });
  if (!result.ok) {
    throw new Error(result.error);
  }
  return result.graph;
}

function graphOf(w: Wl) {
  const node = workloadGraph().nodes.find((n) => n.title === w.workload);
  return node && { status: node.health, reasons: [...node.reasons] };
}

const WITH_PROTOCOL = ['request_protocol', 'grpc_response_status'];

describe('the same workload has the same health on the overview, its detail page and the graph', () => {
  it.each([
    [payment, 'failure', ['5xx 25.0 % of inbound HTTP ≥ 10 % failure']],
    [cart, 'failure', ['5xx 25.0 % of outbound HTTP ≥ 10 % failure', 'gRPC errors 5.0 % of outbound gRPC > 0 % degraded']],
    [inventory, 'degraded', ['gRPC errors 5.0 % of inbound gRPC > 0 % degraded']],
    [frontend, 'healthy', []],
  ] as const)('%j: %s', (w, status, reasons) => {
    const expected = { status, reasons: [...reasons] };
    expect(graphOf(w)).toEqual(expected);
    expect(detailOf(w, WITH_PROTOCOL)).toEqual(expected);
  });

  it('graph edges: each graded on its own requests', () => {
    const graph = workloadGraph();
    const title = new Map(graph.nodes.map((n) => [n.id, n.title]));
    const edges = graph.edges.map((e) => [`${title.get(e.source)} → ${title.get(e.target)}`, e.health, [...e.reasons]]).sort();
    expect(edges).toEqual([
      ['cart-v1 → inventory-v1', 'degraded', ['gRPC errors 5.0 % of gRPC > 0 % degraded']],
      ['cart-v1 → payment-v1', 'failure', ['5xx 25.0 % of HTTP ≥ 10 % failure']],
      ['frontend-v1 → cart-v1', 'healthy', []],
      ['istio-ingressgateway → frontend-v1', 'healthy', []],
    ]);
  });

  it('overview rows: a namespace is its worst workload (payments, stock: one workload each)', () => {
    expect(overviewOf('payments', WITH_PROTOCOL)).toEqual({ status: 'failure', reasons: ['5xx 25.0 % of inbound HTTP ≥ 10 % failure'] });
    expect(overviewOf('stock', WITH_PROTOCOL)).toEqual({ status: 'degraded', reasons: ['gRPC errors 5.0 % of inbound gRPC > 0 % degraded'] });
    // shop holds frontend (healthy) and cart (failing outbound): the row says failure, naming cart-v1.
    expect(overviewOf('shop', WITH_PROTOCOL)).toEqual({ status: 'failure', reasons: ['5xx 25.0 % of outbound HTTP ≥ 10 % failure', 'gRPC errors 5.0 % of outbound gRPC > 0 % degraded'] });
  });

  it('the app queries keep the protocol and gRPC status, so a gRPC error answered with HTTP 200 counts', () => {
    const target = { kind: 'workload' as const, namespace: 'stock', name: 'inventory-v1' };
    for (const query of [namespaceTraffic(), detailInboundByPeer(target), detailOutboundByPeer(target)]) {
      expect(query).toContain('request_protocol, grpc_response_status) (rate(');
    }
    expect(detailOf(payment, [])).toEqual(detailOf(payment, WITH_PROTOCOL));
    // Without the gRPC status the same answers would read healthy.
    expect(detailOf(inventory, [])).toEqual({ status: 'healthy', reasons: [] });
    expect(detailOf(inventory, WITH_PROTOCOL)).toEqual({ status: 'degraded', reasons: ['gRPC errors 5.0 % of inbound gRPC > 0 % degraded'] });
  });
});
