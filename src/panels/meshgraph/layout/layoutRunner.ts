import { runLayout } from '../model/layout/runLayout';
import { type LayoutAlgorithm, type LayoutInput, type LayoutResult } from '../model/layout/types';
import { createLayoutWorker } from './createLayoutWorker';
import { type LayoutResponse } from './protocol';

export interface LayoutJob {
  promise: Promise<LayoutResult & { ms: number; inWorker: boolean }>;
  cancel: () => void;
}

/**
 * Runs one layout in a fresh Web Worker; cancel() terminates it, so a new refresh never waits for a
 * stale layout. Falls back to the main thread (after a yield) where workers are unavailable.
 */
export function startLayout(algorithm: LayoutAlgorithm, input: LayoutInput): LayoutJob {
  let worker: Worker | undefined;
  try {
    worker = createLayoutWorker();
  } catch {
    worker = undefined;
  }
  if (!worker) {
    return onMainThread(algorithm, input);
  }
  return inWorker(worker, algorithm, input);
}

function onMainThread(algorithm: LayoutAlgorithm, input: LayoutInput): LayoutJob {
  {
    let cancelled = false;
    const promise = new Promise<LayoutResult & { ms: number; inWorker: boolean }>((resolve, reject) =>
      setTimeout(() => {
        if (cancelled) {
          reject(new Error('cancelled'));
          return;
        }
        const t0 = performance.now();
        resolve({ ...runLayout(algorithm, input), ms: performance.now() - t0, inWorker: false });
      }, 0)
    );
    return { promise, cancel: () => (cancelled = true) };
  }
}

function inWorker(w: Worker, algorithm: LayoutAlgorithm, input: LayoutInput): LayoutJob {
  let fallback: LayoutJob | undefined;
  let settle: ((error: Error) => void) | undefined;
  const promise = new Promise<LayoutResult & { ms: number; inWorker: boolean }>((resolve, reject) => {
    settle = reject;
    w.onmessage = (event: MessageEvent<LayoutResponse>) => {
      const r = event.data;
      w.terminate();
      if (r.ok) {
        resolve({ positions: r.positions, width: r.width, height: r.height, ms: r.ms, inWorker: true });
      } else {
        reject(new Error(r.error));
      }
    };
    // A worker script that cannot load (a CDN on another origin, a strict CSP) still gets a layout.
    w.onerror = () => {
      w.terminate();
      fallback = onMainThread(algorithm, input);
      fallback.promise.then(resolve, reject);
    };
    w.postMessage({ id: 1, algorithm, input });
  });
  return {
    promise,
    cancel: () => {
      w.terminate();
      fallback?.cancel();
      settle?.(new Error('cancelled'));
    },
  };
}
