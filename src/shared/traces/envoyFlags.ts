/**
 * Envoy's `response_flags` (the `%RESPONSE_FLAGS%` access-log field, which Istio's proxies also put on every span):
 * short codes, comma-separated, `-` for none. Meanings as Envoy's access-log documentation words them.
 */
export interface EnvoyFlag {
  readonly code: string;
  /** What Envoy means by it; empty for a code this table does not know. */
  readonly meaning: string;
  readonly known: boolean;
}

const MEANINGS: Readonly<Record<string, string>> = {
  UH: 'No healthy upstream hosts in the upstream cluster (503).',
  UF: 'Upstream connection failure (503).',
  UO: 'Upstream overflow: circuit breaking (503).',
  NR: 'No route configured for the request (404), or no matching filter chain for a downstream connection.',
  URX: 'Rejected: the upstream retry limit (HTTP) or maximum connect attempts (TCP) was reached.',
  NC: 'Upstream cluster not found.',
  DT: 'A request or connection exceeded max_connection_duration or max_downstream_connection_duration.',
  DC: 'Downstream connection termination.',
  LH: 'Local service failed its health check (503).',
  UT: 'Upstream request timeout (504).',
  LR: 'Connection local reset (503).',
  UR: 'Upstream remote reset (503).',
  UC: 'Upstream connection termination (503).',
  DI: 'The request was delayed by fault injection.',
  FI: 'The request was aborted with a response code by fault injection.',
  RL: 'Rate limited locally by the HTTP rate limit filter (429).',
  UAEX: 'Denied by the external authorization service.',
  RLSE: 'Rejected because of an error in the rate limit service.',
  IH: 'Rejected: an invalid value for a strictly-checked header (400).',
  SI: 'Stream idle timeout (408 or 504).',
  DPE: 'The downstream request had an HTTP protocol error.',
  UPE: 'The upstream response had an HTTP protocol error.',
  UMSDR: 'The upstream request reached its max stream duration.',
  OM: 'The overload manager terminated the request.',
  DF: 'Terminated by a DNS resolution failure.',
  DO: 'Terminated by Envoy dropping overload.',
};

/** Flags that end an attempt the router may retry (a failed attempt before a retry carries one of these). */
export const RETRYABLE_FLAGS: ReadonlySet<string> = new Set(['UF', 'UH', 'UT', 'UC', 'UR', 'LR', 'UO', 'URX']);

/** The flags of a `response_flags` value, in order; `-`, empty or missing → none. Unknown codes are kept, marked. */
export function decodeResponseFlags(value: string | number | boolean | undefined): EnvoyFlag[] {
  const text = value === undefined ? '' : String(value).trim();
  if (!text || text === '-') {
    return [];
  }
  return text
    .split(',')
    .map((c) => c.trim())
    .filter(Boolean)
    .map((code) => ({ code, meaning: MEANINGS[code] ?? '', known: code in MEANINGS }));
}
