import { type TraceModel, type TraceSpan } from './types';

/** A span as read from any input format, before the tree is built. Times in ms. */
export interface RawSpan {
  readonly traceId: string;
  readonly spanId: string;
  readonly parentSpanId: string | undefined;
  readonly operation: string;
  readonly service: string;
  readonly startMs: number;
  readonly durationMs: number;
  readonly hasError: boolean;
}

/**
 * Orders spans depth-first (children by start time) and computes depths.
 * Never mutates its input; duplicate ids are dropped and counted, orphans become roots,
 * and the walk is iterative so deep traces cannot overflow the stack.
 */
export function buildTrace(traceId: string, input: readonly RawSpan[], invalidRows = 0): TraceModel {
  const byId = new Map<string, RawSpan>();
  let duplicateSpans = 0;
  for (const span of input) {
    if (byId.has(span.spanId)) {
      duplicateSpans++;
    } else {
      byId.set(span.spanId, span);
    }
  }

  const children = new Map<string, RawSpan[]>();
  const roots: RawSpan[] = [];
  let orphanSpans = 0;
  for (const span of byId.values()) {
    const parent = span.parentSpanId;
    if (parent && parent !== span.spanId && byId.has(parent)) {
      const list = children.get(parent);
      list ? list.push(span) : children.set(parent, [span]);
    } else {
      if (parent && parent !== span.spanId) {
        orphanSpans++;
      }
      roots.push(span);
    }
  }
  const byStart = (a: RawSpan, b: RawSpan) => a.startMs - b.startMs;
  roots.sort(byStart);
  children.forEach((list) => list.sort(byStart));

  const spans: TraceSpan[] = [];
  const visited = new Set<string>();
  const stack: Array<{ span: RawSpan; depth: number }> = [];
  for (let r = roots.length - 1; r >= 0; r--) {
    stack.push({ span: roots[r], depth: 0 });
  }
  let maxDepth = 0;
  while (stack.length > 0) {
    const { span, depth } = stack.pop()!;
    visited.add(span.spanId);
    const kids = children.get(span.spanId) ?? [];
    spans.push({ ...span, depth, childCount: kids.length });
    maxDepth = Math.max(maxDepth, depth);
    for (let k = kids.length - 1; k >= 0; k--) {
      stack.push({ span: kids[k], depth: depth + 1 });
    }
  }
  // Spans caught in a parent cycle are unreachable from any root: show them as roots.
  for (const span of byId.values()) {
    if (!visited.has(span.spanId)) {
      orphanSpans++;
      spans.push({ ...span, depth: 0, childCount: 0 });
    }
  }

  let startMs = Infinity;
  let endMs = -Infinity;
  let errorCount = 0;
  const services = new Set<string>();
  for (const span of spans) {
    startMs = Math.min(startMs, span.startMs);
    endMs = Math.max(endMs, span.startMs + span.durationMs);
    services.add(span.service);
    errorCount += span.hasError ? 1 : 0;
  }
  return {
    traceId,
    spans,
    startMs: spans.length ? startMs : 0,
    durationMs: spans.length ? endMs - startMs : 0,
    services: [...services].sort(),
    maxDepth,
    errorCount,
    warnings: { orphanSpans, duplicateSpans, invalidRows },
  };
}
