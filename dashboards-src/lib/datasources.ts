import type { DataSourceRef } from '@grafana/grafana-foundation-sdk/common';

/**
 * Every panel and query points at the `datasource` variable, never at a fixed uid and never at an `__inputs`
 * placeholder: Grafana imports app dashboards without inputs, so `${DS_PROMETHEUS}` would stay unresolved
 * (istio/istio#28092).
 */
export const PROMETHEUS: DataSourceRef = { type: 'prometheus', uid: '${datasource}' };

/** Trace panels read from the `tracing` variable (Jaeger by default, as provisioned by MeshLens). */
export const TRACING: DataSourceRef = { type: 'jaeger', uid: '${tracing}' };
