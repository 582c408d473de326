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
  /** Tag value lookups, `<tag> <q>` in order. */
  tagRequests: string[];
  close(): Promise<void>;
}

/** One `<attribute> <op> <literal>` of a TraceQL span selector. */
type Cond = { attr: string; op: string; value: string | number | boolean };
/** The span selector's expression: conditions joined by && and ||, with parentheses (the subset the traces page writes). */
type Expr = { and: Expr[] } | { or: Expr[] } | Cond;

const TOKEN =
  /\s*(?:(&&|\|\||\(|\))|(resource\.service\.name|name|duration|(?:span|resource)?\.[A-Za-z0-9_.\-/:]+)\s*(=~|!=|=|>=|<=)\s*("(?:[^"\\]|\\.)*"|[^\s&|)}]+))/y;

/** Parses `{ … }`; an empty selector matches every span. Throws Tempo-like parse errors. */
export function parseTraceql(q: string): Expr {
  const m = /^\s*\{(.*)\}\s*$/s.exec(q);
  if (!m) {
    throw new Error(`parse error: expected a span selector { ... }, got ${q}`);
  }
  const body = m[1];
  const tokens: Array<string | Cond> = [];
  TOKEN.lastIndex = 0;
  while (body.slice(TOKEN.lastIndex).trim()) {
    const at = TOKEN.lastIndex;
    const t = TOKEN.exec(body);
    if (!t) {
      throw new Error(`parse error at: ${body.slice(at)}`);
    }
    if (t[1]) {
      tokens.push(t[1]);
      continue;
    }
    const raw = t[4];
    const value = raw.startsWith('"')
      ? // Tempo reads TraceQL strings with Go's escapes; `\xHH` (MeshLens writes `$` as `\x24`) is not JSON.
        (JSON.parse(raw.replace(/(^|[^\\])((?:\\\\)*)\\x([0-9a-fA-F]{2})/g, '$1$2\\u00$3')) as string)
      : t[2] === 'duration'
        ? durationUs(raw)
        : raw === 'true' || raw === 'false'
          ? raw === 'true'
          : Number(raw);
    tokens.push({ attr: t[2], op: t[3], value });
  }
  let i = 0;
  const primary = (): Expr => {
    const t = tokens[i++];
    if (t === '(') {
      const e = or();
      if (tokens[i++] !== ')') {
        throw new Error('parse error: missing )');
      }
      return e;
    }
    if (t === undefined || typeof t === 'string') {
      throw new Error(`parse error: unexpected ${t ?? 'end'}`);
    }
    return t;
  };
  const and = (): Expr => {
    const parts = [primary()];
    while (tokens[i] === '&&') {
      i++;
      parts.push(primary());
    }
    return { and: parts };
  };
  const or = (): Expr => {
    const parts = [and()];
    while (tokens[i] === '||') {
      i++;
      parts.push(and());
    }
    return { or: parts };
  };
  if (tokens.length === 0) {
    return { and: [] };
  }
  const e = or();
  if (i !== tokens.length) {
    throw new Error(`parse error: unexpected ${String(tokens[i])}`);
  }
  return e;
}

function durationUs(text: string): number {
  const m = /^(\d+(?:\.\d+)?)(ns|us|ms|s|m|h)$/.exec(text);
  if (!m) {
    throw new Error(`parse error: bad duration ${text}`);
  }
  return Number(m[1]) * { ns: 0.001, us: 1, ms: 1e3, s: 1e6, m: 6e7, h: 3.6e9 }[m[2] as 'us'];
}

function condMatches(t: JaegerTrace, s: JaegerSpan, { attr, op, value }: Cond): boolean {
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
  if (op === '=~') {
    // TraceQL regexes are RE2 and anchored on the whole value.
    return typeof actual === 'string' && new RegExp(`^(?:${value as string})$`).test(actual);
  }
  // TraceQL is typed: a string literal never equals a number attribute and the other way round.
  const equal = actual !== undefined && typeof actual === typeof value && actual === value;
  return op === '!=' ? actual !== undefined && !equal : op === '=' && equal;
}

/** Whether the span satisfies the selector's expression. */
export function spanMatches(t: JaegerTrace, s: JaegerSpan, e: Expr): boolean {
  if ('and' in e) {
    return e.and.every((x) => spanMatches(t, s, x));
  }
  if ('or' in e) {
    return e.or.some((x) => spanMatches(t, s, x));
  }
  return condMatches(t, s, e);
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
 * evaluates the span selector the traces page writes (service, name, attributes, duration; =, !=, =~, && and
 * || with parentheses) and answers
 * Tempo's search JSON; `GET /api/v2/search/tag/<tag>/values?q=` lists service or span names (scoped by q);
 * `GET /api/traces/<id>` answers OTLP JSON, or Tempo's 404 text. Time filters are not applied.
 */
export async function startTempoFixture(files: string[]): Promise<TempoFixture> {
  // A bare trace (the fixtures) or the query API's envelope `{ data: [trace] }` (the simulator's files).
  const traces = files.map((f) => {
    const parsed = JSON.parse(readFileSync(f, 'utf8')) as JaegerTrace | { data: JaegerTrace[] };
    return 'data' in parsed ? parsed.data[0] : parsed;
  });
  const queries: string[] = [];
  const tagRequests: string[] = [];
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
    const tagValues = /^\/api\/v2\/search\/tag\/([^/]+)\/values$/.exec(url.pathname);
    if (tagValues) {
      // Tempo's tag values, scoped by `q` (a span selector) when given: resource.service.name and the name intrinsic.
      const tag = decodeURIComponent(tagValues[1]);
      let scope: Expr = { and: [] };
      try {
        scope = url.searchParams.get('q') ? parseTraceql(url.searchParams.get('q')!) : scope;
      } catch (e) {
        return res.writeHead(400, { 'Content-Type': 'text/plain' }).end((e as Error).message);
      }
      tagRequests.push(`${tag} ${url.searchParams.get('q') ?? ''}`.trim());
      const values = new Set<string>();
      for (const t of traces) {
        for (const sp of t.spans.filter((x) => spanMatches(t, x, scope))) {
          const v =
            tag === 'resource.service.name'
              ? t.processes[sp.processID]?.serviceName
              : tag === 'name'
                ? sp.operationName
                : undefined;
          if (v) {
            values.add(v);
          }
        }
      }
      return json(200, { tagValues: [...values].sort().map((value) => ({ type: 'string', value })) });
    }
    if (url.pathname === '/api/search') {
      const q = url.searchParams.get('q') ?? '';
      queries.push(q);
      let conds: Expr;
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
  return {
    url: `http://127.0.0.1:${port}`,
    queries,
    tagRequests,
    close: () => new Promise((r) => server.close(() => r())),
  };
}
