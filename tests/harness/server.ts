import { createReadStream, existsSync, statSync } from 'node:fs';
import { createServer, request, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import { extname, join, normalize } from 'node:path';
import { DIST, HOST_OUT, ROOT, VENDOR } from './build-host';

const TYPES: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.json': 'application/json; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.ttf': 'font/ttf',
  '.woff2': 'font/woff2',
  '.map': 'application/json',
};

export interface ServerOptions {
  /** The Prometheus that `/api/datasources/proxy/uid/meshlens-prometheus/*` forwards to (Grafana's data source proxy). */
  prometheusUrl?: string;
  /** The Jaeger query API that `/api/datasources/proxy/uid/meshlens-jaeger/*` forwards to. */
  jaegerUrl?: string;
  /** The Tempo HTTP API that `/api/datasources/proxy/uid/meshlens-tempo/*` forwards to. */
  tempoUrl?: string;
  /** The Zipkin v2 API that `/api/datasources/proxy/uid/meshlens-zipkin/*` forwards to. */
  zipkinUrl?: string;
}

const PROM_PROXY = '/api/datasources/proxy/uid/meshlens-prometheus/';
const JAEGER_PROXY = '/api/datasources/proxy/uid/meshlens-jaeger/';
const TEMPO_PROXY = '/api/datasources/proxy/uid/meshlens-tempo/';
const ZIPKIN_PROXY = '/api/datasources/proxy/uid/meshlens-zipkin/';

export interface HarnessServer {
  url: string;
  close(): Promise<void>;
}

/**
 * Serves what a Grafana page would: the host page, the built plugin (DIST) under /dist (as
 * public/plugins/<id>/), Grafana's icons under /public/build/img/icons, and one input file.
 */
export async function startServer(inputFile?: string, options: ServerOptions = {}): Promise<HarnessServer> {
  const icons = join(VENDOR.dir, 'node_modules/@grafana/ui/dist/public/img/icons');
  const mounts: Array<[string, string]> = [
    // Grafana's UI font, which Grafana serves from public/fonts/inter (its global styles ask for it there).
    ['/public/fonts/inter/', INTER_DIR],
    ['/public/fonts/roboto/', ROBOTO_MONO_DIR],
    // Files Grafana serves from its own build that no npm package carries (a spinner, a logo).
    ['/public/', join(__dirname, 'assets/public')],
    ['/host/', HOST_OUT],
    ['/dist/', DIST],
    ['/public/plugins/meshlens-istio-app/', DIST],
    ['/public/build/img/icons/', icons],
    ['/test-modules/', join(__dirname, 'test-modules')],
    // The generated dashboards, for the dashboard preview (kind dashboard).
    ['/dashboards/', join(ROOT, 'src/dashboards')],
  ];
  const server: Server = createServer((req, res) => {
    const asked = decodeURIComponent(new URL(req.url ?? '/', 'http://x').pathname);
    const path = asked
      .replace(/^\/public\/fonts\/inter\/(Inter-\w+\.woff2)$/, (whole, name: string) =>
        INTER_FILES[name] ? `/public/fonts/inter/${INTER_FILES[name]}` : whole
      )
      // Grafana's one Roboto Mono file (Google's Latin cut, both weights): the variable font's Latin cut.
      .replace(/^\/public\/fonts\/roboto\/[\w-]+\.woff2$/, `/public/fonts/roboto/${ROBOTO_MONO_FILE}`);
    if (path.startsWith(PROM_PROXY)) {
      return proxy(req, res, options.prometheusUrl, path.slice(PROM_PROXY.length - 1), 'Prometheus');
    }
    if (path.startsWith(JAEGER_PROXY)) {
      return proxy(req, res, options.jaegerUrl, path.slice(JAEGER_PROXY.length - 1), 'Jaeger');
    }
    if (path.startsWith(TEMPO_PROXY)) {
      return proxy(req, res, options.tempoUrl, path.slice(TEMPO_PROXY.length - 1), 'Tempo');
    }
    if (path.startsWith(ZIPKIN_PROXY)) {
      return proxy(req, res, options.zipkinUrl, path.slice(ZIPKIN_PROXY.length - 1), 'Zipkin');
    }
    // App pages live under /a/<id>/…, as in Grafana; the host page serves them all.
    if (path === '/' || path === '/index.html' || path.startsWith('/a/')) {
      return send(res, join(HOST_OUT, 'index.html'));
    }
    if (path === '/input' && inputFile) {
      return send(res, inputFile);
    }
    for (const [prefix, dir] of mounts) {
      if (path.startsWith(prefix)) {
        const file = normalize(join(dir, path.slice(prefix.length)));
        if (file.startsWith(dir) && existsSync(file)) {
          return send(res, file);
        }
      }
    }
    res.writeHead(404).end();
  });
  await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
  const address = server.address();
  const port = typeof address === 'object' && address ? address.port : 0;
  return {
    url: `http://127.0.0.1:${port}`,
    close: () => new Promise((r) => server.close(() => r())),
  };
}

/**
 * Grafana's UI fonts. Grafana ships Inter's whole files; @fontsource/inter (OFL-1.1) has the same faces cut by script: the Latin cut
 * covers what the tests draw, other scripts fall back as they would without the font.
 */
const INTER_DIR = join(ROOT, 'node_modules/@fontsource/inter/files');
const INTER_FILES: Record<string, string> = {
  'Inter-Regular.woff2': 'inter-latin-400-normal.woff2',
  'Inter-Medium.woff2': 'inter-latin-500-normal.woff2',
  'Inter-Italic.woff2': 'inter-latin-400-italic.woff2',
  'Inter-MediumItalic.woff2': 'inter-latin-500-italic.woff2',
};

const ROBOTO_MONO_DIR = join(ROOT, 'node_modules/@fontsource-variable/roboto-mono/files');
const ROBOTO_MONO_FILE = 'roboto-mono-latin-wght-normal.woff2';

function send(res: ServerResponse, file: string) {
  if (!existsSync(file) || !statSync(file).isFile()) {
    res.writeHead(404).end();
    return;
  }
  res.writeHead(200, {
    'Content-Type': TYPES[extname(file)] ?? 'application/octet-stream',
    'Cache-Control': 'no-store',
  });
  createReadStream(file).pipe(res);
}

/** Forwards a data source query to Prometheus; failures answer 502 with Grafana's JSON error shape. */
function proxy(req: IncomingMessage, res: ServerResponse, target: string | undefined, subPath: string, what: string) {
  const fail = (message: string) => {
    if (!res.headersSent) {
      res
        .writeHead(502, { 'Content-Type': 'application/json' })
        .end(JSON.stringify({ status: 'error', error: message, message }));
    }
  };
  if (!target) {
    return fail(`No ${what} is configured behind the harness data source proxy`);
  }
  const url = new URL(subPath + (new URL(req.url ?? '/', 'http://x').search ?? ''), target);
  const upstream = request(
    url,
    { method: req.method, headers: { 'content-type': req.headers['content-type'] ?? '' } },
    (up) => {
      res.writeHead(up.statusCode ?? 502, { 'Content-Type': up.headers['content-type'] ?? 'application/json' });
      up.pipe(res);
    }
  );
  upstream.on('error', (e) => fail(`${req.method === 'POST' ? 'Post' : 'Get'} "${url.href}": ${e.message}`));
  req.pipe(upstream);
}
