import { createLocalClient, createWorkerClient, type EngineClient } from './engineClient';

/** A worker-backed engine where Web Workers exist (webpack 5 bundles the worker from this URL), else in-process. */
export function createEngineClient(): EngineClient {
  if (typeof Worker === 'undefined') {
    return createLocalClient();
  }
  return createWorkerClient(
    () =>
      // The plugin bundle is an AMD library; the worker entry must not be, since a worker has no `define`.
      new Worker(/* webpackEntryOptions: { library: { type: "var", name: "meshlensTraceWorker" } } */ new URL('./trace.worker.ts', import.meta.url))
  );
}
