// @grafana/data and its dependencies touch window/document when they load: give Node a jsdom window.
import { JSDOM } from 'jsdom';

const g = globalThis as unknown as Record<string, unknown>;
if (typeof g.window === 'undefined') {
  const { window } = new JSDOM('<!doctype html><html><body></body></html>', { url: 'http://localhost/' });
  for (const key of ['window', 'document', 'navigator', 'localStorage', 'HTMLElement', 'getComputedStyle', 'matchMedia']) {
    if (g[key] === undefined) {
      g[key] = key === 'window' ? window : (window as unknown as Record<string, unknown>)[key];
    }
  }
  g.matchMedia ??= () => ({ matches: false, addListener: () => undefined, removeListener: () => undefined });
}
export {};
