import { TopologyBuilder } from './builder';
import type { Topology } from './types';

/**
 * Bookinfo in ambient mode: no sidecars; ztunnel reports L4 (`istio_tcp_*`, reporter source and
 * destination) for every hop, and the `waypoint` in front of reviews and ratings reports L7 with
 * reporter="waypoint". The ingress gateway is still an Envoy and reports as source.
 */
export function ambient(): Topology {
  // Its own namespace, so it can run next to the sidecar bookinfo (--topology bookinfo+ambient).
  const ns = 'bookinfo-ambient';
  const b = new TopologyBuilder('ambient');
  const ambientWl = (name: string, sa: string) => b.workload(name, ns, { dataPlane: 'ambient', serviceAccount: sa });
  const ingress = b.workload('istio-ingressgateway', 'istio-system', {
    rps: 10,
    serviceAccount: 'istio-ingressgateway-service-account',
  });
  const waypoint = b.workload('waypoint', ns, { app: 'waypoint', version: 'latest', serviceAccount: 'waypoint' });
  const productpage = ambientWl('productpage-v1', 'bookinfo-productpage');
  const details = ambientWl('details-v1', 'bookinfo-details');
  const reviews = ['v1', 'v2', 'v3'].map((v) => ambientWl(`reviews-${v}`, 'bookinfo-reviews'));
  const ratings = ambientWl('ratings-v1', 'bookinfo-ratings');

  const productpageSvc = b.service('productpage', ns, 9080, [productpage]);
  const detailsSvc = b.service('details', ns, 9080, [details]);
  const reviewsSvc = b.service('reviews', ns, 9080, reviews, { waypoint });
  const ratingsSvc = b.service('ratings', ns, 9080, [ratings], { waypoint });

  b.call(ingress, productpageSvc, { latency: { p50Ms: 30, p95Ms: 110 } })
    .call(productpage, detailsSvc, { latency: { p50Ms: 2, p95Ms: 8 } })
    .call(productpage, reviewsSvc, { latency: { p50Ms: 12, p95Ms: 45 } })
    .call(reviews[1], ratingsSvc, { latency: { p50Ms: 3, p95Ms: 12 } })
    .call(reviews[2], ratingsSvc, { latency: { p50Ms: 3, p95Ms: 12 }, errorRate: 0.05, errorCode: '500' });
  return b.build();
}
