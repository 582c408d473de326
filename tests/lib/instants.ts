/**
 * Picking the instant an exact assertion on live data reads. Two things change an exact answer without any code
 * being wrong: a scrape that came late (Prometheus then extrapolates a rate window short) and a rare random event
 * that falls in, or at the edge of, the window. The helpers here find the newest instant where neither happened.
 */
import { instantQuery } from './prometheus';

/** A condition on one instant: the PromQL filter `expr` returns something (`some`) or nothing (`none`) on `url`. */
export interface InstantCheck {
  url: string;
  expr: string;
  holds: 'some' | 'none';
}

/**
 * Every series the selector `series` gives (a metric, or `label_replace(...)` of recorded families) has had one value
 * through the last `span` (whole seconds), at every second of it: no late scrape shortened a window there. Counting
 * the points matters: a series one point old has no spread either.
 */
export function steadyCheck(url: string, series: string, span: string): InstantCheck {
  const seconds = Number.parseInt(span, 10);
  if (!/^\d+s$/.test(span) || seconds < 2) {
    throw new Error(`steadyCheck: span must be whole seconds, at least 2s: ${span}`);
  }
  const values = `(${series} > 0)[${span}:1s]`;
  return {
    url,
    expr: `(max(stddev_over_time(${values}) / avg_over_time(${values})) < 1e-9) and on () (min(count_over_time(${values})) >= ${seconds})`,
    holds: 'some',
  };
}

/**
 * The newest whole second, not before `notBefore`, at which every check holds: first searching back from `lag`
 * seconds ago, then waiting for new seconds until `timeoutMs`. Throws, naming the checks, when none does.
 */
export async function newestInstantWhere(
  checks: readonly InstantCheck[],
  notBefore: number,
  { lag = 1, timeoutMs = 40_000 }: { lag?: number; timeoutMs?: number } = {}
): Promise<number> {
  const holds = async (t: number) => {
    for (const c of checks) {
      if ((await instantQuery(c.url, c.expr, t)).length > 0 !== (c.holds === 'some')) {
        return false;
      }
    }
    return true;
  };
  const until = Date.now() + timeoutMs;
  let checked = notBefore - 1;
  for (;;) {
    const latest = Math.floor(Date.now() / 1000) - lag;
    for (let t = latest; t > checked; t--) {
      if (await holds(t)) {
        return t;
      }
    }
    checked = Math.max(checked, latest);
    if (Date.now() > until) {
      throw new Error(`no instant since ${notBefore} where ${checks.map((c) => `${c.expr} (${c.holds})`).join(', ')}`);
    }
    await new Promise((r) => setTimeout(r, 1000));
  }
}
