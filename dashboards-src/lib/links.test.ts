/** @jest-environment node */
import { drillDown, navigationLinks, seriesLabel, tableField } from './links';

describe('links', () => {
  it('drills down by uid with percent-encoded label values and the carried variables', () => {
    expect(drillDown('service', tableField).build()).toEqual({
      title: 'Open service dashboard',
      url: '/d/meshlens-istio-service?var-service=${__data.fields.destination_service:percentencode}&${datasource:queryparam}&${cluster:queryparam}&${__url_time_range}',
    });
    expect(drillDown('workload', seriesLabel).build().url).toContain(
      'var-namespace=${__field.labels.destination_workload_namespace:percentencode}&var-workload=${__field.labels.destination_workload:percentencode}'
    );
  });

  it('links the header to the seven other dashboards and the two app pages, shown in the header', () => {
    const links = navigationLinks('mesh').map((l) => l.build());
    expect(links).toHaveLength(9);
    expect(links.map((l) => l.url)).not.toContain('/d/meshlens-istio-mesh');
    links.forEach((l) => expect(l).not.toHaveProperty('placement'));
  });
});
