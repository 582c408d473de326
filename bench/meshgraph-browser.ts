/**
 * Mesh graph in headless Chromium (the preview harness), against Kiali 1.x's stack on the same graphs.
 * Run alone: node --import tsx bench/meshgraph-browser.ts [sizes…]   (default 1000 5000)
 * Prints first complete paint, longest main-thread task, heap, pan/zoom frame p95; then cytoscape +
 * cytoscape-dagre on the same nodes and edges, and the ratio. Figures only; ±50 % on a shared machine.
 */
import './lib/meshgraph-globals';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { build } from 'esbuild';
import { chromium, type Page } from 'playwright-core';
import { CHROMIUM, openHarness } from '../tests/harness/browser';
import { printRows } from './lib/meshgraph-table';
import { samplesToFramesJSON } from '../tests/fixtures/tools/meshFrames';
import { tableFrame } from '../src/panels/meshgraph/model/__fixtures__/frames';
import { syntheticMesh } from '../src/panels/meshgraph/model/__fixtures__/syntheticMesh';
import { framesToGraph } from '../src/panels/meshgraph/model/pipeline';
import { defaultMeshGraphPanelOptions } from '../src/panels/meshgraph/types';

const WIDTH = 1600;
const HEIGHT = 1000;
const BASELINE_TIMEOUT_MS = 90_000;
const options = { graphType: 'workload' as const, injectServiceNodes: false };

/** Pans by dragging and zooms with the wheel, recording the interval between animation frames. */
async function panZoomFrames(page: Page): Promise<{ p50: number; p95: number; max: number }> {
  const box = await page.locator('[data-testid="meshlens-meshgraph-canvas"]').boundingBox();
  if (!box) {
    throw new Error('no canvas');
  }
  // A string, not a function: tsx would wrap named functions in a helper the page does not have.
  await page.evaluate(`(() => {
    window.__frames = [];
    window.__stop = false;
    let last = performance.now();
    const tick = (t) => {
      window.__frames.push(t - last);
      last = t;
      if (!window.__stop) requestAnimationFrame(tick);
    };
    requestAnimationFrame(tick);
  })()`);
  const cx = box.x + box.width / 2;
  const cy = box.y + box.height / 2;
  await page.mouse.move(cx, cy);
  await page.mouse.down();
  for (let i = 0; i < 40; i++) {
    await page.mouse.move(cx + Math.sin(i / 6) * 200, cy + i * 3);
  }
  await page.mouse.up();
  for (let i = 0; i < 20; i++) {
    await page.mouse.wheel(0, i < 10 ? -120 : 120);
  }
  await page.waitForTimeout(400);
  const frames = await page.evaluate(() => {
    const w = window as unknown as { __frames: number[]; __stop: boolean };
    w.__stop = true;
    return w.__frames.slice(1);
  });
  const sorted = [...frames].sort((a, b) => a - b);
  const q = (p: number) => Math.round(sorted[Math.min(sorted.length - 1, Math.floor(p * sorted.length))] ?? NaN);
  return { p50: q(0.5), p95: q(0.95), max: Math.round(sorted[sorted.length - 1] ?? NaN) };
}

async function baseline(nodes: string[], edges: Array<[string, string]>, script: string): Promise<number | undefined> {
  const profile = mkdtempSync(join(tmpdir(), 'meshlens-cy-'));
  const context = await chromium.launchPersistentContext(profile, { executablePath: CHROMIUM, headless: true, args: ['--no-sandbox', '--disable-gpu'] });
  try {
    const page = await context.newPage();
    await page.setViewportSize({ width: WIDTH, height: HEIGHT });
    await page.setContent(`<div id="cy" style="width:${WIDTH}px;height:${HEIGHT}px"></div>`);
    await page.addScriptTag({ content: script });
    const run = page.evaluate(([n, e]) => (window as unknown as { runBaseline: (a: unknown, b: unknown) => Promise<number> }).runBaseline(n, e), [nodes, edges] as const);
    const timeout = new Promise<undefined>((resolve) => setTimeout(() => resolve(undefined), BASELINE_TIMEOUT_MS));
    return await Promise.race([run, timeout]);
  } finally {
    await context.close().catch(() => {});
    rmSync(profile, { recursive: true, force: true });
  }
}

async function main() {
  const sizes = process.argv.slice(2).map(Number).filter(Boolean);
  const bundle = await build({ entryPoints: [join(__dirname, 'lib/cytoscapeBaseline.ts')], bundle: true, write: false, format: 'iife', minify: true });
  const script = bundle.outputFiles[0].text;
  const dir = mkdtempSync(join(tmpdir(), 'meshlens-bench-'));
  const rows: Array<Record<string, string | number>> = [];
  for (const workloads of sizes.length ? sizes : [1000, 5000]) {
    const samples = syntheticMesh(workloads);
    const input = join(dir, `mesh-${workloads}.json`);
    writeFileSync(input, JSON.stringify(samplesToFramesJSON(samples)));
    const result = framesToGraph([tableFrame(samples, 'istio_requests_total')], { ...defaultMeshGraphPanelOptions, ...options });
    if (!result.ok) {
      throw new Error(result.error);
    }
    const { nodes, edges } = result.graph;
    const harness = await openHarness(input);
    let row: Record<string, string | number>;
    try {
      const { page, metrics } = await harness.render({ kind: 'meshgraph', input, width: WIDTH, height: HEIGHT, options, timeoutMs: 60_000 });
      const frames = metrics.ok ? await panZoomFrames(page) : { p50: NaN, p95: NaN, max: NaN };
      row = {
        nodes: nodes.length,
        edges: edges.length,
        'MeshLens first paint ms': metrics.firstRenderMs ?? 'n/a',
        'longest task ms': metrics.longestTaskMs,
        'heap MB': metrics.jsHeapMB ?? 'n/a',
        'pan/zoom frame p50/p95/max ms': `${frames.p50}/${frames.p95}/${frames.max}`,
      };
      await page.close();
    } finally {
      await harness.close();
    }
    const cy = await baseline(
      nodes.map((n) => n.id),
      edges.map((e) => [e.source, e.target]),
      script
    );
    row['cytoscape+dagre first paint ms'] = cy === undefined ? `> ${BASELINE_TIMEOUT_MS}` : Math.round(cy);
    const ours = Number(row['MeshLens first paint ms']);
    row['ratio'] = cy === undefined ? `> ${Math.round(BASELINE_TIMEOUT_MS / ours)}×` : `${Math.round(cy / ours)}×`;
    rows.push(row);
    console.error(`measured ${workloads} workloads`);
  }
  rmSync(dir, { recursive: true, force: true });
  printRows('Mesh graph in headless Chromium, 1600×1000 (workload graph of a synthetic Istio mesh), MeshLens vs cytoscape + cytoscape-dagre (Kiali 1.x)', rows);
}

main().catch((e) => {
  console.error(e);
  process.exitCode = 1;
});
