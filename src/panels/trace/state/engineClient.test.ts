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
    const four = load.columns!.spanIds.indexOf('4');
    const detail = await client.request({ type: 'detail', span: four });
    expect(detail.parentSpanId).toBe('2');
    const follows = detail.span.references.findIndex((r) => r.type === 'FOLLOWS_FROM');
    expect(load.columns!.spanIds[detail.referenceTargets[follows]]).toBe('2');
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
