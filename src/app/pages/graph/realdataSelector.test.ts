import '../../testing/jsdomShims';
import { PAGE_TRAFFIC_METRICS_SELECTOR } from '../../../../tests/integration/realdata.pageQueries';
import { TRAFFIC_METRICS_SELECTOR } from './graphScene';

test('the real-data integration tests ask Prometheus for the namespaces with the Graph page’s own selector', () => {
  expect(PAGE_TRAFFIC_METRICS_SELECTOR).toBe(TRAFFIC_METRICS_SELECTOR);
});
