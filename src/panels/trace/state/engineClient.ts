import { type EngineRequest, type EngineResults, TraceEngine } from '../model/engine';
import { type LongString, splitLongStrings } from './chunkedTransfer';

/** Asynchronous access to one panel's trace engine, in a worker or in-process. */
export interface EngineClient {
  request<K extends EngineRequest['type']>(req: Extract<EngineRequest, { type: K }>): Promise<EngineResults[K]>;
  /** Drops every pending request (they reject with CancelledError) and stops the work in progress. */
  cancel(): void;
  dispose(): void;
}

export class CancelledError extends Error {
  constructor() {
    super('cancelled');
  }
}

export interface WorkerReply {
  id: number;
  ok: boolean;
  result?: unknown;
  error?: string;
}

/** What the main thread posts: a request (with where its long strings go), or one chunk of such a string. */
export type WorkerMessage = { id: number; req: EngineRequest; long?: LongString[] } | { id: number; chunk: string };

/** Resolves in a new task (a MessageChannel round trip, which browsers do not clamp like nested timeouts). */
function nextTask(): Promise<void> {
  if (typeof MessageChannel === 'undefined') {
    return new Promise((resolve) => setTimeout(resolve, 0));
  }
  return new Promise((resolve) => {
    const channel = new MessageChannel();
    channel.port1.onmessage = () => {
      channel.port1.close();
      resolve();
    };
    channel.port2.postMessage(null);
  });
}

interface Pending {
  resolve: (v: never) => void;
  reject: (e: Error) => void;
}

/**
 * Runs the engine in a Web Worker. Cancelling terminates the worker (a parse in progress stops at once)
 * and a new one is started on the next request; the model is then reloaded by the caller.
 */
export function createWorkerClient(makeWorker: () => Worker): EngineClient {
  let worker: Worker | undefined;
  let nextId = 1;
  const pending = new Map<number, Pending>();

  const start = () => {
    const w = makeWorker();
    w.onmessage = (e: MessageEvent<WorkerReply>) => {
      const p = pending.get(e.data.id);
      pending.delete(e.data.id);
      if (p) {
        e.data.ok ? p.resolve(e.data.result as never) : p.reject(new Error(e.data.error));
      }
    };
    w.onerror = (e: ErrorEvent) => {
      const err = new Error(`The trace worker failed: ${e.message || 'unknown error'}`);
      pending.forEach((p) => p.reject(err));
      pending.clear();
    };
    return w;
  };

  // A load whose long strings are still being posted chunk by chunk; later requests wait for it, so the worker
  // sees messages in request order.
  let sending: Promise<void> | undefined;
  const post = (w: Worker, id: number, req: EngineRequest) => {
    const split = req.type === 'load' ? splitLongStrings(req.frames) : undefined;
    if (!sending && !split?.chunks.length) {
      w.postMessage({ id, req } satisfies WorkerMessage);
      return;
    }
    const mine = (sending ?? Promise.resolve()).then(async () => {
      for (const chunk of split?.chunks ?? []) {
        if (worker !== w) {
          return; // cancelled: that worker is gone
        }
        w.postMessage({ id, chunk } satisfies WorkerMessage);
        await nextTask();
      }
      if (worker === w) {
        const message: WorkerMessage = split && req.type === 'load' ? { id, req: { ...req, frames: split.frames }, long: split.long } : { id, req };
        w.postMessage(message);
      }
    });
    sending = mine;
    mine.finally(() => sending === mine && (sending = undefined));
  };

  const cancel = () => {
    worker?.terminate();
    worker = undefined;
    pending.forEach((p) => p.reject(new CancelledError()));
    pending.clear();
  };

  return {
    request(req) {
      worker = worker ?? start();
      const id = nextId++;
      const w = worker;
      return new Promise((resolve, reject) => {
        pending.set(id, { resolve, reject });
        post(w, id, req);
      });
    },
    cancel,
    dispose: cancel,
  };
}

/** In-process engine (tests, and browsers without workers). Cancelling only discards pending answers. */
export function createLocalClient(): EngineClient {
  let engine = new TraceEngine();
  let generation = 0;
  return {
    request(req) {
      const mine = generation;
      return new Promise((resolve, reject) => {
        // Defer like a worker would, so callers never depend on synchronous answers.
        setTimeout(() => {
          if (mine !== generation) {
            reject(new CancelledError());
            return;
          }
          try {
            resolve(engine.handle(req as never));
          } catch (e) {
            reject(e instanceof Error ? e : new Error(String(e)));
          }
        }, 0);
      });
    },
    cancel() {
      generation++;
      engine = new TraceEngine();
    },
    dispose() {
      generation++;
    },
  };
}
