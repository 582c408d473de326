import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { chromium, type BrowserContext, type Page } from 'playwright-core';
import { buildHost, hostIsStale, VENDOR } from './build-host';
import { startServer, type HarnessServer, type ServerOptions } from './server';

export const CHROMIUM = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';
// Without the background-networking flags Chromium keeps dialling out on this closed network.
const ARGS = [
  '--no-sandbox',
  '--disable-gpu',
  '--disable-quic',
  '--no-first-run',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
  '--enable-precise-memory-info',
];

/** Where browser tests write screenshots: one folder per vendor set, so the two host runs keep both. */
export function artifactsDir(): string {
  return VENDOR.artifacts;
}

export type Kind = 'trace' | 'meshgraph' | 'app' | 'app-config' | 'dashboard';

export interface RenderOptions {
  kind: Kind;
  input?: string;
  width?: number;
  height?: number;
  theme?: 'dark' | 'light';
  options?: Record<string, unknown>;
  path?: string;
  timeoutMs?: number;
  /** Loads another AMD module instead of the built plugin (the harness's own tests only). */
  moduleUrl?: string;
  /** The app's jsonData (defaults: the provisioned data source uids). */
  jsonData?: Record<string, unknown>;
  /** The harness Prometheus data source's scrape interval (its `timeInterval`, behind $__rate_interval); default 1s. */
  scrapeInterval?: string;
  /** kind dashboard: the generated dashboard file under src/dashboards/, its variable overrides (as var-<name>) and range. */
  dashboard?: string;
  vars?: Record<string, string[]>;
  rangeSeconds?: number;
  /** Why a panel is empty, by title: the preview prints it under "No data". */
  emptyReasons?: Record<string, string>;
  /** Extra wait after the view is ready, e.g. until the page's data arrived: a selector that must appear. */
  waitFor?: string;
  /** Called with the fresh page before it loads, e.g. to attach a profiler (benchmarks). */
  onPage?: (page: Page) => Promise<void> | void;
}

export interface RenderMetrics {
  ok: boolean;
  panelMessage: string | null;
  pageErrors: string[];
  firstRenderMs: number | null;
  longestTaskMs: number;
  jsHeapMB: number | null;
  /** Data source queries the page sent (harness Prometheus), their summed time, and the expressions. */
  queries?: { count: number; totalMs: number; exprs: string[] };
}

export interface Harness {
  render(opts: RenderOptions): Promise<{ page: Page; metrics: RenderMetrics }>;
  close(): Promise<void>;
}

/** One Chromium and one server for many renders; each render gets a fresh page. */
export async function openHarness(inputFile?: string, options: ServerOptions = {}): Promise<Harness> {
  if (hostIsStale()) {
    await buildHost();
  }
  const server: HarnessServer = await startServer(inputFile, options);
  const profile = mkdtempSync(join(tmpdir(), 'meshlens-chromium-'));
  const context: BrowserContext = await chromium.launchPersistentContext(profile, {
    executablePath: CHROMIUM,
    headless: true,
    args: ARGS,
  });
  return {
    render: (opts) => renderOnce(context, server.url, opts),
    close: async () => {
      await context.close().catch(() => {});
      await server.close();
      rmSync(profile, { recursive: true, force: true });
    },
  };
}

async function renderOnce(context: BrowserContext, baseUrl: string, opts: RenderOptions) {
  const width = opts.width ?? 1200;
  const height = opts.height ?? 700;
  const page = await context.newPage();
  await page.setViewportSize({ width, height });
  await opts.onPage?.(page);
  const pageErrors: string[] = [];
  page.on('pageerror', (e) => pageErrors.push(`pageerror: ${e.message}`));
  page.on('response', (r) => {
    if (r.status() >= 400) {
      pageErrors.push(`http ${r.status()}: ${new URL(r.url()).pathname}`);
    }
  });
  page.on('console', (m) => {
    // The response handler above names the URL; this console line would only repeat it without one.
    if (m.type() === 'error' && !m.text().startsWith('Failed to load resource')) {
      pageErrors.push(`console.error: ${m.text()}`);
    }
  });
  page.on('crash', () => pageErrors.push('crash: the page crashed'));
  const q = new URLSearchParams({
    kind: opts.kind,
    theme: opts.theme ?? 'dark',
    width: String(width),
    height: String(height),
    options: JSON.stringify(opts.options ?? {}),
  });
  if (opts.input) {
    q.set('input', '/input');
  }
  if (opts.path) {
    q.set('path', opts.path);
  }
  if (opts.moduleUrl) {
    q.set('module', opts.moduleUrl);
  }
  if (opts.dashboard) {
    // A file name under src/dashboards/, or a URL path the server answers (the CLI's input file is /input).
    q.set('dashboard', opts.dashboard.startsWith('/') ? opts.dashboard : `/dashboards/${opts.dashboard}`);
    q.set('vars', JSON.stringify(opts.vars ?? {}));
    q.set('range', String(opts.rangeSeconds ?? 180));
    q.set('reasons', JSON.stringify(opts.emptyReasons ?? {}));
  }
  if (opts.jsonData) {
    q.set('jsonData', JSON.stringify(opts.jsonData));
  }
  if (opts.scrapeInterval) {
    q.set('scrapeInterval', opts.scrapeInterval);
  }
  const timeoutMs = opts.timeoutMs ?? 30_000;
  const loaded = await page.goto(`${baseUrl}/?${q}`, { timeout: timeoutMs }).then(
    () => true,
    () => false
  );
  if (!loaded) {
    pageErrors.push(`timeout: the page did not finish loading within ${timeoutMs} ms (the main thread is blocked)`);
  }
  const phase = !loaded
    ? 'timeout'
    : await page
    .waitForFunction(
      () => {
        const s = (window as any).__meshlens;
        return s && (s.phase === 'ready' || s.phase === 'error') ? s.phase : false;
      },
      undefined,
      { timeout: timeoutMs, polling: 50 }
    )
    .then((h) => h.jsonValue() as Promise<string>)
    .catch(() => 'timeout');
  if (phase === 'timeout' && loaded) {
    pageErrors.push(`timeout: the plugin showed neither its view nor a message within ${timeoutMs} ms`);
  } else if (opts.waitFor) {
    await page.waitForSelector(opts.waitFor, { timeout: timeoutMs }).catch(() => pageErrors.push(`timeout: ${opts.waitFor} did not appear within ${timeoutMs} ms`));
  }
  // Grafana's fonts load on first use (font-display: swap): screenshots wait for them, as a user sees the page.
  await page.evaluate(() => document.fonts.ready.then(() => undefined));
  const metrics = await collectMetrics(page, pageErrors, phase === 'ready');
  return { page, metrics };
}

async function collectMetrics(page: Page, pageErrors: string[], ready: boolean): Promise<RenderMetrics> {
  const state = await page
    .evaluate(() => {
      const s = (window as any).__meshlens ?? {};
      const message = document.querySelector('[data-testid="meshlens-panel-message"]');
      return {
        error: s.error as string | undefined,
        dataHandedAt: s.dataHandedAt as number | undefined,
        readyAt: s.readyAt as number | undefined,
        longTasks: (s.longTasks ?? []) as Array<[number, number]>,
        message: message ? (message.textContent ?? '').trim() : null,
        normalView: Boolean(document.querySelector('[data-meshlens-ready="true"]')),
        queries: s.queries as RenderMetrics['queries'],
      };
    })
    .catch((e: Error) => ({
      error: e.message,
      dataHandedAt: undefined,
      readyAt: undefined,
      longTasks: [],
      message: null,
      normalView: false,
      queries: undefined,
    }));
  if (state.error) {
    pageErrors.push(`host: ${state.error}`);
  }
  let jsHeapMB: number | null = null;
  try {
    const cdp = await page.context().newCDPSession(page);
    await cdp.send('HeapProfiler.collectGarbage');
    await cdp.send('Performance.enable');
    const { metrics } = await cdp.send('Performance.getMetrics');
    const used = metrics.find((m) => m.name === 'JSHeapUsedSize')?.value;
    jsHeapMB = used === undefined ? null : Math.round((used / 1048576) * 10) / 10;
    await cdp.detach();
  } catch (e) {
    pageErrors.push(`harness: heap not measured: ${(e as Error).message}`);
  }
  const firstRenderMs =
    ready && state.readyAt !== undefined && state.dataHandedAt !== undefined ? Math.round(state.readyAt - state.dataHandedAt) : null;
  return {
    ok: ready && state.normalView && !state.error,
    panelMessage: state.message,
    pageErrors,
    firstRenderMs,
    // Only tasks that ran after the data was handed over: page and module loading are not the plugin's cost.
    longestTaskMs: Math.round(
      Math.max(0, ...state.longTasks.filter(([start, d]) => start + d >= (state.dataHandedAt ?? 0)).map(([, d]) => d))
    ),
    jsHeapMB,
    queries: state.queries ? { ...state.queries, totalMs: Math.round(state.queries.totalMs) } : undefined,
  };
}
