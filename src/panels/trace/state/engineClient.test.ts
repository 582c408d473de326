import { indexOfSpanId, spanIdAt } from '../model/columns';
import { fixtureText } from '../model/testFixtures';
import { CancelledError, createLocalClient, createWorkerClient } from './engineClient';

/** A stand-in Worker that records messages and lets the test answer them. */
class FakeWorker {
  onmessage: ((e: MessageEvent) => void) | null = null;
  onerror: ((e: ErrorEvent) => void) | null = null;
  posted: Array<{ id: number; req: unknown }> = [];
  terminated = false;
  postMessage(msg: { id: number; req: unknown }) {
    this.posted.push(msg);
  }
  terminate() {
    this.terminated = true;
  }
  answer(id: number, result: unknown) {
    this.onmessage?.({ data: { id, ok: true, result } } as MessageEvent);
  }
}

/** Polls a condition across tasks (the chunked sender yields a task between chunks). */
async function waitFor(done: () => boolean) {
  for (let k = 0; k < 200 && !done(); k++) {
    await new Promise((r) => setTimeout(r, 5));
  }
  expect(done()).toBe(true);
}

describe('worker engine client', () => {
  it('matches answers to requests by id', async () => {
    const workers: FakeWorker[] = [];
    const client = createWorkerClient(() => {
      workers.push(new FakeWorker());
      return workers[workers.length - 1] as unknown as Worker;
    });
    const a = client.request({ type: 'find', text: 'a' });
    const b = client.request({ type: 'find', text: 'b' });
    const [w] = workers;
    w.answer(w.posted[1].id, Int32Array.of(2));
    w.answer(w.posted[0].id, Int32Array.of(1));
    await expect(a).resolves.toEqual(Int32Array.of(1));
    await expect(b).resolves.toEqual(Int32Array.of(2));
  });

  it('cancel terminates the worker, rejects what is pending, and the next request starts a new worker', async () => {
    const workers: FakeWorker[] = [];
    const client = createWorkerClient(() => {
      workers.push(new FakeWorker());
      return workers[workers.length - 1] as unknown as Worker;
    });
    const pending = client.request({ type: 'load', frames: [] });
    client.cancel();
    await expect(pending).rejects.toBeInstanceOf(CancelledError);
    expect(workers[0].terminated).toBe(true);
    void client.request({ type: 'callGraph' }).catch(() => {});
    expect(workers).toHaveLength(2);
    client.dispose();
  });

  it('sends a long trace string in chunks, one task each, then the load; later requests wait their turn', async () => {
    let worker: FakeWorker | undefined;
    const client = createWorkerClient(() => (worker = new FakeWorker()) as unknown as Worker);
    const text = 'y'.repeat(9 * 1024 * 1024);
    // Disposed below: what is still pending then is rejected on purpose.
    client.request({ type: 'load', frames: [{ fields: [{ name: 'trace', values: [text] }] }] }).catch(() => {});
    client.request({ type: 'find', text: 'a' }).catch(() => {});
    // Nothing is copied synchronously: the first chunk goes after the caller's task.
    expect(worker!.posted).toHaveLength(0);
    await waitFor(() => worker!.posted.length === 5);
    const kinds = worker!.posted.map((m) => ('chunk' in m ? 'chunk' : (m.req as { type: string }).type));
    expect(kinds).toEqual(['chunk', 'chunk', 'chunk', 'load', 'find']);
    const chunks = worker!.posted.slice(0, 3).map((m) => (m as unknown as { chunk: string }).chunk);
    expect(chunks.join('')).toBe(text);
    const load = worker!.posted[3] as unknown as { req: { frames: Array<{ fields: Array<{ values: unknown[] }> }> }; long: unknown };
    expect(load.req.frames[0].fields[0].values).toEqual(['']);
    expect(load.long).toEqual([{ frame: 0, field: 0, row: 0, chunks: 3 }]);
    client.dispose();
  });

  it('stops sending chunks to a worker that was cancelled', async () => {
    const workers: FakeWorker[] = [];
    const client = createWorkerClient(() => {
      const w = new FakeWorker();
      // Cancel as soon as the first chunk is out, mid-way through the 3.
      w.postMessage = (msg) => {
        w.posted.push(msg);
        client.cancel();
      };
      workers.push(w);
      return w as unknown as Worker;
    });
    const load = client.request({ type: 'load', frames: [{ fields: [{ name: 'trace', values: ['z'.repeat(9 * 1024 * 1024)] }] }] });
    await expect(load).rejects.toBeInstanceOf(CancelledError);
    await new Promise((r) => setTimeout(r, 50));
    expect(workers[0].terminated).toBe(true);
    expect(workers[0].posted.map((m) => 'chunk' in m)).toEqual([true]);
  });

  it('turns a worker error into a rejected request with its message', async () => {
    let worker: FakeWorker | undefined;
    const client = createWorkerClient(() => (worker = new FakeWorker()) as unknown as Worker);
    const pending = client.request({ type: 'stats', groupBy: 'service' });
    worker!.onerror?.({ message: 'boom' } as ErrorEvent);
    await expect(pending).rejects.toThrow('The trace worker failed: boom');
  });
});

describe('local engine client', () => {
  it('loads a trace, answers detail with event times relative to the trace, and resolves references', async () => {
    const client = createLocalClient();
    const load = await client.request({ type: 'load', frames: [{ fields: [{ name: 'trace', values: [fixtureText('jaegertracing-jaeger_ui_01.json')] }] }] });
    expect(load.format).toBe('jaeger');
    const four = indexOfSpanId(load.columns!.spanIds, '4');
    const detail = await client.request({ type: 'detail', span: four });
    expect(detail.parentSpanId).toBe('2');
    const follows = detail.span.references.findIndex((r) => r.type === 'FOLLOWS_FROM');
    expect(spanIdAt(load.columns!.spanIds, detail.referenceTargets[follows])).toBe('2');
    const other = detail.span.references.findIndex((r) => r.traceId === '00000000000000ff');
    expect(detail.referenceTargets[other]).toBe(-1);
    const first = await client.request({ type: 'detail', span: 0 });
    expect(first.events.every((e) => e.offsetMs >= 0)).toBe(true);
  });

  it('rejects a load of bad data with the model’s message, and cancel discards pending answers', async () => {
    const client = createLocalClient();
    await expect(client.request({ type: 'load', frames: [{ fields: [{ name: 'trace', values: ['{oops'] }] }] })).rejects.toThrow(/not valid JSON/);
    const pending = client.request({ type: 'callGraph' });
    client.cancel();
    await expect(pending).rejects.toBeInstanceOf(CancelledError);
  });
});
