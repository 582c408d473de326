import { type RawSpan, type SpanEvent, type SpanReference } from '../types';
import { msFromMs, toNumber } from '../units';
import { asString, isRecord, kindStatusFromTags, readKeyValues, toKind } from './common';
import { type Collected } from './collected';
import { spanStatus } from '../../../../shared/traces/spanStatus';
import { frameRowCount, jsonCell, traceFrameFields, type FrameLike } from '../../../../shared/traces/traceFrame';

export type { FrameLike } from '../../../../shared/traces/traceFrame';
export { fieldOf, isTraceFrame } from '../../../../shared/traces/traceFrame';

function logs(v: unknown): SpanEvent[] {
  return Array.isArray(v)
    ? v.filter(isRecord).map((l) => ({ timeMs: msFromMs(toNumber(l.timestamp)), name: asString(l.name), attributes: readKeyValues(l.fields) }))
    : [];
}

function refs(v: unknown): SpanReference[] {
  return Array.isArray(v)
    ? v.filter(isRecord).map((r) => ({ type: 'FOLLOWS_FROM' as const, traceId: asString(r.traceID), spanId: asString(r.spanID) }))
    : [];
}

/** Reads Grafana trace frames (times in ms). */
export function readTraceFrame(frame: FrameLike, out: Collected, frameIndex = 0) {
  const f = traceFrameFields(frame);
  const rows = frameRowCount(frame);
  for (let row = 0; row < rows; row++) {
    const spanId = asString(f.spanId?.[row]);
    if (!spanId) {
      out.skips.skip('a trace frame row has no spanID');
      continue;
    }
    const attributes = readKeyValues(jsonCell(f.tags, row));
    const fromTags = kindStatusFromTags(attributes);
    const warnings = jsonCell(f.warnings, row);
    const span: RawSpan = {
      traceId: asString(f.traceId?.[row]) || 'trace',
      spanId,
      parentSpanId: asString(f.parent?.[row]) || undefined,
      operation: asString(f.operation?.[row]),
      service: asString(f.service?.[row]) || 'unknown',
      startMs: msFromMs(toNumber(f.start?.[row])),
      durationMs: msFromMs(toNumber(f.duration?.[row])),
      kind: f.kind ? toKind(f.kind[row]) : fromTags.kind,
      status: spanStatus(f.statusCode?.[row], attributes),
      statusMessage: asString(f.statusMessage?.[row]) || fromTags.statusMessage,
      attributes,
      resource: readKeyValues(jsonCell(f.serviceTags, row)),
      events: logs(jsonCell(f.logs, row)),
      references: refs(jsonCell(f.references, row)),
      warnings: Array.isArray(warnings) ? warnings.map(String) : [],
      source: { frame: frameIndex, row },
    };
    out.add(span);
  }
}
