import { Engine } from '../engine/engine';
import { find } from '../engine/testing';
import { ambient } from '../topology/ambient';
import { bookinfo } from '../topology/bookinfo';
import { idle } from '../topology/idle';
import { multicluster } from '../topology/multicluster';
import type { Topology } from '../topology/types';
import { expositionText } from './exposition';
import { kubeStateMetrics } from './kubeState';

function start(topology: Topology) {
  const engine = new Engine(topology, { seed: 1, daySeconds: 3600, startMs: 0 });
  const step = kubeStateMetrics(engine.store, engine.mesh);
  step(1);
  return { engine, step };
}

const sorted = (values: string[]) => [...values].sort();

describe('kubeStateMetrics', () => {
  test('bookinfo: one Active namespace each (not the out-of-mesh caller), injection label where sidecars run', () => {
    const { engine } = start(bookinfo());
    const active = find(engine.store, 'kube_namespace_status_phase', { phase: 'Active' });
    expect(sorted(active.map((s) => s.labels.namespace))).toEqual(['bookinfo', 'istio-system']);
    expect(active.every((s) => s.value === 1)).toBe(true);
    expect(find(engine.store, 'kube_namespace_status_phase', { phase: 'Terminating' })[0].value).toBe(0);
    const labels = find(engine.store, 'kube_namespace_labels');
    expect(labels.map((s) => s.labels)).toEqual([
      { namespace: 'istio-system' },
      { namespace: 'bookinfo', label_istio_injection: 'enabled' },
    ]);
  });

  test('one Deployment per workload with its app and version labels, 1 available replica', () => {
    const { engine } = start(bookinfo());
    const deployments = find(engine.store, 'kube_deployment_labels');
    expect(deployments).toHaveLength(bookinfo().workloads.length - 1);
    expect(find(engine.store, 'kube_deployment_labels', { deployment: 'reviews-v2' })[0].labels).toEqual({
      namespace: 'bookinfo',
      deployment: 'reviews-v2',
      label_app: 'reviews',
      label_version: 'v2',
    });
    const available = find(engine.store, 'kube_deployment_status_replicas_available');
    expect(available).toHaveLength(deployments.length);
    expect(available.every((s) => s.value === 1)).toBe(true);
  });

  test('a stopped workload keeps its Deployment with 0 available; a workload added at run time appears', () => {
    const { engine, step } = start(bookinfo());
    const ratings = engine.mesh.workloads.findIndex((w) => w.name === 'ratings-v1');
    engine.setStopped(ratings, true);
    const reviewsSvc = engine.mesh.services.findIndex((s) => s.name === 'reviews');
    engine.addWorkload({ ...engine.mesh.workloads[ratings - 1], name: 'reviews-v4', version: 'v4' }, reviewsSvc, 1);
    step(1);
    const value = (deployment: string) =>
      find(engine.store, 'kube_deployment_status_replicas_available', { deployment })[0]?.value;
    expect(value('ratings-v1')).toBe(0);
    expect(value('reviews-v4')).toBe(1);
  });

  test('ambient namespaces carry the dataplane-mode label', () => {
    const { engine } = start(ambient());
    expect(find(engine.store, 'kube_namespace_labels', { namespace: 'bookinfo-ambient' })[0].labels).toEqual({
      namespace: 'bookinfo-ambient',
      // The waypoint is an Envoy deployment in the namespace, counted as a sidecar-style proxy here.
      label_istio_injection: 'enabled',
      label_istio_io_dataplane_mode: 'ambient',
    });
  });

  test('multicluster: a namespace present in two clusters is one series (KSM series carry no cluster)', () => {
    const { engine } = start(multicluster());
    expect(find(engine.store, 'kube_namespace_status_phase', { namespace: 'bookinfo', phase: 'Active' })).toHaveLength(
      1
    );
    expect(find(engine.store, 'kube_deployment_labels').every((s) => s.labels.cluster === undefined)).toBe(true);
  });

  test('idle topology: a namespace without proxies has no injection label and no istio series', async () => {
    const { engine } = start(idle());
    for (let i = 1; i <= 5; i++) {
      engine.tick(1, i * 1000);
    }
    expect(find(engine.store, 'kube_namespace_labels', { namespace: 'legacy' })[0].labels).toEqual({
      namespace: 'legacy',
    });
    expect(find(engine.store, 'kube_namespace_labels', { namespace: 'standby' })[0].labels).toEqual({
      namespace: 'standby',
      label_istio_injection: 'enabled',
    });
    expect(find(engine.store, 'kube_deployment_labels', { deployment: 'legacy-batch' })[0].labels).toEqual({
      namespace: 'legacy',
      deployment: 'legacy-batch',
      label_app: 'legacy-batch',
    });
    const text = await expositionText(engine.store);
    expect(text).not.toMatch(/^istio_/m);
    expect(text).toContain('kube_namespace_status_phase{namespace="legacy",phase="Active"} 1');
  });
});
