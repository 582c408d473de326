import { defaultHealthThresholds, resolveThresholds, type HealthThreshold, type StoredThresholds } from './health';

/** Kiali's health thresholds, one per error class (5xx, 4xx, gRPC, no response), percent of requests. */
export type HealthThresholds = readonly HealthThreshold[];

/** Which Kubernetes/Prometheus label names hold the pod, app and container (clusters relabel differently). */
export interface LabelMapping {
  pod: string;
  app: string;
  container: string;
}

/** The app's jsonData (nothing secret). Provisioning sets these; the config page edits them. */
export interface MeshLensSettings {
  prometheusUid?: string;
  traceUid?: string;
  /** By error class: `{ "5xx": { degraded: 0, failure: 10 }, … }` (src/shared/health). */
  thresholds?: StoredThresholds;
  /** Namespaces the pages start with; empty means all namespaces seen in the metrics. */
  defaultNamespaces?: string[];
  labelMapping?: Partial<LabelMapping>;
}

export interface ResolvedSettings {
  prometheusUid: string;
  traceUid: string;
  thresholds: HealthThresholds;
  /** Stored thresholds that were not usable (Kiali's default used instead), with why. */
  thresholdProblems: string[];
  defaultNamespaces: string[];
  labelMapping: LabelMapping;
}

export const PLUGIN_ID = 'meshlens-istio-app';
export const PLUGIN_BASE_URL = `/a/${PLUGIN_ID}`;
/** The uids that provisioning/ gives the data sources; used when jsonData names none. */
export const DEFAULT_PROMETHEUS_UID = 'meshlens-prometheus';
export const DEFAULT_TRACE_UID = 'meshlens-jaeger';
/** Kiali's default tolerances (config.go AddHealthDefault): the same constants the panel and dashboards use. */
export const DEFAULT_THRESHOLDS: HealthThresholds = defaultHealthThresholds;
export const DEFAULT_LABEL_MAPPING: LabelMapping = { pod: 'pod', app: 'app', container: 'container' };

/** Fills every setting, so pages never branch on undefined; invalid stored values fall back to defaults. */
export function resolveSettings(jsonData: MeshLensSettings | undefined): ResolvedSettings {
  const { thresholds, ignored } = resolveThresholds(jsonData?.thresholds);
  const labels = jsonData?.labelMapping ?? {};
  return {
    prometheusUid: jsonData?.prometheusUid || DEFAULT_PROMETHEUS_UID,
    traceUid: jsonData?.traceUid || DEFAULT_TRACE_UID,
    thresholds,
    thresholdProblems: ignored,
    defaultNamespaces: (jsonData?.defaultNamespaces ?? []).filter((n) => typeof n === 'string' && n.trim() !== ''),
    labelMapping: {
      pod: labels.pod?.trim() || DEFAULT_LABEL_MAPPING.pod,
      app: labels.app?.trim() || DEFAULT_LABEL_MAPPING.app,
      container: labels.container?.trim() || DEFAULT_LABEL_MAPPING.container,
    },
  };
}
