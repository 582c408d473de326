import { type AttrValue, type KeyValue, type RawSpan } from '../types';
import { msFromNs } from '../units';
import { asString, EMPTY, isRecord, MAX_VALUE_DEPTH, TOO_DEEP, toAttrValue, toKind } from './common';
import { type Collected } from './collected';
import { spanStatus } from '../../../../shared/traces/spanStatus';

/** Finds the resourceSpans list in OTLP JSON, Tempo's `batches`, Jaeger v3's `result` or Tempo v2's `trace` wrapper. */
export function otlpResourceSpans(v: unknown): unknown[] | undefined {
  // Iterative and bounded: `{"result":{"result":…}}` 100,000 deep must not overflow the stack.
  let node = v;
  for (let depth = 0; depth < 4 && isRecord(node); depth++) {
    const list = node.resourceSpans ?? node.batches;
    if (Array.isArray(list)) {
      return list;
    }
    node = isRecord(node.result) ? node.result : node.trace;
  }
  return undefined;
}

const B64 = /^[A-Za-z0-9+/]+={0,2}$/;

/** OTLP JSON ids are hex by spec, but protobuf-JSON (Tempo, Jaeger v3) emits base64; both become lowercase hex. */
export function normaliseId(v: unknown): string {
  const s = asString(v);
  if (/^[0-9a-fA-F]+$/.test(s) && (s.length === 16 || s.length === 32)) {
    return s.toLowerCase();
  }
  if (s.length % 4 === 0 && B64.test(s)) {
    const bin = atob(s);
    let hex = '';
    for (let i = 0; i < bin.length; i++) {
      hex += bin.charCodeAt(i).toString(16).padStart(2, '0');
    }
    return hex;
  }
  return s;
}

function anyValue(v: unknown, depth = 0): AttrValue {
  if (depth > MAX_VALUE_DEPTH) {
    return TOO_DEEP;
  }
  if (!isRecord(v)) {
    return toAttrValue(v);
  }
  if ('stringValue' in v) {
    return asString(v.stringValue);
  }
  if ('boolValue' in v) {
    return v.boolValue === true;
  }
  if ('intValue' in v) {
    const n = Number(v.intValue);
    return Number.isSafeInteger(n) ? n : asString(v.intValue);
  }
  if ('doubleValue' in v) {
    return toAttrValue(Number(v.doubleValue));
  }
  if (isRecord(v.arrayValue) && Array.isArray(v.arrayValue.values)) {
    return JSON.stringify(v.arrayValue.values.map((x) => anyValue(x, depth + 1)));
  }
  return toAttrValue(v.kvlistValue ?? v.bytesValue ?? '');
}

function attrs(v: unknown): KeyValue[] {
  return Array.isArray(v) ? v.filter(isRecord).map((a) => ({ key: asString(a.key), value: anyValue(a.value) })) : [];
}

/** Reads OTLP JSON (ns as decimal strings). */
export function readOtlp(resourceSpans: unknown[], out: Collected) {
  for (const rs of resourceSpans) {
    if (!isRecord(rs)) {
      out.skips.skip('a resourceSpans entry is not an object');
      continue;
    }
    const resource = attrs(isRecord(rs.resource) ? rs.resource.attributes : undefined);
    const service = resource.find((a) => a.key === 'service.name');
    const scopes = rs.scopeSpans ?? rs.instrumentationLibrarySpans;
    for (const ss of Array.isArray(scopes) ? scopes : []) {
      const spans = isRecord(ss) && Array.isArray(ss.spans) ? ss.spans : [];
      for (const s of spans) {
        if (!isRecord(s) || !s.spanId || !s.traceId) {
          out.skips.skip('an OTLP span needs traceId and spanId');
          continue;
        }
        const startMs = msFromNs(s.startTimeUnixNano);
        const st = isRecord(s.status) ? s.status : {};
        const attributes = attrs(s.attributes);
        const span: RawSpan = {
          traceId: normaliseId(s.traceId),
          spanId: normaliseId(s.spanId),
          parentSpanId: s.parentSpanId ? normaliseId(s.parentSpanId) : undefined,
          operation: asString(s.name),
          service: service ? String(service.value) : 'unknown',
          startMs,
          durationMs: msFromNs(s.endTimeUnixNano) - startMs,
          kind: toKind(s.kind),
          status: spanStatus(st.code, attributes),
          statusMessage: asString(st.message),
          attributes,
          resource,
          events: Array.isArray(s.events) && s.events.length > 0
            ? s.events.filter(isRecord).map((e) => ({ timeMs: msFromNs(e.timeUnixNano), name: asString(e.name), attributes: attrs(e.attributes) }))
            : EMPTY,
          references: Array.isArray(s.links) && s.links.length > 0
            ? s.links.filter(isRecord).map((l) => ({ type: 'LINK' as const, traceId: normaliseId(l.traceId), spanId: normaliseId(l.spanId) }))
            : EMPTY,
          warnings: EMPTY,
        };
        out.add(span);
      }
    }
  }
}
