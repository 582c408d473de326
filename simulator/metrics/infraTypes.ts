import type { Labels } from '../model/labels';
import type { Family, Series } from './store';

export interface Pod {
  labels: Labels;
  pod: string;
}

/** Series factories that also register the series' per-tick update. */
export interface Helpers {
  counter: (f: Family, labels: Labels, pod: string, perSecond: number) => Series;
  gauge: (f: Family, labels: Labels, pod: string, value: () => number) => Series;
  define: (name: string, help: string, type: 'counter' | 'gauge' | 'histogram', bounds?: number[]) => Family;
}

export type ContainerStandIn = (p: Pod, name: string, cores: number, bytes: number) => void;

export const TYPE_URLS: Record<string, string> = {
  cds: 'type.googleapis.com/envoy.config.cluster.v3.Cluster',
  eds: 'type.googleapis.com/envoy.config.endpoint.v3.ClusterLoadAssignment',
  lds: 'type.googleapis.com/envoy.config.listener.v3.Listener',
  rds: 'type.googleapis.com/envoy.config.route.v3.RouteConfiguration',
  nds: 'type.googleapis.com/istio.networking.nds.v1.NameTable',
  wds: 'type.googleapis.com/istio.workload.Address',
  wads: 'type.googleapis.com/istio.security.Authorization',
};
