// Browser APIs @grafana/scenes touches at import time that jsdom lacks. Import first in scene tests.
class NoopObserver {
  observe() {}
  unobserve() {}
  disconnect() {}
  takeRecords() {
    return [];
  }
}
const g = globalThis as Record<string, unknown>;
g.IntersectionObserver ??= NoopObserver;
g.ResizeObserver ??= NoopObserver;
// Combobox measures option text on a canvas; jsdom has none (the shared setup stubs getContext to undefined).
if (typeof HTMLCanvasElement !== 'undefined') {
  HTMLCanvasElement.prototype.getContext = (() => ({ measureText: (s: string) => ({ width: s.length * 7 }) })) as never;
}
