import { spanStatus } from '../../../../shared/traces/spanStatus';
import { type AttrValue, type KeyValue, type SpanKind, type SpanStatus } from '../types';

const KINDS: Record<string, SpanKind> = {
  internal: 'internal',
  server: 'server',
  client: 'client',
  producer: 'producer',
  consumer: 'consumer',
};

/** Kind from a free-form name: `SERVER`, `SPAN_KIND_SERVER`, `server`, or OTLP's number (1..5). */
export function toKind(v: unknown): SpanKind {
  if (typeof v === 'number') {
    return (['unspecified', 'internal', 'server', 'client', 'producer', 'consumer'] as const)[v] ?? 'unspecified';
  }
  if (typeof v !== 'string') {
    return 'unspecified';
  }
  return KINDS[v.toLowerCase().replace('span_kind_', '')] ?? 'unspecified';
}

/** Values nested deeper than this are not turned into text (JSON.stringify recurses: 100,000 levels overflow the stack). */
export const MAX_VALUE_DEPTH = 64;

/** True when v nests objects/arrays deeper than `limit` (iterative; stops at the first path that does). */
export function nestedDeeperThan(v: unknown, limit: number): boolean {
  const stack: Array<[unknown, number]> = [[v, 0]];
  while (stack.length > 0) {
    const [node, depth] = stack.pop()!;
    if (typeof node !== 'object' || node === null) {
      continue;
    }
    if (depth >= limit) {
      return true;
    }
    for (const child of Array.isArray(node) ? node : Object.values(node)) {
      if (typeof child === 'object' && child !== null) {
        stack.push([child, depth + 1]);
      }
    }
  }
  return false;
}

export const TOO_DEEP = `(value nested more than ${MAX_VALUE_DEPTH} levels deep: not shown)`;

/** Tag values become strings, finite numbers or booleans; anything else is JSON text, so nothing is lost. */
export function toAttrValue(v: unknown): AttrValue {
  if (typeof v === 'string' || typeof v === 'boolean') {
    return v;
  }
  if (typeof v === 'number') {
    return Number.isFinite(v) ? v : String(v);
  }
  if (v === null || v === undefined) {
    return '';
  }
  if (nestedDeeperThan(v, MAX_VALUE_DEPTH)) {
    return TOO_DEEP;
  }
  try {
    return JSON.stringify(v);
  } catch {
    return String(v);
  }
}

/** Shared empty list: most spans have no events, links or warnings, and 100k empty arrays cost GC time. */
export const EMPTY: readonly never[] = Object.freeze([]);

export function isRecord(v: unknown): v is Record<string, unknown> {
  return typeof v === 'object' && v !== null && !Array.isArray(v);
}

export const asString = (v: unknown): string => (typeof v === 'string' ? v : typeof v === 'number' ? String(v) : '');

/** Reads `[{key, value}]` (Jaeger and Grafana tags) or a plain object (Zipkin tags). */
export function readKeyValues(v: unknown): KeyValue[] {
  if (Array.isArray(v)) {
    const out: KeyValue[] = [];
    for (const kv of v) {
      if (isRecord(kv) && typeof kv.key === 'string') {
        const value = kv.value;
        // Well-formed pairs are reused as they are (read-only), sparing an allocation per tag on big traces.
        const plain = typeof value === 'string' || typeof value === 'boolean' || (typeof value === 'number' && Number.isFinite(value));
        out.push(plain ? (kv as unknown as KeyValue) : { key: kv.key, value: toAttrValue(value) });
      }
    }
    return out;
  }
  if (isRecord(v)) {
    return Object.entries(v).map(([key, value]) => ({ key, value: toAttrValue(value) }));
  }
  return [];
}

/** Jaeger carries OTel kind and status as tags: kind from `span.kind`, status by the shared rule (spanStatus). */
export function kindStatusFromTags(tags: readonly KeyValue[]): { kind: SpanKind; status: SpanStatus; statusMessage: string } {
  let kind: SpanKind = 'unspecified';
  let statusMessage = '';
  for (const { key, value } of tags) {
    if (key === 'span.kind') {
      kind = toKind(value);
    } else if (key === 'otel.status_description') {
      statusMessage = String(value);
    }
  }
  return { kind, status: spanStatus(undefined, tags), statusMessage };
}

/** A record that is not a span, counted with its reason so the panel can say what it skipped. */
export class SkipCounter {
  readonly reasons = new Map<string, number>();
  count = 0;
  skip(reason: string) {
    this.count++;
    this.reasons.set(reason, (this.reasons.get(reason) ?? 0) + 1);
  }
  messages(): string[] {
    return [...this.reasons.entries()].map(([reason, n]) => `${n} record${n === 1 ? '' : 's'} skipped: ${reason}.`);
  }
}
