import { createLocalClient, createWorkerClient, type EngineClient } from './engineClient';

/** A worker-backed engine where Web Workers exist (webpack 5 bundles the worker from this URL), else in-process. */
export function createEngineClient(): EngineClient {
  if (typeof Worker === 'undefined') {
    return createLocalClient();
  }
  return createWorkerClient(() => new Worker(new URL('./trace.worker.ts', import.meta.url)));
}
