import { type MeshLensSettings, type ResolvedSettings } from '../../../shared/settings';

/** The config form as typed: strings, so half-typed numbers and lists are not lost on every keystroke. */
export interface ConfigForm {
  prometheusUid: string;
  traceUid: string;
  errorDegradedPct: string;
  errorFailurePct: string;
  defaultNamespaces: string[];
}

export type ConfigErrors = Partial<Record<keyof ConfigForm, string>>;

// Kubernetes namespace names: RFC 1123 labels.
const NAMESPACE = /^[a-z0-9]([-a-z0-9]*[a-z0-9])?$/;

export function toForm(s: ResolvedSettings): ConfigForm {
  return {
    prometheusUid: s.prometheusUid,
    traceUid: s.traceUid,
    errorDegradedPct: String(s.thresholds.errorDegradedPct),
    errorFailurePct: String(s.thresholds.errorFailurePct),
    defaultNamespaces: [...s.defaultNamespaces],
  };
}

function pct(value: string): number | undefined {
  const n = Number(value.trim());
  return value.trim() !== '' && Number.isFinite(n) && n >= 0 && n <= 100 ? n : undefined;
}

/** Every problem, keyed by field, in words an admin can act on; empty when the form can be saved. */
export function validateForm(f: ConfigForm): ConfigErrors {
  const errors: ConfigErrors = {};
  if (!f.prometheusUid) {
    errors.prometheusUid = 'Choose the Prometheus data source that scrapes Istio.';
  }
  const degraded = pct(f.errorDegradedPct);
  const failure = pct(f.errorFailurePct);
  if (degraded === undefined) {
    errors.errorDegradedPct = 'A percentage from 0 to 100.';
  }
  if (failure === undefined) {
    errors.errorFailurePct = 'A percentage from 0 to 100.';
  } else if (degraded !== undefined && failure < degraded) {
    errors.errorFailurePct = `Must be at least the degraded threshold (${degraded}%).`;
  }
  const badNs = f.defaultNamespaces.filter((n) => !NAMESPACE.test(n));
  if (badNs.length > 0) {
    errors.defaultNamespaces = `Not a Kubernetes namespace name: ${badNs.join(', ')}`;
  }
  return errors;
}

/** jsonData to store (the whole of it: keys of earlier versions, such as `labelMapping`, are dropped); only call with a form that validates. */
export function toJsonData(f: ConfigForm): MeshLensSettings {
  return {
    prometheusUid: f.prometheusUid,
    traceUid: f.traceUid || undefined,
    thresholds: { errorDegradedPct: Number(f.errorDegradedPct), errorFailurePct: Number(f.errorFailurePct) },
    defaultNamespaces: f.defaultNamespaces,
  };
}
