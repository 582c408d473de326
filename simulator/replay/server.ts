import { createServer, type Server } from 'node:http';
import { type AddressInfo } from 'node:net';
import { parseScrape, renderScrape, type ParsedScrape } from './exposition';

export interface ReplayOptions {
  /** Seconds for every growing sample to add its recorded value once: rate() = value / period. Default 60. */
  periodSeconds?: number;
  /** Milliseconds clock, injectable for tests. Default Date.now. */
  now?: () => number;
  host?: string;
  /** 0 (default) picks a free port. */
  port?: number;
}

export interface RunningReplay {
  url: string;
  /** `host:port`, as a Prometheus static target. */
  target: string;
  parsed: ParsedScrape;
  periodSeconds: number;
  /** Unix ms at which the recorded values are served unchanged. */
  startedAt: number;
  stop(): Promise<void>;
}

const OPENMETRICS = 'application/openmetrics-text; version=1.0.0; charset=utf-8';
const TEXT = 'text/plain; version=0.0.4; charset=utf-8';

/**
 * Serves a recorded scrape on `GET /metrics` with growing counters (see exposition.ts), every sample stamped
 * with the instant its value was computed for. Parses once at start, so a fixture that cannot be read fails
 * here with its line number, not at the first scrape.
 */
export async function startReplay(text: string, options: ReplayOptions = {}): Promise<RunningReplay> {
  const parsed = parseScrape(text);
  const periodSeconds = options.periodSeconds ?? 60;
  if (!(periodSeconds > 0)) {
    throw new Error(`periodSeconds must be positive, got ${periodSeconds}`);
  }
  const now = options.now ?? Date.now;
  const startedAt = Math.floor(now());
  const server: Server = createServer((req, res) => {
    if (req.method !== 'GET' || (req.url ?? '').split('?')[0] !== '/metrics') {
      res.writeHead(404, { 'Content-Type': 'text/plain' }).end('only GET /metrics\n');
      return;
    }
    // Whole milliseconds: the value is computed for exactly the timestamp it is served with.
    const at = Math.floor(now());
    const body = renderScrape(parsed, (at - startedAt) / 1000, periodSeconds, at);
    res.writeHead(200, { 'Content-Type': parsed.openMetrics ? OPENMETRICS : TEXT }).end(body);
  });
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(options.port ?? 0, options.host ?? '127.0.0.1', resolve);
  });
  const { address, port } = server.address() as AddressInfo;
  const target = `${address}:${port}`;
  return {
    url: `http://${target}`,
    target,
    parsed,
    periodSeconds,
    startedAt,
    stop: () => new Promise<void>((resolve) => server.close(() => resolve())),
  };
}
