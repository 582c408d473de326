import fc from 'fast-check';
import { joinLongStrings, splitLongStrings } from './chunkedTransfer';

describe('chunked transfer of long strings', () => {
  it('round-trips any frames: long strings are cut out, sent as chunks, and joined back in place', () => {
    const value = fc.oneof(fc.string({ maxLength: 12 }), fc.integer(), fc.constant(null));
    const frames = fc.array(fc.record({ fields: fc.array(fc.record({ name: fc.string(), values: fc.array(value, { maxLength: 4 }) }), { maxLength: 3 }) }), { maxLength: 3 });
    fc.assert(
      fc.property(frames, fc.integer({ min: 1, max: 5 }), (input, size) => {
        const before = JSON.stringify(input);
        const { frames: sent, long, chunks } = splitLongStrings(input, size);
        expect(JSON.stringify(input)).toBe(before);
        expect(chunks.every((c) => c.length <= size)).toBe(true);
        // Nothing long is left in what goes in one message.
        expect(sent.every((f) => f.fields.every((field) => Array.from(field.values).every((v) => typeof v !== 'string' || v.length <= size)))).toBe(true);
        const back = joinLongStrings(sent, long, chunks);
        expect(JSON.stringify(back.map((f) => ({ ...f, fields: f.fields.map((x) => ({ ...x, values: Array.from(x.values) })) })))).toBe(before);
      })
    );
  });

  it('cuts a 9 Mi-character trace into 3 chunks and leaves short values and other frames alone', () => {
    const text = 'x'.repeat(9 * 1024 * 1024);
    const other = { fields: [{ name: 'a', values: ['short'] }] };
    const { frames, long, chunks } = splitLongStrings([{ fields: [{ name: 'trace', values: [text, 'tiny'] }] }, other]);
    expect(chunks.map((c) => c.length)).toEqual([4 * 1024 * 1024, 4 * 1024 * 1024, 1024 * 1024]);
    expect(long).toEqual([{ frame: 0, field: 0, row: 0, chunks: 3 }]);
    expect(Array.from(frames[0].fields[0].values)).toEqual(['', 'tiny']);
    expect(frames[1]).toBe(other);
  });

  it('refuses to join when chunks are missing, with a message saying so', () => {
    const { frames, long, chunks } = splitLongStrings([{ fields: [{ name: 'trace', values: ['abcdefgh'] }] }], 3);
    expect(() => joinLongStrings(frames, long, chunks.slice(1))).toThrow('The trace data arrived incomplete: 2 of 3 parts.');
  });
});
