import { createServer, request, type Server } from 'node:http';
import { type AddressInfo } from 'node:net';
import { isDeepStrictEqual } from 'node:util';
import type { Page } from 'playwright-core';
import { type Harness } from '../harness/browser';

/**
 * One Prometheus URL for the harness in front of several real Prometheus servers: `use(url)` picks the one the
 * next page reads, so one Chromium serves every fixture mesh. Forwards method, path, headers and body as they are.
 */
export async function startSwitch(): Promise<{ url: string; use(target: string): void; close(): Promise<void> }> {
  let target = '';
  const server: Server = createServer((req, res) => {
    if (!target) {
      res.writeHead(503).end('no Prometheus chosen');
      return;
    }
    const to = new URL(req.url ?? '/', target);
    const upstream = request(to, { method: req.method, headers: { ...req.headers, host: to.host } }, (up) => {
      res.writeHead(up.statusCode ?? 502, up.headers);
      up.pipe(res);
    });
    upstream.on('error', (e) => res.writeHead(502).end(String(e)));
    req.pipe(upstream);
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}`,
    use: (url) => (target = url),
    close: () => new Promise<void>((resolve) => server.close(() => resolve())),
  };
}

export const APP = '/a/meshlens-istio-app';
/**
 * Stats are rates over the picked range: 5 s, as the integration tests' window, ending 2 s ago as the integration
 * tests' `now-5`. Ending at `now`, a scrape late under load (1 s interval) left more than 1.1 intervals between the last
 * sample and the window's end, so Prometheus extrapolated only half an interval and the exact rate read ~17 % low.
 */
export const RANGE = 'from=now-7s&to=now-2s';

export interface Shown {
  /** Whole visible text of the page, for messages. */
  text: string;
  pageErrors: string[];
}

/** Opens an app page and waits for `waitFor` (or a settle time for pages without a ready marker). */
export async function open(harness: Harness, path: string, waitFor?: string): Promise<{ page: Page; shown: Shown }> {
  // Generous: on the shared 2-core machine a page's first render has taken over 40 s under load.
  const { page, metrics } = await harness.render({ kind: 'app', path, width: 1400, height: 900, waitFor, timeoutMs: 90_000 });
  return { page, shown: { text: await page.locator('body').innerText(), pageErrors: metrics.pageErrors } };
}

/**
 * Opens the page until `read` gives `expected`, at most `tries` times a second apart, and returns the last page (open)
 * with its reading; the caller asserts it. The replayed counters are exact (rate = recorded value / 60), but a scrape
 * that a loaded machine answers late or misses shortens Prometheus' extrapolation over the 5 s window (a CI run read
 * 0.0141 req/s for 1/60); a page opened a second later reads regular scrapes again. A wrong figure is wrong every time.
 */
export async function openUntil<T>(
  harness: Harness,
  path: string,
  waitFor: string,
  read: (page: Page) => Promise<T>,
  expected: T,
  tries = 3
): Promise<{ page: Page; shown: Shown; got: T }> {
  for (let i = 1; ; i++) {
    const opened = await open(harness, path, waitFor);
    const got = await read(opened.page);
    if (isDeepStrictEqual(got, expected) || i >= tries) {
      return { ...opened, got };
    }
    await opened.page.close();
    await new Promise((r) => setTimeout(r, 1000));
  }
}

/** What the graph shows: node and edge labels (the panel's accessible list), sorted. */
export async function graphShows(page: Page): Promise<{ nodes: string[]; edges: string[] }> {
  const labels = await page.locator('[aria-label^="Node: "], [aria-label^="Edge: "]').evaluateAll((els) => els.map((e) => e.getAttribute('aria-label') ?? ''));
  return {
    nodes: labels.filter((l) => l.startsWith('Node: ')).map((l) => l.slice(6)).sort(),
    edges: labels.filter((l) => l.startsWith('Edge: ')).map((l) => l.slice(6)).sort(),
  };
}

/** The overview's rows as their cell texts, by namespace. */
export async function overviewShows(page: Page): Promise<Record<string, string[]>> {
  const rows = await page
    .locator('[data-testid="meshlens-namespace-row"]')
    .evaluateAll((els) => els.map((el) => Array.from(el.querySelectorAll('[role="cell"]'), (c) => (c.textContent ?? '').trim())));
  return Object.fromEntries(rows.map((cells) => [cells[0], cells]));
}

/** The health word the graph's accessible list gives a node or edge (`Node: x` / `Edge: a → b`). */
export async function listedHealth(page: Page, label: string): Promise<string> {
  const text = await page.locator(`[aria-label="${label}"]`).innerText();
  return text.trim().split(/\s+/).pop() ?? '';
}
