import { type KeyValue, type Span, type SpanKind, type Trace } from './types';

export interface FindQuery {
  /** Tokens to look for (lowercase); a span matches when any token matches (Jaeger's semantics). */
  readonly terms: readonly string[];
  /** Tag keys excluded from matching (`-key`, lowercase): a key containing one is skipped (Jaeger: substring, any case). */
  readonly excludeKeys: readonly string[];
}

/** Splits free text the way Jaeger UI's find box does: whitespace, "quoted phrases", `-key` excludes a tag key. */
export function parseFind(text: string): FindQuery {
  const terms: string[] = [];
  const excludeKeys: string[] = [];
  const re = /"([^"]*)"|(\S+)/g;
  let m: RegExpExecArray | null;
  while ((m = re.exec(text)) !== null) {
    if (m[1] !== undefined) {
      if (m[1].trim()) {
        terms.push(m[1].toLowerCase());
      }
    } else if (m[2].startsWith('-') && m[2].length > 1) {
      excludeKeys.push(m[2].slice(1).toLowerCase());
    } else {
      terms.push(m[2].toLowerCase());
    }
  }
  return { terms, excludeKeys };
}

const stripZeros = (id: string) => id.replace(/^0+/, '');

function inKeyValues(q: FindQuery, kvs: readonly KeyValue[], has: (text: string) => boolean): boolean {
  const withEquals = q.terms.some((t) => t.includes('='));
  for (const kv of kvs) {
    if (q.excludeKeys.length > 0) {
      const key = kv.key.toLowerCase();
      if (q.excludeKeys.some((x) => key.includes(x))) {
        continue;
      }
    }
    const value = String(kv.value);
    // `key=value` is only built when a term could match it (saves an allocation per tag).
    if (has(kv.key) || has(value) || (withEquals && has(`${kv.key}=${value}`))) {
      return true;
    }
  }
  return false;
}

/** Operation, service, tag key, value and `key=value` (span, resource, event fields), or the exact span id. */
export function spanMatches(q: FindQuery, span: Span): boolean {
  if (q.terms.length === 0) {
    return false;
  }
  const has = (text: string) => {
    const lower = text.toLowerCase();
    return q.terms.some((t) => lower.includes(t));
  };
  if (has(span.operation) || has(span.service)) {
    return true;
  }
  if (inKeyValues(q, span.attributes, has) || inKeyValues(q, span.resource, has)) {
    return true;
  }
  if (span.events.some((e) => has(e.name) || inKeyValues(q, e.attributes, has))) {
    return true;
  }
  const id = stripZeros(span.spanId.toLowerCase());
  return q.terms.some((t) => stripZeros(t) === id);
}

/** Indices (tree order) of spans matching the free text. */
export function findSpans(trace: Trace, text: string): Int32Array {
  const q = parseFind(text);
  const out: number[] = [];
  if (q.terms.length > 0) {
    trace.spans.forEach((s, i) => spanMatches(q, s) && out.push(i));
  }
  return Int32Array.from(out);
}

/** Structured filters; every set field must hold (AND). */
export interface SpanFilter {
  readonly text?: string;
  readonly services?: readonly string[];
  readonly operations?: readonly string[];
  readonly minDurationMs?: number;
  readonly maxDurationMs?: number;
  readonly attributeKey?: string;
  /** With attributeKey: the value must contain this (case-insensitive); absent: the key must exist. */
  readonly attributeValue?: string;
  readonly errorsOnly?: boolean;
  readonly kinds?: readonly SpanKind[];
}

export const isFilterEmpty = (f: SpanFilter) =>
  !f.text?.trim() &&
  !f.services?.length &&
  !f.operations?.length &&
  f.minDurationMs === undefined &&
  f.maxDurationMs === undefined &&
  !f.attributeKey &&
  !f.errorsOnly &&
  !f.kinds?.length;

/** 1 for spans that pass every filter. */
export function filterSpans(trace: Trace, f: SpanFilter): Uint8Array {
  const q = f.text ? parseFind(f.text) : undefined;
  const services = f.services?.length ? new Set(f.services) : undefined;
  const operations = f.operations?.length ? new Set(f.operations) : undefined;
  const kinds = f.kinds?.length ? new Set(f.kinds) : undefined;
  const value = f.attributeValue?.toLowerCase();
  const out = new Uint8Array(trace.spans.length);
  trace.spans.forEach((s, i) => {
    const ok =
      (!q || q.terms.length === 0 || spanMatches(q, s)) &&
      (!services || services.has(s.service)) &&
      (!operations || operations.has(s.operation)) &&
      (f.minDurationMs === undefined || s.durationMs >= f.minDurationMs) &&
      (f.maxDurationMs === undefined || s.durationMs <= f.maxDurationMs) &&
      (!f.errorsOnly || s.status === 'error') &&
      (!kinds || kinds.has(s.kind)) &&
      (!f.attributeKey ||
        [...s.attributes, ...s.resource].some(
          (a) => a.key === f.attributeKey && (value === undefined || String(a.value).toLowerCase().includes(value))
        ));
    out[i] = ok ? 1 : 0;
  });
  return out;
}
