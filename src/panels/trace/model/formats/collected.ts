import { type RawSpan } from '../types';
import { SkipCounter } from './common';

/** What a format reader hands to the normaliser: spans grouped by trace, plus what it skipped. */
export class Collected {
  readonly byTrace = new Map<string, RawSpan[]>();
  readonly traceWarnings = new Map<string, string[]>();
  readonly skips = new SkipCounter();
  total = 0;

  add(span: RawSpan) {
    const list = this.byTrace.get(span.traceId);
    list ? list.push(span) : this.byTrace.set(span.traceId, [span]);
    this.total++;
  }

  warn(traceId: string, messages: readonly string[]) {
    if (messages.length > 0) {
      this.traceWarnings.set(traceId, [...(this.traceWarnings.get(traceId) ?? []), ...messages]);
    }
  }
}
