/** Error-rate thresholds (percent of requests answered 5xx) that turn a namespace or service degraded / failing. */
export interface HealthThresholds {
  errorDegradedPct: number;
  errorFailurePct: number;
}

/**
 * The app's jsonData (nothing secret). Provisioning sets these; the config page edits them.
 * Earlier versions also stored a `labelMapping` (pod/app/container label names) that no query used; it is
 * ignored, and the next save from the config page drops it.
 */
export interface MeshLensSettings {
  prometheusUid?: string;
  traceUid?: string;
  thresholds?: Partial<HealthThresholds>;
  /** Namespaces the pages start with; empty means all namespaces seen in the metrics. */
  defaultNamespaces?: string[];
}

export interface ResolvedSettings {
  prometheusUid: string;
  traceUid: string;
  thresholds: HealthThresholds;
  defaultNamespaces: string[];
}

export const PLUGIN_ID = 'meshlens-istio-app';
export const PLUGIN_BASE_URL = `/a/${PLUGIN_ID}`;
/** The uids that provisioning/ gives the data sources; used when jsonData names none. */
export const DEFAULT_PROMETHEUS_UID = 'meshlens-prometheus';
export const DEFAULT_TRACE_UID = 'meshlens-jaeger';
/** Kiali's defaults for 5xx: any error rate above 0.1% is degraded, above 10% failing. We use 1% and 5%. */
export const DEFAULT_THRESHOLDS: HealthThresholds = { errorDegradedPct: 1, errorFailurePct: 5 };

function finiteOr(value: unknown, fallback: number): number {
  return typeof value === 'number' && Number.isFinite(value) && value >= 0 ? value : fallback;
}

/** Fills every setting, so pages never branch on undefined; invalid stored values fall back to defaults. */
export function resolveSettings(jsonData: MeshLensSettings | undefined): ResolvedSettings {
  const t = jsonData?.thresholds ?? {};
  const degraded = finiteOr(t.errorDegradedPct, DEFAULT_THRESHOLDS.errorDegradedPct);
  const failure = finiteOr(t.errorFailurePct, DEFAULT_THRESHOLDS.errorFailurePct);
  return {
    prometheusUid: jsonData?.prometheusUid || DEFAULT_PROMETHEUS_UID,
    traceUid: jsonData?.traceUid || DEFAULT_TRACE_UID,
    thresholds: { errorDegradedPct: Math.min(degraded, failure), errorFailurePct: Math.max(degraded, failure) },
    defaultNamespaces: (jsonData?.defaultNamespaces ?? []).filter((n) => typeof n === 'string' && n.trim() !== ''),
  };
}
