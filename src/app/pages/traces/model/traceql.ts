import { peerOperationPattern, peerUpstreamClusterPattern, type MeshPeer } from '../../../../shared/traces/istioNaming';
import { traceqlString } from '../../../../shared/traces/traceSource';

/** One `key=value` pair of the attributes field; `quoted` when the user wrote `key="value"`. */
export interface Attribute {
  key: string;
  value: string;
  quoted: boolean;
}

const PAIR = /\s*([^\s=]+)=("(?:[^"\\]|\\.)*"|(?!")[^\s"]*)/y;
/** What TraceQL accepts as an attribute name without quoting (no spaces, operators or braces). */
const KEY = /^[A-Za-z0-9_][A-Za-z0-9_.\-/:]*$/;

/** Parses logfmt (`http.status_code=500 user="a b"`), as Jaeger's search field takes it; fails with the bad part. */
export function parseAttributes(text: string): { attributes: Attribute[] } | { error: string } {
  const attributes: Attribute[] = [];
  PAIR.lastIndex = 0;
  let at = 0;
  const rest = () => text.slice(at).trim();
  while (rest()) {
    PAIR.lastIndex = at;
    const m = PAIR.exec(text);
    if (!m) {
      return { error: `Attributes are key=value pairs separated by spaces; cannot read "${rest().slice(0, 40)}".` };
    }
    const quoted = m[2].startsWith('"');
    attributes.push({ key: m[1], value: quoted ? (JSON.parse(m[2]) as string) : m[2], quoted });
    at = PAIR.lastIndex;
  }
  const badKey = attributes.find((a) => !KEY.test(a.key));
  return badKey
    ? { error: `Attribute names hold letters, digits and _ . - / : only; "${badKey.key}" does not.` }
    : { attributes };
}

/** TraceQL durations: Jaeger's `µs` is `us` there. */
function duration(text: string): string {
  return text.trim().replace('µs', 'us');
}

/**
 * A bare number or boolean stays typed (TraceQL compares types: `.http.status_code = 500` matches an int
 * attribute, `"500"` would not); anything else, or a value the user quoted, is a string literal.
 */
function literal(a: Attribute): string {
  return !a.quoted && /^(-?\d+(\.\d+)?|true|false)$/.test(a.value) ? a.value : traceqlString(a.value);
}

export interface TraceqlSearch {
  service: string;
  operation: string;
  attributes: readonly Attribute[];
  minDuration: string;
  maxDuration: string;
  /** Only spans that are Istio calls to this Kubernetes service (by span name or the client's upstream_cluster). */
  peer?: MeshPeer;
}

/**
 * One span selector: a trace matches when one of its spans is of the service (and operation) and has
 * the attributes and a duration in range, which is what Jaeger's search means by the same fields.
 */
export function traceqlQuery(s: TraceqlSearch): string {
  const conds: string[] = [];
  if (s.service.trim()) {
    conds.push(`resource.service.name = ${traceqlString(s.service.trim())}`);
  }
  if (s.peer) {
    conds.push(
      `(name =~ ${traceqlString(peerOperationPattern(s.peer))} || span.upstream_cluster =~ ${traceqlString(peerUpstreamClusterPattern(s.peer))})`
    );
  }
  if (s.operation.trim()) {
    conds.push(`name = ${traceqlString(s.operation.trim())}`);
  }
  for (const a of s.attributes) {
    const key = /^(span|resource)\./.test(a.key) ? a.key : `.${a.key}`;
    conds.push(`${key} = ${literal(a)}`);
  }
  if (s.minDuration.trim()) {
    conds.push(`duration >= ${duration(s.minDuration)}`);
  }
  if (s.maxDuration.trim()) {
    conds.push(`duration <= ${duration(s.maxDuration)}`);
  }
  return conds.length ? `{ ${conds.join(' && ')} }` : '{ }';
}
