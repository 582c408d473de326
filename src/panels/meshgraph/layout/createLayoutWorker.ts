/**
 * Starts the layout worker. The plugin is built as AMD (Grafana loads plugins with SystemJS), and
 * webpack wraps the worker entry the same way: `define(factory)`, which a worker cannot run, and a
 * plugin served from another origin (a CDN) could not be a worker script at all. So the worker is a
 * small same-origin blob that defines `define` and imports the compiled chunk by its absolute URL.
 * Kept apart so tests can replace it: jest cannot evaluate import.meta.
 */
export function createLayoutWorker(): Worker {
  const url = compiledWorkerUrl();
  const bootstrap = `self.define = function (a, b) { (typeof a === 'function' ? a : b)(); };\nimportScripts(${JSON.stringify(url)});\n`;
  const blobUrl = URL.createObjectURL(new Blob([bootstrap], { type: 'text/javascript' }));
  const worker = new Worker(blobUrl);
  // The blob is read when the worker starts; it is not needed afterwards.
  setTimeout(() => URL.revokeObjectURL(blobUrl), 10_000);
  return worker;
}

/**
 * The URL webpack gives the worker chunk. webpack only compiles `new Worker(new URL(…))` into a worker
 * entry, so that expression is evaluated against a stand-in constructor that just records the URL.
 */
function compiledWorkerUrl(): string {
  const g = globalThis as unknown as { Worker: unknown };
  const RealWorker = g.Worker;
  let captured = '';
  g.Worker = class {
    constructor(url: URL) {
      captured = new URL(url, document.baseURI).href;
    }
  };
  try {
    new Worker(new URL('./layout.worker.ts', import.meta.url));
  } finally {
    g.Worker = RealWorker;
  }
  return captured;
}
