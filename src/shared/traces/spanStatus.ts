/** A span's outcome as the trace views show it. */
export type SpanStatusCode = 'unset' | 'ok' | 'error';

const HTTP_STATUS_KEYS = new Set(['http.status_code', 'http.response.status_code']);

/** An OTel status code in any of its spellings: 2, "2", "ERROR", "STATUS_CODE_ERROR" (and the same for OK = 1). */
function fromCode(code: unknown): SpanStatusCode {
  if (code === 2 || code === '2') {
    return 'error';
  }
  if (code === 1 || code === '1') {
    return 'ok';
  }
  if (typeof code === 'string') {
    const c = code.toUpperCase().replace('STATUS_CODE_', '');
    return c === 'ERROR' ? 'error' : c === 'OK' ? 'ok' : 'unset';
  }
  return 'unset';
}

/**
 * The one rule for "is this span an error", shared by the trace panel and the Traces page (Jaeger UI and Grafana read
 * it this way): an OTel status code ERROR (the frame's `statusCode`, OTLP's `status.code`, or the `otel.status_code`
 * tag); else, unless the status is explicitly OK, an `error` tag that is true, or an HTTP status of 500 or more
 * (`http.status_code` / `http.response.status_code`, as Envoy and OTel HTTP instrumentation record server errors).
 */
export function spanStatus(statusCode: unknown, tags: Iterable<{ readonly key: string; readonly value: unknown }> | undefined): SpanStatusCode {
  let status = fromCode(statusCode);
  if (status !== 'unset' || !tags) {
    return status;
  }
  let flagged = false;
  for (const { key, value } of tags) {
    if (key === 'otel.status_code') {
      const s = fromCode(value);
      if (s !== 'unset') {
        status = s;
      }
    } else if (key === 'error') {
      flagged ||= value === true || value === 'true';
    } else if (HTTP_STATUS_KEYS.has(key)) {
      const n = typeof value === 'number' ? value : typeof value === 'string' ? Number(value) : NaN;
      flagged ||= n >= 500 && n <= 599;
    }
  }
  return status !== 'unset' ? status : flagged ? 'error' : 'unset';
}
