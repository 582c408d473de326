/** Kept apart so tests can replace it: jest cannot evaluate import.meta. */
export function createLayoutWorker(): Worker {
  return new Worker(new URL('./layout.worker.ts', import.meta.url));
}
