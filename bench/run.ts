// npm run bench: the harness timings of each plugin, then every other bench/*.ts, each printing its own table.
// Figures only; nothing here asserts a time.
import { spawnSync } from 'node:child_process';
import { join, resolve } from 'node:path';
import { openHarness, type Kind } from '../tests/harness/browser';

const ROOT = resolve(__dirname, '..');

async function harnessTimings() {
  // The app root without a Prometheus must show its "no Prometheus" message (the app-pages suite below measures the
  // pages with a real one), so for that case the message is the expected outcome.
  const cases: Array<{ name: string; kind: Kind; input?: string; expectMessage?: boolean }> = [
    { name: 'trace, 8-span Bookinfo frame', kind: 'trace', input: 'tests/fixtures/frames/bookinfo-trace.frames.json' },
    {
      name: 'meshgraph, Kiali workload graph (13 nodes)',
      kind: 'meshgraph',
      input: 'tests/fixtures/frames/workload-graph.frames.json',
    },
    { name: 'app root page, no Prometheus behind it', kind: 'app', expectMessage: true },
  ];
  const rows: string[][] = [];
  for (const c of cases) {
    const harness = await openHarness(c.input ? join(ROOT, c.input) : undefined);
    try {
      // The first render pays for module loading; report the median of 3 fresh pages.
      const runs = [];
      for (let i = 0; i < 3; i++) {
        const { page, metrics } = await harness.render({ kind: c.kind, input: c.input, width: 1600, height: 1000 });
        runs.push(metrics);
        await page.close();
      }
      const median = (xs: number[]) => xs.sort((a, b) => a - b)[Math.floor(xs.length / 2)];
      rows.push([
        c.name,
        c.expectMessage
          ? runs.every((r) => !r.ok && r.panelMessage)
            ? 'its message'
            : 'NO'
          : runs.every((r) => r.ok)
            ? 'yes'
            : 'NO',
        `${median(runs.map((r) => r.firstRenderMs ?? NaN))} ms`,
        `${median(runs.map((r) => r.longestTaskMs))} ms`,
        `${median(runs.map((r) => r.jsHeapMB ?? NaN))} MB`,
      ]);
    } finally {
      await harness.close();
    }
  }
  printTable(
    'Harness: headless Chromium, 1600×1000, median of 3',
    ['case', 'ok', 'first render', 'longest task', 'JS heap'],
    rows
  );
  console.log(
    '  first render: data handed to the plugin -> first paint of its view; longest task: after the data was handed over'
  );
}

export function printTable(title: string, header: string[], rows: string[][]) {
  const widths = header.map((h, i) => Math.max(h.length, ...rows.map((r) => (r[i] ?? '').length)));
  const line = (cells: string[]) => '| ' + cells.map((c, i) => (c ?? '').padEnd(widths[i])).join(' | ') + ' |';
  console.log(`\n${title}`);
  console.log(line(header));
  console.log('|' + widths.map((w) => '-'.repeat(w + 2)).join('|') + '|');
  rows.forEach((r) => console.log(line(r)));
}

async function main() {
  // `npm run bench -- scale`: only the dashboards-at-scale suite (minutes of backfill; see bench/dashboards-scale.ts).
  if (process.argv.includes('scale')) {
    const r = spawnSync(process.execPath, ['--import', 'tsx', join(__dirname, 'dashboards-scale.ts')], {
      stdio: 'inherit',
      cwd: ROOT,
    });
    process.exitCode = r.status ?? 1;
    return;
  }
  await harnessTimings();
  // Each suite prints its own table and compares with its baseline (Jaeger UI, cytoscape+dagre, Istio's dashboards).
  const suites: Array<[string, string[]]> = [
    ['trace-model.ts', ['--expose-gc']],
    ['trace-browser.ts', []],
    ['meshgraph-model.ts', []],
    ['meshgraph-browser.ts', []],
    ['simulator.ts', []],
    ['dashboards.ts', []],
    ['graph-cost.ts', []],
    ['dashboards-scale.ts', []],
    ['app-pages.ts', []],
  ];
  let failed = 0;
  for (const [file, nodeFlags] of suites) {
    console.log(`\n== bench/${file}`);
    const r = spawnSync(process.execPath, [...nodeFlags, '--import', 'tsx', join(__dirname, file)], {
      stdio: 'inherit',
      cwd: ROOT,
    });
    failed += r.status === 0 ? 0 : 1;
  }
  process.exitCode = failed ? 1 : 0;
}

if (require.main === module) {
  main();
}
