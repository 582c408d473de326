// Where the trace panel's first rows go, per renderer thread, from one Chrome trace of one render: CPU time (thread time,
// which the shared machine's load stretches far less than wall time) of the main thread and of the parsing worker between
// the data being handed over and the first rows, and the worker's load task (start, wall, CPU). Needs `npm run build`, or
// HARNESS_DIST=<another build's dist/>. Usage: node --import tsx bench/trace-threads.ts [--spans 10000] [--label text]
// Prints one JSON line; alternate builds in a shell loop to compare them (README, "Figures").
import { type CDPSession, type Page } from 'playwright-core';
import { withRenderedTrace } from './lib/traceHarness';
import { generate } from './traceGen';

const argValue = (name: string, fallback: string) => {
  const k = process.argv.indexOf(name);
  return k > 0 ? process.argv[k + 1] : fallback;
};
const SPANS = Number(argValue('--spans', '10000'));
const LABEL = argValue('--label', '');

interface TraceEvent {
  name: string;
  ph: string;
  ts: number;
  dur?: number;
  tdur?: number;
  pid: number;
  tid: number;
  args?: { name?: string };
}

/** Starts a Chrome trace on the fresh page; the host's marks become user-timing marks in it. */
function tracer() {
  const events: TraceEvent[] = [];
  let cdp: CDPSession | undefined;
  let complete: Promise<unknown> | undefined;
  return {
    events,
    attach: async (page: Page) => {
      cdp = await page.context().newCDPSession(page);
      cdp.on('Tracing.dataCollected', (e) => events.push(...(e.value as unknown as TraceEvent[])));
      complete = new Promise((resolve) => cdp!.once('Tracing.tracingComplete', resolve));
      await cdp.send('Tracing.start', {
        transferMode: 'ReportEvents',
        traceConfig: {
          includedCategories: [
            'devtools.timeline',
            'disabled-by-default-devtools.timeline',
            'blink.user_timing',
            'toplevel',
            '__metadata',
          ],
        },
      });
      await page.exposeFunction('__meshlensBenchMark', (at: string) =>
        page.evaluate((a) => performance.mark(`meshlens-${a}`), at)
      );
    },
    stop: async () => {
      await cdp!.send('Tracing.end');
      await complete;
    },
  };
}

/** CPU per thread of the tasks that started between handover and first rows, and the worker's longest task (its load). */
function summarise(events: TraceEvent[], firstRowsMs: number) {
  const handover = events.find((e) => e.name === 'meshlens-handover');
  if (!handover) {
    throw new Error('no handover mark in the trace (is the harness host current?)');
  }
  const names = new Map(
    events.filter((e) => e.ph === 'M' && e.name === 'thread_name').map((e) => [`${e.pid}:${e.tid}`, e.args?.name ?? ''])
  );
  const until = handover.ts + firstRowsMs * 1000;
  const tasks = events.filter(
    (e) =>
      e.pid === handover.pid &&
      e.ph === 'X' &&
      e.name === 'ThreadControllerImpl::RunTask' &&
      e.ts >= handover.ts &&
      e.ts <= until
  );
  const thread = (e: TraceEvent) => names.get(`${e.pid}:${e.tid}`) ?? '';
  const cpu = (test: RegExp) =>
    Math.round(tasks.filter((e) => test.test(thread(e))).reduce((sum, e) => sum + (e.tdur ?? 0), 0) / 1000);
  const load = tasks.filter((e) => /Worker/.test(thread(e))).sort((a, b) => (b.dur ?? 0) - (a.dur ?? 0))[0];
  const ms = (us: number | undefined) => Math.round((us ?? NaN) / 1000);
  return {
    mainCpuMs: cpu(/CrRendererMain/),
    workerCpuMs: cpu(/Worker/),
    workerLoad: load ? { startMs: ms(load.ts - handover.ts), wallMs: ms(load.dur), cpuMs: ms(load.tdur) } : undefined,
  };
}

async function main() {
  const trace = tracer();
  await withRenderedTrace(
    generate('jaeger', SPANS),
    async (page, metrics) => {
      if (metrics.firstRenderMs === null) {
        throw new Error(`no first rows: ${JSON.stringify(metrics)}`);
      }
      await trace.stop();
      await page.close();
      console.log(
        JSON.stringify({
          label: LABEL,
          spans: SPANS,
          firstRowsMs: metrics.firstRenderMs,
          ...summarise(trace.events, metrics.firstRenderMs),
        })
      );
    },
    { onPage: trace.attach }
  );
}

main().catch((e) => {
  console.error(e);
  process.exit(1);
});
