/**
 * Time ranges carried by links, so the page a link opens shows the moment the link was made from (a span,
 * an edge on a graph) instead of the target's default "last hour".
 */

/** What is added on each side of a span's own time: 5 minutes, enough for scrape intervals and rate windows. */
export const SPAN_LINK_MARGIN_MS = 5 * 60_000;

export interface EpochRange {
  /** Epoch milliseconds, whole. */
  readonly from: number;
  readonly to: number;
}

/**
 * The span's time with a margin on both sides (from = start − margin, to = end + margin), in whole epoch ms.
 * Undefined when the times cannot be a real moment (not finite, before 1970 or after year 9999), so a
 * link never carries a range Grafana would read as garbage.
 */
export function spanTimeRange(
  startMs: number,
  durationMs: number,
  marginMs = SPAN_LINK_MARGIN_MS
): EpochRange | undefined {
  const end = startMs + Math.max(0, Number.isFinite(durationMs) ? durationMs : 0);
  if (!Number.isFinite(startMs) || startMs < 0 || end > 253402300799999) {
    return undefined;
  }
  return { from: Math.floor(startMs - marginMs), to: Math.ceil(end + marginMs) };
}

/** The href with `from`/`to` set (replacing any there), as Grafana dashboards and Scenes pages read them. */
export function withTimeRange(href: string, range: EpochRange | undefined): string {
  if (!range) {
    return href;
  }
  const [path, search = ''] = href.split('?');
  const q = new URLSearchParams(search);
  q.set('from', String(range.from));
  q.set('to', String(range.to));
  return `${path}?${q.toString()}`;
}
