import { buildTrace } from './buildTrace';
import { Collected } from './formats/collected';
import { isRecord } from './formats/common';
import { type FrameLike, isTraceFrame, readTraceFrame } from './formats/frames';
import { isJaegerTrace, readJaegerTrace } from './formats/jaeger';
import { otlpResourceSpans, readOtlp } from './formats/otlp';
import { isZipkin, readZipkin } from './formats/zipkin';
import { type ParseResult, type Trace } from './types';

export type { FrameLike };

export interface NormaliseOptions {
  /** Spans beyond this many (over all traces) are not shown; the number left out is reported. */
  readonly maxSpans?: number;
}

// Past this the model and its columns no longer fit a browser tab comfortably; the rest is counted and reported.
export const DEFAULT_MAX_SPANS = 500_000;

function describe(v: unknown): string {
  if (Array.isArray(v)) {
    return `an array of ${v.length} ${v.length ? typeof v[0] : 'items'}`;
  }
  return isRecord(v) ? `an object with keys ${Object.keys(v).slice(0, 6).join(', ') || '(none)'}` : `a ${typeof v}`;
}

/** Detects the format of parsed trace JSON and reads it; returns the format name or an error sentence. */
function readJson(v: unknown, out: Collected): string {
  if (isZipkin(v)) {
    readZipkin(v, out);
    return 'zipkin';
  }
  const otlp = otlpResourceSpans(v);
  if (otlp) {
    readOtlp(otlp, out);
    return 'otlp';
  }
  if (isRecord(v) && Array.isArray(v.data) && v.data.every(isJaegerTrace)) {
    v.data.forEach((t) => readJaegerTrace(t, out));
    return 'jaeger';
  }
  if (isJaegerTrace(v)) {
    readJaegerTrace(v, out);
    return 'jaeger';
  }
  if (Array.isArray(v) && v.length === 0) {
    return 'empty';
  }
  throw new Error(
    `Unrecognised trace JSON: expected Jaeger ({data:[trace]} or {traceID, spans, processes}), Zipkin v2 (a span array) or OTLP (resourceSpans or batches), got ${describe(v)}.`
  );
}

/**
 * JSON lines: one document per line, as the OpenTelemetry collector's file exporter writes OTLP. Read when the text as a
 * whole is not JSON but has several lines; lines that are not JSON or not a trace are counted in a note.
 */
function parseLines(text: string, out: Collected, notes: string[], wholeError: string): string {
  const formats = new Set<string>();
  let bad = 0;
  let firstBad = '';
  let lines = 0;
  for (const line of text.split('\n')) {
    if (!line.trim()) {
      continue;
    }
    lines++;
    try {
      formats.add(readJson(JSON.parse(line), out));
    } catch (e) {
      bad++;
      firstBad ||= `line ${lines}: ${e instanceof Error ? e.message : String(e)}`;
    }
  }
  if (formats.size === 0) {
    throw new Error(`The trace is not valid JSON: ${wholeError}`);
  }
  if (bad > 0) {
    notes.push(`${bad} of ${lines} JSON lines skipped (${firstBad.slice(0, 200)}).`);
  }
  return [...formats].map((f) => `${f}-lines`).join('+');
}

function parseText(text: string, out: Collected, notes: string[] = []): string {
  let v: unknown;
  try {
    v = JSON.parse(text);
  } catch (e) {
    const message = e instanceof Error ? e.message : String(e);
    if (/\n\s*[[{]/.test(text.trim())) {
      return parseLines(text, out, notes, message);
    }
    throw new Error(`The trace is not valid JSON: ${message}`);
  }
  return readJson(v, out);
}

/** The first string cell that looks like JSON, in any frame that is not a trace frame. */
function jsonCell(frame: FrameLike): string | undefined {
  for (const field of frame.fields) {
    const v = field.values[0];
    if (typeof v === 'string' && /^\s*[[{]/.test(v)) {
      return v;
    }
  }
  return undefined;
}

function finish(out: Collected, format: string, maxSpans: number, notes: string[] = []): ParseResult {
  const traces: Trace[] = [];
  let budget = maxSpans;
  let truncated = 0;
  for (const [traceId, spans] of out.byTrace) {
    const take = spans.length <= budget ? spans : spans.slice(0, budget);
    truncated += spans.length - take.length;
    budget -= take.length;
    if (take.length === 0) {
      continue;
    }
    const warnings = [...(out.traceWarnings.get(traceId) ?? []), ...out.skips.messages()];
    if (spans.length > take.length) {
      warnings.push(`${spans.length - take.length} spans not shown: the panel shows at most ${maxSpans.toLocaleString('en')} spans.`);
    }
    traces.push(buildTrace(traceId, take, warnings, out.skips.count));
  }
  if (traces.length === 0 && out.skips.count > 0) {
    return { ok: false, error: `No usable span in the input. ${out.skips.messages().join(' ')}` };
  }
  if (truncated > 0 && traces.length === 0) {
    return { ok: false, error: `${truncated} spans not shown: the span limit is ${maxSpans}.` };
  }
  return { ok: true, traces, format, notes };
}

/** Normalises raw trace JSON text (Jaeger, Zipkin v2 or OTLP, detected automatically). */
export function normaliseText(text: string, options: NormaliseOptions = {}): ParseResult {
  const out = new Collected();
  const notes: string[] = [];
  try {
    const format = parseText(text, out, notes);
    return finish(out, format, options.maxSpans ?? DEFAULT_MAX_SPANS, notes);
  } catch (e) {
    return { ok: false, error: e instanceof Error ? e.message : String(e) };
  }
}

/** Normalises panel data: Grafana trace frames, or frames with trace JSON in a string field. */
export function normaliseFrames(frames: readonly FrameLike[], options: NormaliseOptions = {}): ParseResult {
  const out = new Collected();
  const formats = new Set<string>();
  const notes: string[] = [];
  // A frame with a JSON-looking string that is not a trace (another query's table, a log line) is left aside with a
  // note; it fails the panel only when no frame holds a trace.
  const failures: string[] = [];
  try {
    for (const [index, frame] of frames.entries()) {
      if (isTraceFrame(frame)) {
        readTraceFrame(frame, out, index);
        formats.add('grafana-frame');
        continue;
      }
      const text = jsonCell(frame);
      if (text === undefined) {
        continue;
      }
      const before = out.total;
      try {
        formats.add(parseText(text, out, notes));
      } catch (e) {
        if (out.total !== before) {
          throw e; // a partly read trace: not an unrelated frame
        }
        failures.push(`frame ${index + 1}${frame.name ? ` (${frame.name})` : ''}: ${e instanceof Error ? e.message : String(e)}`);
      }
    }
  } catch (e) {
    return { ok: false, error: e instanceof Error ? e.message : String(e) };
  }
  if (formats.size === 0 && failures.length > 0) {
    return { ok: false, error: failures.length === 1 ? failures[0].replace(/^frame 1: /, '') : failures.join(' · ') };
  }
  if (failures.length > 0) {
    notes.push(`${failures.length} frame${failures.length === 1 ? '' : 's'} without a trace ignored (${failures.map((f) => f.slice(0, 160)).join(' · ')}).`);
  }
  if (formats.size === 0) {
    const names = frames.flatMap((f) => f.fields.map((field) => field.name)).slice(0, 8);
    if (names.length === 0) {
      return { ok: true, traces: [], format: 'empty', notes };
    }
    return {
      ok: false,
      error: `No trace in the data: expected a trace frame (fields spanID, startTime, …) or trace JSON in a string field (got fields: ${names.join(', ')}).`,
    };
  }
  return finish(out, [...formats].join('+'), options.maxSpans ?? DEFAULT_MAX_SPANS, notes);
}
