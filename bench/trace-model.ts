// Node benchmarks of the trace model: node --expose-gc --import tsx bench/trace-model.ts [--sizes 10000,100000,1000000]
// Prints a table; timings are wall-clock medians of a few runs (1 run at 1M), read them as ±30 % on a shared machine.
import { serviceCallGraph } from '../src/panels/trace/model/callGraph';
import { toColumns } from '../src/panels/trace/model/columns';
import { criticalPath } from '../src/panels/trace/model/criticalPath';
import { filterSpans, findSpans } from '../src/panels/trace/model/find';
import { normaliseText } from '../src/panels/trace/model/normalise';
import { buildRows, collapseAll, keepWithAncestors } from '../src/panels/trace/model/rows';
import { adjustClockSkew } from '../src/panels/trace/model/skew';
import { traceStatistics } from '../src/panels/trace/model/stats';
import { type Trace } from '../src/panels/trace/model/types';
import { generate, type GenFormat } from './traceGen';

const arg = process.argv.indexOf('--sizes');
const SIZES = arg > 0 ? process.argv[arg + 1].split(',').map(Number) : [10_000, 100_000, 1_000_000];

function time<T>(runs: number, fn: () => T): { ms: number; value: T } {
  const times: number[] = [];
  let value!: T;
  for (let r = 0; r < runs; r++) {
    const t = performance.now();
    value = fn();
    times.push(performance.now() - t);
  }
  times.sort((a, b) => a - b);
  return { ms: times[Math.floor(times.length / 2)], value };
}

const rows: Array<Record<string, string>> = [];
const fmt = (ms: number) => (ms < 10 ? ms.toFixed(2) : ms.toFixed(0));

for (const n of SIZES) {
  const runs = n >= 1_000_000 ? 1 : n >= 100_000 ? 3 : 5;
  // At 1M spans the JSON would pass V8's string limit with 3–10 tags; 2 tags keep it under it.
  const lean = n >= 1_000_000;
  let trace: Trace | undefined;
  const row: Record<string, string> = { spans: n.toLocaleString('en') + (lean ? ' (2 tags)' : '') };
  // OTLP last: its model is the one the other functions are timed on (earlier models are dropped to save memory).
  for (const format of ['jaeger', 'zipkin', 'otlp'] as GenFormat[]) {
    trace = undefined;
    const text = generate(format, n, lean);
    const parsed = time(runs, () => normaliseText(text, { maxSpans: Infinity }));
    if (!parsed.value.ok) {
      throw new Error(parsed.value.error);
    }
    row[`${format} MB`] = (text.length / 1e6).toFixed(0);
    row[`parse+tree ${format} ms`] = fmt(parsed.ms);
    trace = parsed.value.traces[0];
    process.stderr.write(`${n} spans: ${format} ${fmt(parsed.ms)} ms\n`);
  }
  const t = trace!;
  const columns = time(runs, () => toColumns(t));
  const c = columns.value;
  row['columns ms'] = fmt(columns.ms);
  // The clock-skew toggle: the adjusted trace and its columns (critical path included), built in the worker.
  row['skew-adjusted model ms'] = fmt(time(runs, () => toColumns(adjustClockSkew(t))).ms);
  row['critical path ms'] = fmt(time(runs, () => criticalPath(c.start, c.duration, c.parent, c.subtreeEnd)).ms);
  row['find ms'] = fmt(time(runs, () => findSpans(t, 'op-7 http.status_code=503')).ms);
  const mask = filterSpans(t, { errorsOnly: true });
  row['filter ms'] = fmt(time(runs, () => filterSpans(t, { services: ['svc-3.ns-3'], minDurationMs: 1 })).ms);
  row['prune rows ms'] = fmt(time(runs, () => buildRows(c, new Uint8Array(c.count), keepWithAncestors(c, mask))).ms);
  row['collapse all ms'] = fmt(time(runs, () => buildRows(c, collapseAll(c))).ms);
  row['expand all ms'] = fmt(time(runs, () => buildRows(c, new Uint8Array(c.count))).ms);
  row['stats ms'] = fmt(time(runs, () => traceStatistics(c, 'operation')).ms);
  row['call graph ms'] = fmt(time(runs, () => serviceCallGraph(c)).ms);
  // Heap held by one model (spans, attributes, columns), when run with --expose-gc: built again from a dropped text.
  const gc = (globalThis as { gc?: () => void }).gc;
  if (gc) {
    const text = generate('otlp', n, lean);
    trace = undefined;
    gc();
    const before = process.memoryUsage().heapUsed;
    const held = normaliseText(text, { maxSpans: Infinity });
    const cols = held.ok ? toColumns(held.traces[0]) : undefined;
    gc();
    row['model heap MB'] = ((process.memoryUsage().heapUsed - before - text.length) / 1048576).toFixed(0);
    row['columns MB'] = cols ? (Object.values(cols).reduce((a: number, v) => a + (ArrayBuffer.isView(v) ? v.byteLength : 0), 0) / 1048576).toFixed(1) : '';
  }
  rows.push(row);
  trace = undefined;
  process.stderr.write(`${JSON.stringify(row)}\n`);
}

console.log('Trace model benchmarks (Node, this machine)');
console.table(rows);
