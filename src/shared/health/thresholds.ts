/**
 * Health thresholds: Kiali's default tolerances (config.go AddHealthDefault), one per error class,
 * in percent of the requests of the protocols the class applies to.
 */

/** The error classes Kiali's default tolerances name: HTTP 5xx, HTTP 4xx, gRPC status 1–16, no response (`-`). */
export type ErrorClass = '5xx' | '4xx' | 'grpc' | 'noResponse';

export const ERROR_CLASSES: readonly ErrorClass[] = ['5xx', '4xx', 'grpc', 'noResponse'];

/** One error class and its limits in percent of requests. `failure` 0 means "never failure" (as Kiali). */
export interface HealthThreshold {
  readonly code: ErrorClass;
  readonly degraded: number;
  readonly failure: number;
}

/** Kiali's defaults: any 5xx, gRPC error or missing response degrades, 10 % fails; 4xx 10 % / 20 %. */
export const defaultHealthThresholds: readonly HealthThreshold[] = [
  { code: '5xx', degraded: 0, failure: 10 },
  { code: '4xx', degraded: 10, failure: 20 },
  { code: 'grpc', degraded: 0, failure: 10 },
  { code: 'noResponse', degraded: 0, failure: 10 },
];

/** The protocols a class applies to (Kiali's tolerance `protocol` regex). */
export const CLASS_PROTOCOLS: Readonly<Record<ErrorClass, ReadonlyArray<'http' | 'grpc'>>> = {
  '5xx': ['http'],
  '4xx': ['http'],
  grpc: ['grpc'],
  noResponse: ['http', 'grpc'],
};

/** How a class is named in reasons and on the config page. */
export const CLASS_LABEL: Readonly<Record<ErrorClass, string>> = {
  '5xx': '5xx',
  '4xx': '4xx',
  grpc: 'gRPC errors',
  noResponse: 'no response',
};

/** The limits of one class, or Kiali's default when the list has none for it. */
export function thresholdOf(thresholds: readonly HealthThreshold[], code: ErrorClass): HealthThreshold {
  return thresholds.find((t) => t.code === code) ?? defaultHealthThresholds.find((t) => t.code === code)!;
}

/** Why a threshold is not usable, in words an admin can act on; undefined when it is fine. */
export function thresholdProblem(degraded: number, failure: number): { degraded?: string; failure?: string } | undefined {
  const problem: { degraded?: string; failure?: string } = {};
  if (!Number.isFinite(degraded) || degraded < 0 || degraded > 100) {
    problem.degraded = 'A percentage from 0 to 100 (0: any error degrades).';
  }
  if (!Number.isFinite(failure) || failure <= 0 || failure > 100) {
    problem.failure = 'A percentage above 0, at most 100.';
  } else if (problem.degraded === undefined && failure < degraded) {
    problem.failure = `Must be at least the degraded threshold (${degraded} %).`;
  }
  return problem.degraded || problem.failure ? problem : undefined;
}

/** Threshold limits as stored in the app's jsonData, by class. */
export type StoredThresholds = Partial<Record<ErrorClass, { degraded?: unknown; failure?: unknown }>> & {
  /** Before Kiali's rules: the 5xx share only. Read as the 5xx class when present. */
  errorDegradedPct?: unknown;
  errorFailurePct?: unknown;
};

const num = (v: unknown): number => (typeof v === 'number' ? v : typeof v === 'string' && v.trim() !== '' ? Number(v) : NaN);

/**
 * The thresholds to use from stored settings: each class as stored when valid, otherwise Kiali's
 * default for that class (with the problem listed, so a page can say what it ignored).
 */
export function resolveThresholds(stored: StoredThresholds | undefined): { thresholds: HealthThreshold[]; ignored: string[] } {
  const ignored: string[] = [];
  const thresholds = defaultHealthThresholds.map((d): HealthThreshold => {
    let raw = stored?.[d.code];
    if (d.code === '5xx' && raw === undefined && (stored?.errorDegradedPct !== undefined || stored?.errorFailurePct !== undefined)) {
      raw = { degraded: stored.errorDegradedPct, failure: stored.errorFailurePct };
    }
    if (raw === undefined || raw === null || typeof raw !== 'object') {
      return d;
    }
    const degraded = raw.degraded === undefined ? d.degraded : num(raw.degraded);
    const failure = raw.failure === undefined ? d.failure : num(raw.failure);
    const problem = thresholdProblem(degraded, failure);
    if (problem) {
      ignored.push(`${CLASS_LABEL[d.code]}: ${[problem.degraded, problem.failure].filter(Boolean).join(' ')} Using Kiali's default ${d.degraded} % / ${d.failure} %.`);
      return d;
    }
    return { code: d.code, degraded, failure };
  });
  return { thresholds, ignored };
}

/** Thresholds as jsonData stores them (by class). */
export function toStoredThresholds(thresholds: readonly HealthThreshold[]): Record<ErrorClass, { degraded: number; failure: number }> {
  const out = {} as Record<ErrorClass, { degraded: number; failure: number }>;
  for (const c of ERROR_CLASSES) {
    const t = thresholdOf(thresholds, c);
    out[c] = { degraded: t.degraded, failure: t.failure };
  }
  return out;
}
