/** The app's jsonData (nothing secret). Provisioning sets these; the config page edits them. */
export interface MeshLensSettings {
  prometheusUid?: string;
  traceUid?: string;
}

export const PLUGIN_ID = 'meshlens-istio-app';
export const PLUGIN_BASE_URL = `/a/${PLUGIN_ID}`;
/** The uids that provisioning/ gives the data sources; used when jsonData names none. */
export const DEFAULT_PROMETHEUS_UID = 'meshlens-prometheus';
export const DEFAULT_TRACE_UID = 'meshlens-jaeger';

export function resolveSettings(jsonData: MeshLensSettings | undefined): Required<MeshLensSettings> {
  return {
    prometheusUid: jsonData?.prometheusUid || DEFAULT_PROMETHEUS_UID,
    traceUid: jsonData?.traceUid || DEFAULT_TRACE_UID,
  };
}
