// Browser benchmarks of the built trace panel (dist/) in headless Chromium through the preview harness.
// Needs `npm run build` first. Usage: node --import tsx bench/trace-browser.ts [--sizes 10000,100000]
// Prints first rows after the data is handed over, the longest main-thread task after that moment, heap after GC,
// scroll frame times (p50/p95/max) and collapse-all / expand-all times. Read times as ±50 % on a shared machine.
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { openHarness } from '../tests/harness/browser';
import { generate } from './traceGen';

const arg = process.argv.indexOf('--sizes');
const SIZES = arg > 0 ? process.argv[arg + 1].split(',').map(Number) : [10_000, 100_000];
const pct = (xs: number[], p: number) => [...xs].sort((a, b) => a - b)[Math.min(xs.length - 1, Math.floor(xs.length * p))] ?? NaN;

async function measure(n: number): Promise<Record<string, string>> {
  const dir = mkdtempSync(join(tmpdir(), 'meshlens-trace-bench-'));
  const file = join(dir, 'trace.json');
  const text = generate('jaeger', n);
  writeFileSync(file, text);
  const harness = await openHarness(file);
  try {
    const { page, metrics } = await harness.render({ kind: 'trace', input: file, width: 1600, height: 1000, timeoutMs: 120_000 });
    if (!metrics.ok) {
      throw new Error(`render failed: ${JSON.stringify(metrics)}`);
    }
    // A string, not a function: tsx's name helpers do not exist in the page.
    const result = (await page.evaluate(`(async () => {
      const s = window.__meshlens;
      const tasks = [];
      await new Promise((resolve) => {
        new PerformanceObserver((list) => {
          list.getEntries().forEach((e) => tasks.push({ start: e.startTime, dur: e.duration }));
        }).observe({ type: 'longtask', buffered: true });
        setTimeout(resolve, 200);
      });
      const loadTasks = tasks.filter((t) => t.start >= s.dataHandedAt).map((t) => t.dur);
      const frame = () => new Promise((r) => requestAnimationFrame(r));
      const list = document.querySelector('[role="tree"]') ;
      // Scroll: 400 frames, 3 rows per frame down, then jumps of 2,000 rows (like dragging the scrollbar).
      const deltas = [];
      let last = await frame();
      for (let k = 0; k < 400; k++) {
        list.scrollTop += k % 100 === 99 ? 48_000 : 72;
        const now = await frame();
        deltas.push(now - last);
        last = now;
      }
      const timeClick = async (label) => {
        const button = document.querySelector(\`[aria-label="\${label}"]\`) ;
        const t = performance.now();
        button.click();
        await frame();
        await new Promise((r) => setTimeout(r));
        return performance.now() - t;
      };
      const collapse = await timeClick('Collapse all');
      const expand = await timeClick('Expand all');
      return {
        longestLoadTask: Math.max(0, ...loadTasks),
        scroll: deltas,
        collapse,
        expand,
        rows: document.querySelectorAll('[data-testid="meshlens-span-row"]').length,
      };
    })()`)) as { longestLoadTask: number; scroll: number[]; collapse: number; expand: number; rows: number };
    return {
      spans: n.toLocaleString('en'),
      'JSON MB': (text.length / 1e6).toFixed(0),
      'first rows ms': String(metrics.firstRenderMs),
      'longest task after data ms': result.longestLoadTask.toFixed(0),
      'scroll p50/p95/max ms': [0.5, 0.95, 1].map((p) => pct(result.scroll, p).toFixed(0)).join(' / '),
      'collapse all ms': result.collapse.toFixed(0),
      'expand all ms': result.expand.toFixed(0),
      'heap MB': String(metrics.jsHeapMB),
      'DOM rows': String(result.rows),
    };
  } finally {
    await harness.close();
    rmSync(dir, { recursive: true, force: true });
  }
}

async function main() {
  const rows = [];
  for (const n of SIZES) {
    rows.push(await measure(n));
  }
  console.log('Trace panel in headless Chromium (built dist/, 1600×1000)');
  console.table(rows);
}

main().catch((e) => {
  console.error(e);
  process.exit(1);
});
