import { buildTrace } from './buildTrace';
import { keyLoad } from './contentKeys';
import { makeSpan } from './testFixtures';

const trace = (id: string, opOfChild = 'b') =>
  buildTrace(id, [
    makeSpan({ spanId: 'a', traceId: id }),
    makeSpan({ spanId: 'c', traceId: id, parentSpanId: 'a', operation: opOfChild }),
  ]);

describe('keyLoad', () => {
  it('keeps the previous key for a reload with the same content, trace by trace', () => {
    const first = keyLoad([trace('t1'), trace('t2')], undefined, 1);
    const again = keyLoad([trace('t1'), trace('t2')], first, 2);
    expect(again.keys).toEqual(first.keys);
    // And the key survives a further identical reload (the hash memoised on the second load is compared).
    expect(keyLoad([trace('t1'), trace('t2')], again, 3).keys).toEqual(first.keys);
  });

  it('gives changed content, another trace or another position a new key', () => {
    const first = keyLoad([trace('t1'), trace('t2')], undefined, 1);
    const next = keyLoad([trace('t1', 'renamed'), trace('t3')], first, 2);
    expect(next.keys[0]).not.toBe(first.keys[0]);
    expect(next.keys[1]).not.toBe(first.keys[1]);
    const swapped = keyLoad([trace('t2'), trace('t1')], first, 3);
    expect(swapped.keys).not.toContain(first.keys[0]);
    expect(swapped.keys).not.toContain(first.keys[1]);
  });

  it('hashes nothing on a first load', () => {
    const first = keyLoad([trace('t1')], undefined, 1);
    expect(first.hashes).toEqual([undefined]);
    expect(first.keys).toEqual(['t1:2:load-1']);
  });
});
