import { readFileSync } from 'node:fs';
import { createServer, type Server } from 'node:http';
import { freePort } from '../lib/prometheus';

/** A Jaeger query API trace (µs), as the fixture files hold them. */
interface JaegerSpan {
  spanID: string;
  operationName: string;
  startTime: number;
  duration: number;
  processID: string;
  references?: Array<{ refType: string; spanID: string }>;
  tags?: Array<{ key: string; value: unknown }>;
}
interface JaegerTrace {
  traceID: string;
  spans: JaegerSpan[];
  processes: Record<string, { serviceName: string }>;
}

export interface TempoFixture {
  url: string;
  /** The TraceQL queries the fixture was asked, in order (what the page built). */
  queries: string[];
  close(): Promise<void>;
}

/** One `<attribute> <op> <literal>` of a TraceQL span selector joined by `&&` (the subset the traces page writes). */
const COND =
  /\s*(resource\.service\.name|name|duration|(?:span|resource)?\.[A-Za-z0-9_.\-/:]+)\s*(=|>=|<=)\s*("(?:[^"\\]|\\.)*"|[^\s&}]+)\s*(?:&&|$)/y;

type Cond = { attr: string; op: string; value: string | number | boolean };

function parseTraceql(q: string): Cond[] {
  const m = /^\s*\{(.*)\}\s*$/s.exec(q);
  if (!m) {
    throw new Error(`parse error: expected a span selector { ... }, got ${q}`);
  }
  const body = m[1].trim();
  const conds: Cond[] = [];
  COND.lastIndex = 0;
  while (COND.lastIndex < body.length) {
    const c = COND.exec(body);
    if (!c) {
      throw new Error(`parse error at: ${body.slice(COND.lastIndex)}`);
    }
    const raw = c[3];
    const value = raw.startsWith('"')
      ? (JSON.parse(raw) as string)
      : c[1] === 'duration'
        ? durationUs(raw)
        : raw === 'true' || raw === 'false'
          ? raw === 'true'
          : Number(raw);
    conds.push({ attr: c[1], op: c[2], value });
  }
  return conds;
}

function durationUs(text: string): number {
  const m = /^(\d+(?:\.\d+)?)(ns|us|ms|s|m|h)$/.exec(text);
  if (!m) {
    throw new Error(`parse error: bad duration ${text}`);
  }
  return Number(m[1]) * { ns: 0.001, us: 1, ms: 1e3, s: 1e6, m: 6e7, h: 3.6e9 }[m[2] as 'us'];
}

function spanMatches(t: JaegerTrace, s: JaegerSpan, conds: Cond[]): boolean {
  return conds.every(({ attr, op, value }) => {
    if (attr === 'duration') {
      return op === '>='
        ? s.duration >= (value as number)
        : op === '<='
          ? s.duration <= (value as number)
          : s.duration === value;
    }
    const actual =
      attr === 'resource.service.name'
        ? t.processes[s.processID]?.serviceName
        : attr === 'name'
          ? s.operationName
          : s.tags?.find((x) => x.key === attr.replace(/^(span|resource)?\./, ''))?.value;
    // TraceQL is typed: a string literal never equals a number attribute and the other way round.
    return op === '=' && actual !== undefined && typeof actual === typeof value && actual === value;
  });
}

const ns = (us: number) => String(BigInt(Math.round(us)) * BigInt(1000));

function searchEntry(t: JaegerTrace, matched: JaegerSpan[]) {
  const root = t.spans.find((s) => !s.references?.some((r) => r.refType === 'CHILD_OF')) ?? t.spans[0];
  const start = Math.min(...t.spans.map((s) => s.startTime));
  const end = Math.max(...t.spans.map((s) => s.startTime + s.duration));
  return {
    traceID: t.traceID,
    rootServiceName: t.processes[root.processID]?.serviceName ?? '',
    rootTraceName: root.operationName,
    startTimeUnixNano: ns(start),
    durationMs: Math.round((end - start) / 1000) || undefined,
    spanSets: [
      {
        spans: matched
          .slice(0, 3)
          .map((s) => ({ spanID: s.spanID, startTimeUnixNano: ns(s.startTime), durationNanos: ns(s.duration) })),
        matched: matched.length,
      },
    ],
  };
}

/** A trace as Tempo's `/api/traces/<id>` answers in OTLP JSON (hex ids; OTLP status code 2 for Jaeger's error tag). */
function otlp(t: JaegerTrace) {
  const byService = new Map<string, JaegerSpan[]>();
  for (const s of t.spans) {
    const svc = t.processes[s.processID]?.serviceName ?? '';
    byService.set(svc, [...(byService.get(svc) ?? []), s]);
  }
  return {
    batches: [...byService].map(([service, spans]) => ({
      resource: { attributes: [{ key: 'service.name', value: { stringValue: service } }] },
      scopeSpans: [
        {
          spans: spans.map((s) => ({
            traceId: t.traceID,
            spanId: s.spanID,
            parentSpanId: s.references?.find((r) => r.refType === 'CHILD_OF')?.spanID ?? '',
            name: s.operationName,
            startTimeUnixNano: ns(s.startTime),
            endTimeUnixNano: ns(s.startTime + s.duration),
            attributes: (s.tags ?? []).map((x) => ({ key: x.key, value: { stringValue: String(x.value) } })),
            status: {
              code: s.tags?.some((x) => x.key === 'error' && (x.value === true || x.value === 'true')) ? 2 : 0,
            },
          })),
        },
      ],
    })),
  };
}

/**
 * Tempo's HTTP API over real fixture traces (Jaeger JSON files): `GET /api/search?q=<TraceQL>&limit=`
 * evaluates the span selector the traces page writes (service, name, attributes, duration) and answers
 * Tempo's search JSON; `GET /api/traces/<id>` answers OTLP JSON, or Tempo's 404 text. Time filters are not applied.
 */
export async function startTempoFixture(files: string[]): Promise<TempoFixture> {
  const traces = files.map((f) => JSON.parse(readFileSync(f, 'utf8')) as JaegerTrace);
  const queries: string[] = [];
  const port = await freePort();
  const server: Server = createServer((req, res) => {
    const url = new URL(req.url ?? '/', 'http://x');
    const json = (status: number, body: unknown) =>
      res.writeHead(status, { 'Content-Type': 'application/json' }).end(JSON.stringify(body));
    const byId = /^\/api\/traces\/([^/]+)$/.exec(url.pathname);
    if (byId) {
      const trace = traces.find((t) => t.traceID === decodeURIComponent(byId[1]).toLowerCase());
      return trace
        ? json(200, otlp(trace))
        : res.writeHead(404, { 'Content-Type': 'text/plain' }).end('trace not found\n');
    }
    if (url.pathname === '/api/search') {
      const q = url.searchParams.get('q') ?? '';
      queries.push(q);
      let conds: Cond[];
      try {
        conds = parseTraceql(q);
      } catch (e) {
        return res.writeHead(400, { 'Content-Type': 'text/plain' }).end((e as Error).message);
      }
      const limit = Number(url.searchParams.get('limit') ?? 20);
      const found = traces
        .map((t) =>
          searchEntry(
            t,
            t.spans.filter((s) => spanMatches(t, s, conds))
          )
        )
        .filter((e) => e.spanSets[0].matched > 0)
        .slice(0, limit);
      return json(200, { traces: found, metrics: { inspectedTraces: traces.length } });
    }
    return res.writeHead(404, { 'Content-Type': 'text/plain' }).end(`404 page not found: ${url.pathname}`);
  });
  await new Promise<void>((resolve) => server.listen(port, '127.0.0.1', resolve));
  return { url: `http://127.0.0.1:${port}`, queries, close: () => new Promise((r) => server.close(() => r())) };
}
