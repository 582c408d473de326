/**
 * A plugin module's exports as Grafana's loader sees them: a module with top-level await (MeshLens awaits its
 * translations) or async WebAssembly reaches SystemJS as `{ default: Promise<exports> }`, which Grafana awaits.
 */
export async function pluginExports(mod: Record<string, unknown>): Promise<Record<string, unknown>> {
  let exports = mod;
  while (!('plugin' in exports) && isPromise(exports.default)) {
    exports = (await exports.default) as Record<string, unknown>;
  }
  return exports;
}

const isPromise = (v: unknown): v is Promise<unknown> => typeof (v as Promise<unknown> | undefined)?.then === 'function';
