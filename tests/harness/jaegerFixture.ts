import { readFileSync } from 'node:fs';
import { createServer, type Server } from 'node:http';
import { freePort } from '../lib/prometheus';

/** A Jaeger query API trace object (µs), as the fixture files hold them. */
interface JaegerTrace {
  traceID: string;
  spans: Array<{
    spanID: string;
    operationName: string;
    startTime: number;
    duration: number;
    processID: string;
    references?: Array<{ refType: string; spanID: string }>;
  }>;
  processes: Record<string, { serviceName: string }>;
}

export interface JaegerFixture {
  url: string;
  traces: JaegerTrace[];
  close(): Promise<void>;
}

/**
 * Jaeger's HTTP query API over fixture traces: `GET /api/traces?service=&operation=&minDuration=&limit=`
 * (traces with a span of that service), `GET /api/services`, `GET /api/services/<service>/operations` and
 * `GET /api/traces/<id>`, with Jaeger's 404 body for an
 * unknown id. Enough for the traces page's search and open; tags and time filters are not applied.
 */
export async function startJaegerFixture(files: string[]): Promise<JaegerFixture> {
  // A bare trace (the fixtures) or the query API's envelope `{ data: [trace] }` (the simulator's files).
  const traces = files.map((f) => {
    const parsed = JSON.parse(readFileSync(f, 'utf8')) as JaegerTrace | { data: JaegerTrace[] };
    return 'data' in parsed ? parsed.data[0] : parsed;
  });
  const port = await freePort();
  const server: Server = createServer((req, res) => {
    const url = new URL(req.url ?? '/', 'http://x');
    const json = (status: number, body: unknown) =>
      res.writeHead(status, { 'Content-Type': 'application/json' }).end(JSON.stringify(body));
    const byId = /^\/api\/traces\/([^/]+)$/.exec(url.pathname);
    if (byId) {
      const trace = traces.find((t) => t.traceID === decodeURIComponent(byId[1]));
      return trace
        ? json(200, { data: [trace] })
        : json(404, { data: null, errors: [{ code: 404, msg: 'trace not found' }] });
    }
    // Jaeger's lists for the search form: every service, and a service's operations (its spans' names).
    if (url.pathname === '/api/services') {
      const names = new Set(traces.flatMap((t) => Object.values(t.processes).map((p) => p.serviceName)));
      return json(200, { data: [...names].sort(), total: names.size });
    }
    const ops = /^\/api\/services\/([^/]+)\/operations$/.exec(url.pathname);
    if (ops) {
      const service = decodeURIComponent(ops[1]);
      const names = new Set(
        traces.flatMap((t) =>
          t.spans.filter((s) => t.processes[s.processID]?.serviceName === service).map((s) => s.operationName)
        )
      );
      return json(200, { data: [...names].sort(), total: names.size });
    }
    if (url.pathname === '/api/traces') {
      const service = url.searchParams.get('service') ?? '';
      const operation = url.searchParams.get('operation');
      const minUs = durationUs(url.searchParams.get('minDuration'));
      const limit = Number(url.searchParams.get('limit') ?? 20);
      const hits = traces
        .filter((t) =>
          t.spans.some(
            (s) => t.processes[s.processID]?.serviceName === service && (!operation || s.operationName === operation)
          )
        )
        .filter((t) => minUs === undefined || Math.max(...t.spans.map((s) => s.duration)) >= minUs)
        .slice(0, limit);
      return json(200, { data: hits });
    }
    return json(404, { errors: [{ code: 404, msg: `no route ${url.pathname}` }] });
  });
  await new Promise<void>((resolve) => server.listen(port, '127.0.0.1', resolve));
  return { url: `http://127.0.0.1:${port}`, traces, close: () => new Promise((r) => server.close(() => r())) };
}

function durationUs(text: string | null): number | undefined {
  const m = text ? /^(\d+(?:\.\d+)?)(us|µs|ms|s)$/.exec(text) : null;
  return m ? Number(m[1]) * { us: 1, µs: 1, ms: 1000, s: 1e6 }[m[2] as 'us'] : undefined;
}
