import { runLayout } from '../model/layout/runLayout';
import { type LayoutRequest, type LayoutResponse } from './protocol';

// Layout off the main thread: one request at a time; the main thread cancels by terminating the worker.
const ctx = self as unknown as { onmessage: ((e: MessageEvent<LayoutRequest>) => void) | null; postMessage: (m: LayoutResponse, t?: Transferable[]) => void };
ctx.onmessage = (event) => {
  const { id, algorithm, input } = event.data;
  const t0 = performance.now();
  try {
    const result = runLayout(algorithm, input);
    ctx.postMessage({ id, ok: true, positions: result.positions, width: result.width, height: result.height, ms: performance.now() - t0 }, [result.positions.buffer]);
  } catch (e) {
    ctx.postMessage({ id, ok: false, error: e instanceof Error ? e.message : String(e) });
  }
};
