import { readFileSync } from 'node:fs';
import { createServer, type Server } from 'node:http';
import { freePort } from '../lib/prometheus';

export interface ZipkinFixture {
  url: string;
  close(): Promise<void>;
}

/**
 * Zipkin's v2 API over fixture span lists: `GET /api/v2/trace/<id>` answers the trace's spans (as Zipkin
 * does, lowercase hex id), or Zipkin's 404. The only call Grafana's Zipkin data source makes for a trace id.
 */
export async function startZipkinFixture(files: string[]): Promise<ZipkinFixture> {
  const spans = files.flatMap((f) => JSON.parse(readFileSync(f, 'utf8')) as Array<{ traceId: string }>);
  const port = await freePort();
  const server: Server = createServer((req, res) => {
    const m = /^\/api\/v2\/trace\/([^/]+)$/.exec(new URL(req.url ?? '/', 'http://x').pathname);
    const id = m ? decodeURIComponent(m[1]).toLowerCase().padStart(16, '0') : undefined;
    const trace = id ? spans.filter((s) => s.traceId === id) : [];
    if (trace.length === 0) {
      return res.writeHead(404, { 'Content-Type': 'text/plain' }).end(id ? `Trace not found` : 'Not Found');
    }
    return res.writeHead(200, { 'Content-Type': 'application/json' }).end(JSON.stringify(trace));
  });
  await new Promise<void>((resolve) => server.listen(port, '127.0.0.1', resolve));
  return { url: `http://127.0.0.1:${port}`, close: () => new Promise((r) => server.close(() => r())) };
}
