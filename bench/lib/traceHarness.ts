/**
 * What every trace bench does around its measurement: the trace text in a temporary file, the harness opened on it,
 * the trace panel rendered at 1600×1000, and everything closed and removed afterwards.
 */
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { type Page } from 'playwright-core';
import { openHarness, type RenderMetrics } from '../../tests/harness/browser';

export interface TraceRenderOptions {
  timeoutMs?: number;
  /** Runs on the page before the host loads (CDP sessions, observers). */
  onPage?: (page: Page) => Promise<void> | void;
}

/** Renders `text` as a trace file in the panel and hands the page to `measure`; throws when the panel shows an error. */
export async function withRenderedTrace<T>(
  text: string,
  measure: (page: Page, metrics: RenderMetrics) => Promise<T>,
  { timeoutMs = 120_000, onPage }: TraceRenderOptions = {}
): Promise<T> {
  const dir = mkdtempSync(join(tmpdir(), 'meshlens-trace-bench-'));
  const file = join(dir, 'trace.json');
  writeFileSync(file, text);
  const harness = await openHarness(file);
  try {
    const { page, metrics } = await harness.render({
      kind: 'trace',
      input: file,
      width: 1600,
      height: 1000,
      timeoutMs,
      onPage,
    });
    if (!metrics.ok) {
      throw new Error(`render failed: ${JSON.stringify(metrics)}`);
    }
    return await measure(page, metrics);
  } finally {
    await harness.close();
    rmSync(dir, { recursive: true, force: true });
  }
}
