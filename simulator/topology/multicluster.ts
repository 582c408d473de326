import { TopologyBuilder } from './builder';
import type { Topology } from './types';

/**
 * Bookinfo across two clusters of one mesh (multi-primary): reviews-v3 and ratings run in
 * `west`, the rest in `east`, so hops carry source_cluster != destination_cluster.
 */
export function multicluster(): Topology {
  const ns = 'bookinfo';
  const b = new TopologyBuilder('multicluster');
  const east = { cluster: 'east' };
  const west = { cluster: 'west' };
  const ingress = b.workload('istio-ingressgateway', 'istio-system', {
    ...east,
    rps: 10,
    serviceAccount: 'istio-ingressgateway-service-account',
  });
  const productpage = b.workload('productpage-v1', ns, { ...east, serviceAccount: 'bookinfo-productpage' });
  const details = b.workload('details-v1', ns, { ...east, serviceAccount: 'bookinfo-details' });
  const reviews = [
    b.workload('reviews-v1', ns, { ...east, serviceAccount: 'bookinfo-reviews' }),
    b.workload('reviews-v2', ns, { ...east, serviceAccount: 'bookinfo-reviews' }),
    b.workload('reviews-v3', ns, { ...west, serviceAccount: 'bookinfo-reviews' }),
  ];
  const ratingsWest = b.workload('ratings-v1', ns, { ...west, serviceAccount: 'bookinfo-ratings' });

  const productpageSvc = b.service('productpage', ns, 9080, [productpage]);
  const detailsSvc = b.service('details', ns, 9080, [details]);
  const reviewsSvc = b.service('reviews', ns, 9080, reviews);
  const ratingsSvc = b.service('ratings', ns, 9080, [ratingsWest]);

  b.call(ingress, productpageSvc, { latency: { p50Ms: 30, p95Ms: 110 } })
    .call(productpage, detailsSvc, { latency: { p50Ms: 2, p95Ms: 8 } })
    .call(productpage, reviewsSvc, { latency: { p50Ms: 14, p95Ms: 50 } })
    // Cross-cluster hop: east -> west through the east-west gateway adds latency.
    .call(reviews[1], ratingsSvc, { latency: { p50Ms: 9, p95Ms: 30 } })
    .call(reviews[2], ratingsSvc, { latency: { p50Ms: 3, p95Ms: 12 } });
  return b.build();
}
