import { namespaceDeploymentCount, namespaceInventory, namespaceProxyCount } from './inventoryQueries';

describe('inventory queries', () => {
  test('all Active namespaces, with their Istio labels where KSM has them, in one query', () => {
    expect(namespaceInventory()).toBe(
      'max by (namespace, label_istio_injection, label_istio_io_dataplane_mode) (kube_namespace_labels) and on (namespace) ' +
        '(kube_namespace_status_phase{phase="Active"} == 1) or on (namespace) max by (namespace) (kube_namespace_status_phase{phase="Active"} == 1)'
    );
  });

  test('scoped to namespaces, escaped as regex alternatives', () => {
    const q = namespaceInventory(['shop', 'a.b"c']);
    expect(q).toContain('kube_namespace_labels{namespace=~"shop|a\\\\.b\\"c"}');
    expect(q.split('namespace=~"shop|a\\\\.b\\"c"')).toHaveLength(4);
  });

  test('proxies per namespace', () => {
    expect(namespaceProxyCount()).toBe('count by (namespace) (istio_build{component="proxy"})');
    expect(namespaceProxyCount(['shop'])).toBe('count by (namespace) (istio_build{component="proxy",namespace=~"shop"})');
  });

  test('deployments per namespace from kube-state-metrics', () => {
    expect(namespaceDeploymentCount()).toBe('count by (namespace) (kube_deployment_labels)');
    expect(namespaceDeploymentCount(['shop'])).toBe('count by (namespace) (kube_deployment_labels{namespace=~"shop"})');
  });
});
