/**
 * Trace ids as the page accepts them from the URL and the id box: 16 or 32 hexadecimal digits (Jaeger, Tempo,
 * Zipkin: 64- or 128-bit ids). Anything else is refused before a query is built: Tempo's data source runs any
 * non-hex text as a TraceQL search, and Jaeger/Zipkin would answer "not found" for a typo.
 */
const TRACE_ID = /^(?:[0-9a-f]{16}|[0-9a-f]{32})$/;

export type TraceIdCheck = { ok: true; id: string } | { ok: false; error: string };

/** The id, trimmed and lower-cased, or why it is not one (the text is quoted, at most 64 characters of it). */
export function checkTraceId(text: string): TraceIdCheck {
  const id = text.trim().toLowerCase();
  if (TRACE_ID.test(id)) {
    return { ok: true, id };
  }
  const shown = text.length > 64 ? `${text.slice(0, 64)}…` : text;
  const why = /^[0-9a-f]*$/.test(id) ? `it has ${id.length} digits` : 'it holds characters other than 0-9 and a-f';
  return { ok: false, error: `"${shown}" is not a trace id (${why}): a trace id is 16 or 32 hexadecimal digits.` };
}

/** `?compare=<a>,<b>`: two valid ids, or why not (each bad id named). */
export function checkComparePair(text: string): { ok: true; ids: [string, string] } | { ok: false; error: string } {
  const parts = text.split(',').map((p) => p.trim());
  if (parts.length !== 2) {
    return { ok: false, error: `A comparison needs two trace ids separated by a comma; got ${parts.length}.` };
  }
  const checks = parts.map(checkTraceId);
  const errors = checks.flatMap((c, i) => (c.ok ? [] : [`${i === 0 ? 'A' : 'B'}: ${c.error}`]));
  return errors.length
    ? { ok: false, error: errors.join(' ') }
    : { ok: true, ids: [(checks[0] as { id: string }).id, (checks[1] as { id: string }).id] };
}
