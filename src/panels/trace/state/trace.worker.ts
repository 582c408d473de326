import { cloneColumns, transferables, type TraceColumns } from '../model/columns';
import { type EngineRequest, type LoadResult, TraceEngine } from '../model/engine';
import { joinLongStrings } from './chunkedTransfer';
import { type WorkerMessage } from './engineClient';

// One worker per panel instance, so this engine belongs to exactly one panel.
const engine = new TraceEngine();
// Chunks of long strings by request id, until their request arrives (same panel, same worker).
const chunks = new Map<number, string[]>();

const isColumns = (v: unknown): v is TraceColumns => typeof v === 'object' && v !== null && 'subtreeEnd' in v;

/** Typed arrays go back by transfer (no copy on the main thread); the engine keeps its own copy of columns. */
function prepare(type: EngineRequest['type'], result: unknown): { value: unknown; transfer: Transferable[] } {
  if (type === 'load') {
    const load = result as LoadResult;
    const columns = load.columns ? cloneColumns(load.columns) : undefined;
    return { value: { ...load, columns }, transfer: columns ? transferables(columns) : [] };
  }
  if (isColumns(result)) {
    const columns = cloneColumns(result);
    return { value: columns, transfer: transferables(columns) };
  }
  if (ArrayBuffer.isView(result)) {
    return { value: result, transfer: [result.buffer as ArrayBuffer] };
  }
  return { value: result, transfer: [] };
}

self.onmessage = (e: MessageEvent<WorkerMessage>) => {
  const msg = e.data;
  if ('chunk' in msg) {
    const list = chunks.get(msg.id) ?? [];
    list.push(msg.chunk);
    chunks.set(msg.id, list);
    return;
  }
  const { id, long } = msg;
  let req = msg.req;
  try {
    if (long && req.type === 'load') {
      req = { ...req, frames: joinLongStrings(req.frames, long, chunks.get(id) ?? []) };
      chunks.delete(id);
    }
    const { value, transfer } = prepare(req.type, engine.handle(req as never));
    (self as unknown as Worker).postMessage({ id, ok: true, result: value }, transfer);
  } catch (err) {
    (self as unknown as Worker).postMessage({ id, ok: false, error: err instanceof Error ? err.message : String(err) });
  }
};
