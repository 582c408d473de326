import { type RawSpan, type SpanEvent, type SpanReference } from '../types';
import { msFromUs, toNumber } from '../units';
import { asString, EMPTY, isRecord, kindStatusFromTags, readKeyValues } from './common';
import { type Collected } from './collected';

/** True for a Jaeger query API trace object (`{traceID, spans, processes}`). */
export const isJaegerTrace = (v: unknown): v is Record<string, unknown> =>
  isRecord(v) && Array.isArray(v.spans) && (isRecord(v.processes) || typeof v.traceID === 'string');

function readLogs(v: unknown): readonly SpanEvent[] {
  if (!Array.isArray(v) || v.length === 0) {
    return EMPTY;
  }
  return v.filter(isRecord).map((log) => {
    const attributes = readKeyValues(log.fields);
    const named = attributes.find((f) => f.key === 'event' || f.key === 'message');
    return { timeMs: msFromUs(toNumber(log.timestamp)), name: named ? String(named.value) : '', attributes };
  });
}

/** Jaeger UI's rule: the parent is the first in-trace CHILD_OF, else the first in-trace FOLLOWS_FROM; the rest stay references. */
function splitReferences(
  traceId: string,
  v: unknown
): { parent: string | undefined; followsFrom?: boolean; references: readonly SpanReference[] } {
  // The common case, one CHILD_OF in this trace, allocates nothing.
  if (Array.isArray(v) && v.length === 1 && isRecord(v[0]) && v[0].refType !== 'FOLLOWS_FROM' && (v[0].traceID === traceId || v[0].traceID === undefined)) {
    return { parent: asString(v[0].spanID) || undefined, references: EMPTY };
  }
  const refs: SpanReference[] = [];
  if (Array.isArray(v)) {
    for (const r of v) {
      if (isRecord(r) && r.spanID !== undefined) {
        const type = r.refType === 'FOLLOWS_FROM' ? 'FOLLOWS_FROM' : 'CHILD_OF';
        refs.push({ type, traceId: asString(r.traceID) || traceId, spanId: asString(r.spanID) });
      }
    }
  }
  const pick = refs.find((r) => r.type === 'CHILD_OF' && r.traceId === traceId) ?? refs.find((r) => r.traceId === traceId);
  return { parent: pick?.spanId, followsFrom: pick?.type === 'FOLLOWS_FROM', references: refs.filter((r) => r !== pick) };
}

/** Reads one Jaeger query API trace (µs) into raw spans. */
export function readJaegerTrace(trace: Record<string, unknown>, out: Collected) {
  const processes = isRecord(trace.processes) ? trace.processes : {};
  // Process tags are shared by every span of the process: read them once.
  const resources = new Map<unknown, ReturnType<typeof readKeyValues>>();
  const fallbackTraceId = asString(trace.traceID);
  if (Array.isArray(trace.warnings)) {
    out.warn(fallbackTraceId, trace.warnings.map(String));
  }
  for (const s of trace.spans as unknown[]) {
    if (!isRecord(s) || (typeof s.spanID !== 'string' && typeof s.spanID !== 'number')) {
      out.skips.skip('a Jaeger span needs a spanID string');
      continue;
    }
    const traceId = asString(s.traceID) || fallbackTraceId;
    const proc = typeof s.processID === 'string' && isRecord(processes[s.processID]) ? processes[s.processID] : isRecord(s.process) ? s.process : {};
    const proc2 = proc as Record<string, unknown>;
    const attributes = readKeyValues(s.tags);
    const { parent, followsFrom, references } = splitReferences(traceId, s.references);
    const span: RawSpan = {
      traceId,
      spanId: asString(s.spanID),
      parentSpanId: parent ?? (asString(s.parentSpanID) || undefined),
      operation: asString(s.operationName),
      service: asString(proc2.serviceName) || 'unknown',
      startMs: msFromUs(toNumber(s.startTime)),
      durationMs: msFromUs(toNumber(s.duration)),
      ...kindStatusFromTags(attributes),
      attributes,
      resource: resources.get(proc) ?? resources.set(proc, readKeyValues(proc2.tags)).get(proc)!,
      events: readLogs(s.logs),
      references,
      followsFrom,
      warnings: Array.isArray(s.warnings) && s.warnings.length > 0 ? s.warnings.map(String) : EMPTY,
    };
    out.add(span);
  }
}
