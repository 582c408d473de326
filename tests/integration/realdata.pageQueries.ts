import { IstioMetric } from '../../src/shared/istio/metrics';

/**
 * The Graph page's namespace variable selector (graphScene.ts TRAFFIC_METRICS_SELECTOR), restated because importing
 * the scene pulls @grafana/ui, which does not load in Node; src/app/pages/graph/model/kialiGoldenAppPath.test.ts
 * checks the two are equal.
 */
export const PAGE_TRAFFIC_METRICS_SELECTOR = `{__name__=~"${IstioMetric.requestsTotal}|${IstioMetric.tcpReceivedBytesTotal}"}`;
