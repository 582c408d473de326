/** @jest-environment node */
import {
  drillDown,
  headerLinkVariables,
  navigationLinks,
  seriesLabel,
  sourceWorkloadDrillDown,
  tableField,
} from './links';

describe('links', () => {
  it('drills down by uid with percent-encoded label values, data source, time and the cluster of the right side', () => {
    expect(drillDown('service', tableField).build()).toEqual({
      title: 'Open service dashboard',
      url: '/d/meshlens-istio-service?var-service=${__data.fields.destination_service:percentencode}&${cluster:queryparam}&${datasource:queryparam}&${__url_time_range}',
    });
    expect(drillDown('workload', seriesLabel, 'destination_cluster').build().url).toBe(
      '/d/meshlens-istio-workload?var-namespace=${__field.labels.destination_workload_namespace:percentencode}&var-workload=${__field.labels.destination_workload:percentencode}&var-cluster=${__field.labels.destination_cluster:percentencode}&${datasource:queryparam}&${__url_time_range}'
    );
    expect(sourceWorkloadDrillDown(seriesLabel).build().url).toBe(
      '/d/meshlens-istio-workload?var-namespace=${__field.labels.source_workload_namespace:percentencode}&var-workload=${__field.labels.source_workload:percentencode}&var-cluster=${__field.labels.source_cluster:percentencode}&${datasource:queryparam}&${__url_time_range}'
    );
  });

  it('carries namespace in header links only where it filters the same thing', () => {
    const base = '${datasource:queryparam}&${cluster:queryparam}';
    const withNs = `${base}&\${namespace:queryparam}`;
    // Workload namespaces: mesh ↔ service, performance; one workload's namespace only into those.
    expect(headerLinkVariables('mesh', 'service')).toBe(withNs);
    expect(headerLinkVariables('workload', 'mesh')).toBe(withNs);
    expect(headerLinkVariables('mesh', 'workload')).toBe(base);
    // The control plane's namespace is istiod's: bookinfo would empty it, istio-system would empty the mesh.
    expect(headerLinkVariables('mesh', 'controlPlane')).toBe(base);
    expect(headerLinkVariables('controlPlane', 'mesh')).toBe(base);
    expect(headerLinkVariables('controlPlane', 'ztunnel')).toBe(withNs);
  });

  it('links the header to the seven other dashboards and the two app pages, shown in the header', () => {
    const links = navigationLinks('mesh').map((l) => l.build());
    expect(links).toHaveLength(9);
    expect(links.map((l) => l.url)).not.toContain('/d/meshlens-istio-mesh');
    links.forEach((l) => expect(l).not.toHaveProperty('placement'));
  });
});
