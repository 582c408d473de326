/**
 * Replays a real `/metrics` scrape (Prometheus text 0.0.4 or OpenMetrics 1.0) as a living target: every
 * counter-like sample grows linearly at a rate derived from its own recorded value, so a real Prometheus
 * scraping it computes `rate()` = value / period exactly, and histograms stay consistent.
 *
 * Growth rule: a growing sample recorded as `v` reads `v * (1 + t / period)` at `t` seconds after start.
 * All the samples of one histogram scale by the same factor, so buckets stay monotonic in `le`, `_count`
 * stays equal to the `+Inf` bucket, `_sum / _count` (the mean) and every quantile stay what was recorded.
 * Gauges, summary quantiles, `_created` and untyped samples not named like counters stay constant.
 */

export type MetricType = 'counter' | 'gauge' | 'histogram' | 'gaugehistogram' | 'summary' | 'info' | 'stateset' | 'unknown' | 'untyped';

export interface ReplaySample {
  /** 1-based line number in the fixture. */
  line: number;
  name: string;
  /** The label block exactly as written, without braces ('' when absent). */
  labelText: string;
  labels: Readonly<Record<string, string>>;
  value: number;
  /** The recorded value's text, kept so a constant sample is served exactly as recorded. */
  valueText: string;
  /** Whether the line had a label block, even an empty `{}`. */
  braces: boolean;
  /** Counter-like (counter, histogram bucket/sum/count, summary sum/count): grows over time. */
  grows: boolean;
}

export type ReplayLine = { kind: 'text'; text: string } | { kind: 'sample'; sample: ReplaySample };

export interface ParsedScrape {
  lines: readonly ReplayLine[];
  samples: readonly ReplaySample[];
  /** Served as OpenMetrics (the fixture ends with `# EOF`) or as Prometheus text 0.0.4. */
  openMetrics: boolean;
}

const METRIC_TYPES = new Set<MetricType>(['counter', 'gauge', 'histogram', 'gaugehistogram', 'summary', 'info', 'stateset', 'unknown', 'untyped']);
const NAME = /^[a-zA-Z_:][a-zA-Z0-9_:]*/;
const LABEL_NAME = /^[a-zA-Z_][a-zA-Z0-9_]*/;

/** The family a sample name belongs to, given the `# TYPE` lines seen so far. */
function familyOf(name: string, types: ReadonlyMap<string, MetricType>): { family: string; suffix: string } {
  if (types.has(name)) {
    return { family: name, suffix: '' };
  }
  for (const suffix of ['_total', '_bucket', '_count', '_sum', '_created', '_gcount', '_gsum']) {
    if (name.endsWith(suffix) && types.has(name.slice(0, -suffix.length))) {
      return { family: name.slice(0, -suffix.length), suffix };
    }
  }
  return { family: name, suffix: '' };
}

function growsFor(name: string, types: ReadonlyMap<string, MetricType>): boolean {
  const { family, suffix } = familyOf(name, types);
  const type = types.get(family);
  switch (type) {
    case 'counter':
      return suffix !== '_created';
    case 'histogram':
      return suffix === '_bucket' || suffix === '_count' || suffix === '_sum';
    case 'summary':
      return suffix === '_count' || suffix === '_sum';
    case undefined:
    case 'untyped':
    case 'unknown':
      // No TYPE line: only the counter naming convention says it is a counter.
      return name.endsWith('_total');
    default:
      return false;
  }
}

function parseValue(text: string, where: string): number {
  if (text === '+Inf' || text === 'Inf') {
    return Infinity;
  }
  if (text === '-Inf') {
    return -Infinity;
  }
  if (/^nan$/i.test(text)) {
    return NaN;
  }
  const n = Number(text);
  if (text === '' || Number.isNaN(n)) {
    throw new Error(`${where}: the value "${text}" is not a number`);
  }
  return n;
}

/**
 * Parses `{a="x",b="y\"z"}` starting at `s[0] === '{'`, `column0` characters into its line; returns the
 * labels and the index after `}`.
 */
function parseLabels(s: string, column0: number, where: string): { labels: Record<string, string>; end: number } {
  const labels: Record<string, string> = {};
  let i = 1;
  for (;;) {
    while (s[i] === ' ' || s[i] === ',') {
      i++;
    }
    if (s[i] === '}') {
      return { labels, end: i + 1 };
    }
    const name = LABEL_NAME.exec(s.slice(i));
    if (!name) {
      throw new Error(`${where}: expected a label name at column ${column0 + i + 1}`);
    }
    i += name[0].length;
    if (s[i] !== '=' || s[i + 1] !== '"') {
      throw new Error(`${where}: expected ="…" after label ${name[0]}`);
    }
    i += 2;
    let value = '';
    for (;;) {
      const c = s[i];
      if (c === undefined) {
        throw new Error(`${where}: unterminated value of label ${name[0]}`);
      }
      if (c === '\\') {
        const next = s[i + 1];
        value += next === 'n' ? '\n' : next;
        i += 2;
        continue;
      }
      i++;
      if (c === '"') {
        break;
      }
      value += c;
    }
    if (name[0] in labels) {
      throw new Error(`${where}: label ${name[0]} appears twice`);
    }
    labels[name[0]] = value;
  }
}

/** Parses a scrape. Throws with the line number on anything it cannot read. */
export function parseScrape(text: string): ParsedScrape {
  const types = new Map<string, MetricType>();
  const lines: ReplayLine[] = [];
  const samples: ReplaySample[] = [];
  const raw = text.split('\n');
  if (raw[raw.length - 1] === '') {
    raw.pop();
  }
  raw.forEach((line, index) => {
    const where = `line ${index + 1}`;
    if (line.trim() === '' || line.startsWith('#')) {
      const type = /^# TYPE (\S+) (\S+)\s*$/.exec(line);
      if (type) {
        if (!METRIC_TYPES.has(type[2] as MetricType)) {
          throw new Error(`${where}: unknown metric type "${type[2]}" for ${type[1]}`);
        }
        types.set(type[1], type[2] as MetricType);
      }
      lines.push({ kind: 'text', text: line });
      return;
    }
    const name = NAME.exec(line);
    if (!name) {
      throw new Error(`${where}: expected a metric name, got "${line.slice(0, 40)}"`);
    }
    let rest = line.slice(name[0].length);
    let labels: Record<string, string> = {};
    let labelText = '';
    if (rest.startsWith('{')) {
      const parsed = parseLabels(rest, name[0].length, where);
      labels = parsed.labels;
      labelText = rest.slice(1, parsed.end - 1);
      rest = rest.slice(parsed.end);
    }
    // OpenMetrics exemplars (` # {…} v`) follow the value; replay drops them.
    const fields = rest.split(' # ')[0].trim().split(/\s+/);
    if (fields.length < 1 || fields.length > 2 || fields[0] === '') {
      throw new Error(`${where}: expected "value [timestamp]" after ${name[0]}`);
    }
    const value = parseValue(fields[0], where);
    const sample: ReplaySample = {
      line: index + 1,
      name: name[0],
      labelText,
      labels,
      value,
      valueText: fields[0],
      braces: line.charAt(name[0].length) === '{',
      grows: growsFor(name[0], types),
    };
    samples.push(sample);
    lines.push({ kind: 'sample', sample });
  });
  const lastText = [...raw].reverse().find((l) => l.trim() !== '');
  return { lines, samples, openMetrics: lastText === '# EOF' };
}

/** A sample's value `elapsedSeconds` after start. */
export function valueAt(sample: Pick<ReplaySample, 'value' | 'grows'>, elapsedSeconds: number, periodSeconds: number): number {
  if (!(periodSeconds > 0)) {
    throw new Error(`the growth period must be a positive number of seconds, got ${periodSeconds}`);
  }
  return sample.grows && Number.isFinite(sample.value) ? sample.value * (1 + Math.max(0, elapsedSeconds) / periodSeconds) : sample.value;
}

/** The per-second rate Prometheus will compute for a sample: value / period for growing samples, else 0. */
export function expectedRate(sample: Pick<ReplaySample, 'value' | 'grows'>, periodSeconds: number): number {
  return sample.grows && Number.isFinite(sample.value) ? sample.value / periodSeconds : 0;
}

function formatValue(v: number): string {
  if (Number.isNaN(v)) {
    return 'NaN';
  }
  if (!Number.isFinite(v)) {
    return v > 0 ? '+Inf' : '-Inf';
  }
  return String(v);
}

/**
 * The scrape text served `elapsedSeconds` after start: comments and label blocks as recorded, values grown,
 * recorded timestamps and exemplars dropped. With `timestampMs`, every sample carries that timestamp (ms in
 * Prometheus text, seconds in OpenMetrics), so Prometheus stores each value at the instant it was computed for
 * and `rate()` is exact, whatever the scrape's network delay.
 */
export function renderScrape(parsed: ParsedScrape, elapsedSeconds: number, periodSeconds: number, timestampMs?: number): string {
  const stamp = timestampMs === undefined ? '' : ` ${parsed.openMetrics ? (timestampMs / 1000).toFixed(3) : String(timestampMs)}`;
  const out: string[] = [];
  for (const line of parsed.lines) {
    if (line.kind === 'text') {
      out.push(line.text);
      continue;
    }
    const s = line.sample;
    const value = s.grows ? formatValue(valueAt(s, elapsedSeconds, periodSeconds)) : s.valueText;
    out.push(`${s.name}${s.braces ? `{${s.labelText}}` : ''} ${value}${stamp}`);
  }
  return out.join('\n') + '\n';
}
