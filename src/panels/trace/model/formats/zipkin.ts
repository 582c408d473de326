import { type KeyValue, type RawSpan } from '../types';
import { msFromUs, toNumber } from '../units';
import { asString, EMPTY, isRecord, readKeyValues, toKind } from './common';
import { type Collected } from './collected';
import { spanStatus } from '../../../../shared/traces/spanStatus';

/** True for a Zipkin v2 span list (or a list of traces, as `/api/v2/traces` returns). */
export function isZipkin(v: unknown): v is unknown[] {
  if (!Array.isArray(v)) {
    return false;
  }
  const first = Array.isArray(v[0]) ? v[0][0] : v[0];
  return isRecord(first) && 'traceId' in first && 'id' in first && !('spanID' in first);
}

function endpointTags(prefix: string, e: unknown): KeyValue[] {
  if (!isRecord(e)) {
    return [];
  }
  return Object.entries(e)
    .filter(([, v]) => typeof v === 'string' || typeof v === 'number')
    .map(([k, v]) => ({ key: `${prefix}.${k}`, value: v as string | number }));
}

/** Reads Zipkin v2 spans (µs). Missing timestamps and durations are left NaN for the builder to repair and count. */
export function readZipkin(list: unknown[], out: Collected) {
  const spans = Array.isArray(list[0]) ? (list as unknown[][]).flat() : list;
  for (const s of spans) {
    if (!isRecord(s) || typeof s.id !== 'string' || typeof s.traceId !== 'string') {
      out.skips.skip('a Zipkin span needs string traceId and id');
      continue;
    }
    const tags = readKeyValues(s.tags);
    const local = isRecord(s.localEndpoint) ? s.localEndpoint : {};
    const error = tags.find((t) => t.key === 'error');
    const span: RawSpan = {
      traceId: s.traceId,
      spanId: s.id,
      parentSpanId: asString(s.parentId) || undefined,
      operation: asString(s.name),
      service: asString(local.serviceName) || 'unknown',
      startMs: msFromUs(toNumber(s.timestamp)),
      durationMs: msFromUs(toNumber(s.duration)),
      kind: toKind(s.kind),
      // Zipkin's own convention: an `error` tag (its value is the message) marks an error; else the shared rule.
      status: error ? 'error' : spanStatus(undefined, tags),
      statusMessage: error ? String(error.value) : '',
      attributes: tags,
      resource: [...endpointTags('local', s.localEndpoint), ...endpointTags('remote', s.remoteEndpoint)],
      events: Array.isArray(s.annotations) && s.annotations.length > 0
        ? s.annotations.filter(isRecord).map((a) => ({ timeMs: msFromUs(toNumber(a.timestamp)), name: asString(a.value), attributes: [] }))
        : EMPTY,
      references: EMPTY,
      warnings: EMPTY,
      shared: s.shared === true,
    };
    out.add(span);
  }
}
