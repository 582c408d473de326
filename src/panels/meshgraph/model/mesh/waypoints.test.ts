import { defaultMeshGraphPanelOptions } from '../../types';
import { tableFrame } from '../__fixtures__/frames';
import { framesToGraph } from '../pipeline';
import { buildMeshGraph } from './buildMeshGraph';
import { type Sample, type TrafficMetric } from './types';
import { waypointsFromTraffic, withTrafficWaypoints } from './waypoints';

// Series shaped as Istio 1.24 reports them: the ztunnel labels of tests/fixtures/scrapes/
// datadog-integrations-core_istio-1.24_ztunnel.txt (reporter, source_*, destination_*, app="ztunnel" from the
// scrape), and a waypoint named `reviews-gw` (a named waypoint: no name pattern would know it).
const wl = (side: 'source' | 'destination', name: string, app: string, version: string) => ({
  [`${side}_cluster`]: 'Kubernetes',
  [`${side}_workload_namespace`]: 'default',
  [`${side}_workload`]: name,
  [`${side}_canonical_service`]: app,
  [`${side}_canonical_revision`]: version,
});
const svc = (name: string) => ({
  destination_service: `${name}.default.svc.cluster.local`,
  destination_service_namespace: 'default',
  destination_service_name: name,
});
const PRODUCTPAGE = wl('source', 'productpage-v1', 'productpage', 'v1');
const GW_SRC = wl('source', 'reviews-gw', 'reviews-gw', 'latest');
const GW_DST = wl('destination', 'reviews-gw', 'reviews-gw', 'latest');
const REVIEWS_V1 = wl('destination', 'reviews-v1', 'reviews', 'v1');
const DETAILS_V1 = wl('destination', 'details-v1', 'details', 'v1');

const l7 = (labels: Record<string, string>, value: number): Sample => ({
  metric: 'istio_requests_total',
  labels: { ...labels, request_protocol: 'http', response_code: '200', grpc_response_status: '', response_flags: '-' },
  value,
});
const l4 = (
  labels: Record<string, string>,
  value: number,
  metric: TrafficMetric = 'istio_tcp_received_bytes_total'
): Sample => ({
  metric,
  labels: { app: 'ztunnel', ...labels, response_flags: '-' },
  value,
});

// The waypoint's own report (reporter="waypoint"): productpage → reviews-v1, the waypoint nowhere.
const waypointReport = l7({ ...PRODUCTPAGE, ...svc('reviews'), ...REVIEWS_V1 }, 4);
// productpage's ztunnel: the hop to the waypoint, for the reviews service (ztunnel outbound.rs).
const intoWaypoint = l4({ ...PRODUCTPAGE, ...svc('reviews'), ...GW_DST }, 1200);
// reviews-v1's ztunnel: the hop from the waypoint.
const fromWaypoint = l4({ ...GW_SRC, ...svc('reviews'), ...REVIEWS_V1 }, 1100);
// details has no waypoint: ztunnel's hop straight to the backend, no L7.
const toDetails = l4({ ...PRODUCTPAGE, ...svc('details'), ...DETAILS_V1 }, 300);

describe('waypointsFromTraffic: waypoints from Istio metrics alone', () => {
  it('a workload between a service’s L7 caller and backend on both of ztunnel’s sides is a waypoint', () => {
    const found = waypointsFromTraffic([waypointReport, intoWaypoint, fromWaypoint, toDetails]);
    expect([...found.workloads].sort()).toEqual([
      'Kubernetes\u0000default\u0000reviews-gw',
      'unknown\u0000default\u0000reviews-gw',
    ]);
    expect(found.unconfirmed).toBe(0);
  });

  it('one side only: not a waypoint, counted', () => {
    expect(waypointsFromTraffic([waypointReport, intoWaypoint, toDetails])).toEqual({
      workloads: new Set(),
      unconfirmed: 1,
    });
    expect(waypointsFromTraffic([waypointReport, fromWaypoint])).toEqual({ workloads: new Set(), unconfirmed: 1 });
  });

  it('no L7, sidecar L4, or a backend that L7 also names: nothing', () => {
    // Ambient without a waypoint: L4 only.
    expect(waypointsFromTraffic([intoWaypoint, fromWaypoint, toDetails])).toEqual({
      workloads: new Set(),
      unconfirmed: 0,
    });
    // The same hops reported by sidecars (no app="ztunnel"): a sidecar's TCP is its own workload's.
    const sidecar = (s: Sample): Sample => ({ ...s, labels: { ...s.labels, app: 'reviews' } });
    expect(waypointsFromTraffic([waypointReport, sidecar(intoWaypoint), sidecar(fromWaypoint)])).toEqual({
      workloads: new Set(),
      unconfirmed: 0,
    });
    // A mixed mesh: ztunnel's hop to a sidecar backend that reports the same requests as L7.
    expect(waypointsFromTraffic([l7({ ...PRODUCTPAGE, ...svc('details'), ...DETAILS_V1 }, 2), toDetails])).toEqual({
      workloads: new Set(),
      unconfirmed: 0,
    });
  });

  it('ambient handling off stays off; declared waypoints stay declared', () => {
    const found = waypointsFromTraffic([waypointReport, intoWaypoint, fromWaypoint]);
    expect(withTrafficWaypoints(undefined, found)).toBeUndefined();
    const isWaypoint = withTrafficWaypoints((_c, _ns, w) => w === 'waypoint', found)!;
    expect([
      isWaypoint('Kubernetes', 'default', 'reviews-gw'),
      isWaypoint('unknown', 'default', 'reviews-gw'),
      isWaypoint('x', 'default', 'waypoint'),
      isWaypoint('Kubernetes', 'default', 'reviews-v1'),
    ]).toEqual([true, true, true, false]);
  });

  it('the model draws the waypoint node and Kiali’s paired waypoint edges without kube-state-metrics or a name rule', () => {
    const model = buildMeshGraph([waypointReport, intoWaypoint, fromWaypoint, toDetails], {
      graphType: 'versionedApp',
      injectServiceNodes: true,
      httpRequests: true,
      grpcRequests: true,
      isWaypoint: () => false,
      namespaces: ['default'],
      boxBy: { namespace: false, cluster: false },
    });
    const nodes = model.nodes.map((n) => `${n.id}${n.isWaypoint ? ' waypoint' : ''}`).sort();
    expect(nodes).toEqual([
      'svc_Kubernetes_default_details',
      'svc_Kubernetes_default_reviews',
      'vapp_Kubernetes_default_details-v1',
      'vapp_Kubernetes_default_productpage-v1',
      'vapp_Kubernetes_default_reviews-v1',
      'wl_Kubernetes_default_reviews-gw waypoint',
    ]);
    const edges = model.edges
      .map(
        (e) =>
          `${e.source} -> ${e.target} ${e.protocol} ${e.rates[e.protocol]}${e.waypoint ? ` waypoint ${e.waypoint.direction}` : ''}`
      )
      .sort();
    expect(edges).toEqual([
      'svc_Kubernetes_default_details -> vapp_Kubernetes_default_details-v1 tcp 300',
      'svc_Kubernetes_default_reviews -> vapp_Kubernetes_default_reviews-v1 http 4',
      'vapp_Kubernetes_default_productpage-v1 -> svc_Kubernetes_default_details tcp 300',
      'vapp_Kubernetes_default_productpage-v1 -> svc_Kubernetes_default_reviews http 4',
      'vapp_Kubernetes_default_productpage-v1 -> wl_Kubernetes_default_reviews-gw tcp 1200 waypoint to',
      'wl_Kubernetes_default_reviews-gw -> vapp_Kubernetes_default_reviews-v1 tcp 1100 waypoint from',
    ]);
  });

  it('through the panel pipeline: the waypoint with the default options, and a one-sided hop counted for the footer', () => {
    const frames = (tcp: Sample[]) => [
      tableFrame([waypointReport], 'istio_requests_total inbound 0'),
      tableFrame(tcp, 'istio_tcp_received_bytes_total inbound 1'),
    ];
    const o = { ...defaultMeshGraphPanelOptions, graphType: 'workload' as const, namespaces: 'default' };
    const both = framesToGraph(frames([intoWaypoint, fromWaypoint, toDetails]), o);
    const oneSided = framesToGraph(frames([intoWaypoint, toDetails]), o);
    if (!both.ok || !oneSided.ok) {
      throw new Error('no graph');
    }
    const waypoints = (r: typeof both) => r.model?.nodes.filter((n) => n.isWaypoint).map((n) => n.id);
    expect([waypoints(both), both.counts.unconfirmedWaypoints]).toEqual([['wl_Kubernetes_default_reviews-gw'], 0]);
    expect([waypoints(oneSided), oneSided.counts.unconfirmedWaypoints]).toEqual([[], 1]);
  });
});
