import { CLASS_LABEL, ERROR_CLASSES, thresholdOf, thresholdProblem, type ErrorClass } from '../../../shared/health';
import { type MeshLensSettings, type ResolvedSettings } from '../../../shared/settings';

/** The config form as typed: strings, so half-typed numbers and lists are not lost on every keystroke. */
export interface ConfigForm {
  prometheusUid: string;
  traceUid: string;
  /** Kiali's health thresholds per error class, percent of requests, as typed. */
  thresholds: Record<ErrorClass, { degraded: string; failure: string }>;
  defaultNamespaces: string[];
  pod: string;
  app: string;
  container: string;
}

/** A threshold field of the form, e.g. `5xx.degraded`. */
export type ThresholdField = `${ErrorClass}.${'degraded' | 'failure'}`;

export type ConfigErrors = Partial<Record<Exclude<keyof ConfigForm, 'thresholds'> | ThresholdField, string>>;

const LABEL_NAME = /^[a-zA-Z_][a-zA-Z0-9_]*$/;
// Kubernetes namespace names: RFC 1123 labels.
const NAMESPACE = /^[a-z0-9]([-a-z0-9]*[a-z0-9])?$/;

export function toForm(s: ResolvedSettings): ConfigForm {
  return {
    prometheusUid: s.prometheusUid,
    traceUid: s.traceUid,
    thresholds: Object.fromEntries(
      ERROR_CLASSES.map((c) => {
        const t = thresholdOf(s.thresholds, c);
        return [c, { degraded: String(t.degraded), failure: String(t.failure) }];
      })
    ) as ConfigForm['thresholds'],
    defaultNamespaces: [...s.defaultNamespaces],
    ...s.labelMapping,
  };
}

const toNumber = (value: string): number => (value.trim() === '' ? NaN : Number(value.trim()));

/** Every problem, keyed by field, in words an admin can act on; empty when the form can be saved. */
export function validateForm(f: ConfigForm): ConfigErrors {
  const errors: ConfigErrors = {};
  if (!f.prometheusUid) {
    errors.prometheusUid = 'Choose the Prometheus data source that scrapes Istio.';
  }
  for (const c of ERROR_CLASSES) {
    const problem = thresholdProblem(toNumber(f.thresholds[c].degraded), toNumber(f.thresholds[c].failure));
    if (problem?.degraded) {
      errors[`${c}.degraded`] = `${CLASS_LABEL[c]} degraded: ${problem.degraded}`;
    }
    if (problem?.failure) {
      errors[`${c}.failure`] = `${CLASS_LABEL[c]} failure: ${problem.failure}`;
    }
  }
  const badNs = f.defaultNamespaces.filter((n) => !NAMESPACE.test(n));
  if (badNs.length > 0) {
    errors.defaultNamespaces = `Not a Kubernetes namespace name: ${badNs.join(', ')}`;
  }
  for (const key of ['pod', 'app', 'container'] as const) {
    if (!LABEL_NAME.test(f[key])) {
      errors[key] = `"${f[key]}" is not a Prometheus label name (letters, digits, _; not starting with a digit).`;
    }
  }
  return errors;
}

/** jsonData to store; only call with a form that validates. */
export function toJsonData(f: ConfigForm): MeshLensSettings {
  return {
    prometheusUid: f.prometheusUid,
    traceUid: f.traceUid || undefined,
    thresholds: Object.fromEntries(
      ERROR_CLASSES.map((c) => [c, { degraded: toNumber(f.thresholds[c].degraded), failure: toNumber(f.thresholds[c].failure) }])
    ),
    defaultNamespaces: f.defaultNamespaces,
    labelMapping: { pod: f.pod, app: f.app, container: f.container },
  };
}
