/**
 * Reading the control API's JSON bodies: every field checked for type and range, unknown fields refused,
 * each failure an ApiError whose message names the field, what it must be and what it got.
 */

/** An answer other than 200: the status and the message sent as `{"error": message}`. */
export class ApiError extends Error {
  constructor(
    readonly status: number,
    message: string
  ) {
    super(message);
  }
}

export type Body = Record<string, unknown>;

/** Longest name accepted (a Kubernetes DNS subdomain, 253); references are `cluster/namespace/name` at most. */
export const MAX_NAME = 253;
/** Largest traffic weight, as for `--shift` and `--add`. */
export const MAX_WEIGHT = 1e6;
/** Largest latency, one hour in ms, as for `--latency`. */
export const MAX_LATENCY_MS = 3.6e6;

const bad = (message: string) => new ApiError(400, message);

/** What a value was, for messages: JSON, cut to 40 characters (a non-finite number reads as such). */
export function shown(v: unknown): string {
  if (typeof v === 'number' && !Number.isFinite(v)) {
    return String(v);
  }
  const text = v === undefined ? 'nothing' : JSON.stringify(v);
  return text.length > 40 ? `${text.slice(0, 37)}...` : text;
}

/** Parses the body text: a JSON object, or a 400 saying why not. */
export function parseBody(text: string): Body {
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch (err) {
    throw bad(`body must be a JSON object: ${(err as Error).message}`);
  }
  if (typeof value !== 'object' || value === null || Array.isArray(value)) {
    throw bad(`body must be a JSON object, got ${Array.isArray(value) ? 'an array' : shown(value)}`);
  }
  return value as Body;
}

/** Refuses fields the request does not know, so a misspelt `errorrate` is not silently ignored. */
export function onlyFields(body: Body, allowed: readonly string[]): void {
  const unknown = Object.keys(body).filter((k) => !allowed.includes(k));
  if (unknown.length > 0) {
    throw bad(`unknown field ${unknown.map((k) => `"${k}"`).join(', ')}; this request takes ${allowed.join(', ')}`);
  }
}

export function name(body: Body, key: string): string {
  const v = body[key];
  if (typeof v !== 'string' || v === '' || v.length > MAX_NAME) {
    throw bad(`"${key}" must be a name of 1 to ${MAX_NAME} characters, got ${shown(v)}`);
  }
  return v;
}

/** A finite JSON number in [min, max]; `1e999` (Infinity once parsed) and `"5"` are refused. */
export function number(body: Body, key: string, min: number, max: number): number {
  return checkNumber(`"${key}"`, body[key], min, max);
}

export function checkNumber(what: string, v: unknown, min: number, max: number): number {
  if (typeof v !== 'number' || !Number.isFinite(v) || v < min || v > max) {
    throw bad(`${what} must be a number from ${min} to ${max}, got ${shown(v)}`);
  }
  return v;
}

export function optional<T>(body: Body, key: string, read: (body: Body, key: string) => T): T | undefined {
  return body[key] === undefined ? undefined : read(body, key);
}

/** An HTTP status code, as `503` or `"503"`. */
export function httpCode(body: Body, key: string): string {
  const v = body[key];
  const text = typeof v === 'number' && Number.isInteger(v) ? String(v) : v;
  if (typeof text !== 'string' || !/^[1-5]\d\d$/.test(text)) {
    throw bad(`"${key}" must be an HTTP status code from 100 to 599, got ${shown(v)}`);
  }
  return text;
}

/** A Kubernetes object name (RFC 1123 label): what a new workload is called. */
export function kubernetesName(body: Body, key: string): string {
  const v = body[key];
  if (typeof v !== 'string' || v.length > 63 || !/^[a-z0-9]([-a-z0-9]*[a-z0-9])?$/.test(v)) {
    throw bad(`"${key}" must be a Kubernetes name (lower-case letters, digits and -, at most 63), got ${shown(v)}`);
  }
  return v;
}

/** A label value such as a version: letters, digits, `-`, `_`, `.`, at most 63, as Kubernetes labels. */
export function labelValue(body: Body, key: string): string {
  const v = body[key];
  if (typeof v !== 'string' || v.length > 63 || !/^[A-Za-z0-9]([-A-Za-z0-9_.]*[A-Za-z0-9])?$/.test(v)) {
    throw bad(`"${key}" must be a label value (letters, digits, - _ ., at most 63), got ${shown(v)}`);
  }
  return v;
}

/** `{"workload": weight, ...}`: 1 to `max` entries, each weight a number from 0 to MAX_WEIGHT. */
export function weights(body: Body, key: string, max: number): Record<string, number> {
  const v = body[key];
  if (typeof v !== 'object' || v === null || Array.isArray(v)) {
    throw bad(`"${key}" must be an object of workload -> weight, got ${shown(v)}`);
  }
  const entries = Object.entries(v);
  if (entries.length === 0 || entries.length > max) {
    throw bad(`"${key}" must name 1 to ${max} workloads, got ${entries.length}`);
  }
  return Object.fromEntries(
    entries.map(([k, w]) => {
      if (k === '' || k.length > MAX_NAME) {
        throw bad(`"${key}" must be keyed by workload names of 1 to ${MAX_NAME} characters`);
      }
      return [k, checkNumber(`weight of "${k}"`, w, 0, MAX_WEIGHT)];
    })
  );
}
