import { TopologyBuilder } from './builder';
import type { Topology } from './types';

export const BOOKINFO_NAMESPACE = 'bookinfo';

/**
 * Istio's Bookinfo sample (ingress -> productpage -> details, reviews v1/v2/v3 -> ratings) plus the
 * edge cases the panels must handle: an out-of-mesh `unknown` caller, PassthroughCluster,
 * BlackHoleCluster, an egress gateway to a ServiceEntry host, calls that never got a response
 * (response_code="0" with UF/UH/NR/URX), a gRPC service, a TCP database, and a plaintext hop.
 */
export function bookinfo(): Topology {
  const ns = BOOKINFO_NAMESPACE;
  const b = new TopologyBuilder('bookinfo');

  const unknown = b.workload('unknown', 'unknown', {
    cluster: 'unknown',
    app: 'unknown',
    version: 'unknown',
    serviceAccount: 'unknown',
    dataPlane: 'none',
    rps: 0.5,
  });
  const ingress = b.workload('istio-ingressgateway', 'istio-system', {
    rps: 20,
    serviceAccount: 'istio-ingressgateway-service-account',
  });
  const egress = b.workload('istio-egressgateway', 'istio-system', {
    serviceAccount: 'istio-egressgateway-service-account',
  });
  const productpage = b.workload('productpage-v1', ns, { serviceAccount: 'bookinfo-productpage' });
  const details = b.workload('details-v1', ns, { serviceAccount: 'bookinfo-details' });
  const reviews = ['v1', 'v2', 'v3'].map((v) => b.workload(`reviews-${v}`, ns, { serviceAccount: 'bookinfo-reviews' }));
  const ratings = b.workload('ratings-v1', ns, { serviceAccount: 'bookinfo-ratings' });
  const recommendations = b.workload('recommendations-v1', ns, { serviceAccount: 'bookinfo-recommendations' });
  const mongodb = b.workload('mongodb-v1', ns, { serviceAccount: 'bookinfo-mongodb' });

  const productpageSvc = b.service('productpage', ns, 9080, [productpage]);
  const detailsSvc = b.service('details', ns, 9080, [details]);
  const reviewsSvc = b.service('reviews', ns, 9080, reviews);
  const ratingsSvc = b.service('ratings', ns, 9080, [ratings]);
  const recommendationsSvc = b.service('recommendations', ns, 9090, [recommendations]);
  const mongodbSvc = b.service('mongodb', ns, 27017, [mongodb]);
  const egressSvc = b.service('istio-egressgateway', 'istio-system', 443, [egress]);
  const passthrough = b.special('PassthroughCluster', 'unknown', 'passthrough', 80);
  const blackhole = b.special('BlackHoleCluster', 'unknown', 'blackhole', 80);
  const googleapis = b.special('www.googleapis.com', ns, 'external', 443);

  b.call(ingress, productpageSvc, {
    latency: { p50Ms: 35, p95Ms: 120 },
    responseBytes: 5200,
    noResponse: [{ flag: 'NR', rate: 0.002 }],
  })
    .call(unknown, productpageSvc, { mtls: false, latency: { p50Ms: 35, p95Ms: 120 } })
    // details opted out of mTLS (PeerAuthentication DISABLE): the plaintext hop.
    .call(productpage, detailsSvc, {
      mtls: false,
      latency: { p50Ms: 2, p95Ms: 8 },
      responseBytes: 180,
      noResponse: [{ flag: 'UF', rate: 0.004 }],
    })
    .call(productpage, reviewsSvc, {
      latency: { p50Ms: 12, p95Ms: 45 },
      responseBytes: 380,
      noResponse: [{ flag: 'URX', rate: 0.004 }],
    })
    .call(productpage, recommendationsSvc, {
      protocol: 'grpc',
      ratio: 0.5,
      latency: { p50Ms: 5, p95Ms: 20 },
      grpcErrorRate: 0.02,
      grpcErrorStatus: '14',
      responseBytes: 900,
    })
    .call(productpage, passthrough, { ratio: 0.05, mtls: false, latency: { p50Ms: 40, p95Ms: 150 } })
    .call(productpage, egressSvc, { ratio: 0.1, latency: { p50Ms: 70, p95Ms: 220 } })
    .call(egress, googleapis, { mtls: false, latency: { p50Ms: 60, p95Ms: 200 }, responseBytes: 12000 })
    .call(details, googleapis, { ratio: 0.05, mtls: false, latency: { p50Ms: 60, p95Ms: 200 }, responseBytes: 12000 })
    // REGISTRY_ONLY egress: blocked calls end in BlackHoleCluster with a 502.
    .call(details, blackhole, {
      ratio: 0.02,
      mtls: false,
      errorRate: 1,
      errorCode: '502',
      latency: { p50Ms: 0.8, p95Ms: 2 },
    })
    .call(reviews[1], ratingsSvc, {
      latency: { p50Ms: 3, p95Ms: 12 },
      responseBytes: 60,
      noResponse: [{ flag: 'UH', rate: 0.003 }],
    })
    .call(reviews[2], ratingsSvc, {
      latency: { p50Ms: 3, p95Ms: 12 },
      responseBytes: 60,
      errorRate: 0.05,
      errorCode: '500',
    })
    .call(ratings, mongodbSvc, {
      protocol: 'tcp',
      ratio: 0.2,
      latency: { p50Ms: 1, p95Ms: 4 },
      requestBytes: 300,
      responseBytes: 1500,
    });

  return b.build();
}
