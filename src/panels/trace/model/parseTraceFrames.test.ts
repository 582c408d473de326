import { FieldType, createDataFrame } from '@grafana/data';
import { parseTraceFrames } from './parseTraceFrames';

function traceFrame(rows: Array<[string, string, string | undefined, string, number, number]>) {
  return createDataFrame({
    meta: { preferredVisualisationType: 'trace' },
    fields: [
      { name: 'traceID', type: FieldType.string, values: rows.map((r) => r[0]) },
      { name: 'spanID', type: FieldType.string, values: rows.map((r) => r[1]) },
      { name: 'parentSpanID', type: FieldType.string, values: rows.map((r) => r[2]) },
      { name: 'serviceName', type: FieldType.string, values: rows.map((r) => r[3]) },
      { name: 'operationName', type: FieldType.string, values: rows.map((r) => `op-${r[1]}`) },
      { name: 'startTime', type: FieldType.number, values: rows.map((r) => r[4]) },
      { name: 'duration', type: FieldType.number, values: rows.map((r) => r[5]) },
    ],
  });
}

describe('parseTraceFrames', () => {
  it('orders spans depth-first with children by start time', () => {
    const frame = traceFrame([
      ['t1', 'c2', 'root', 'reviews', 1000.5, 3],
      ['t1', 'root', undefined, 'productpage', 1000, 10],
      ['t1', 'c1', 'root', 'details', 1000.2, 2],
      ['t1', 'g1', 'c2', 'ratings', 1001, 1],
    ]);
    const result = parseTraceFrames([frame]);
    if (!result.ok) {
      throw new Error(result.error);
    }
    const [trace] = result.traces;
    expect(trace.spans.map((s) => [s.spanId, s.depth])).toEqual([
      ['root', 0],
      ['c1', 1],
      ['c2', 1],
      ['g1', 2],
    ]);
    expect(trace.durationMs).toBe(10);
    expect(trace.services).toEqual(['details', 'productpage', 'ratings', 'reviews']);
    expect(trace.maxDepth).toBe(2);
  });

  it('counts orphans, duplicates and invalid rows instead of dropping them silently', () => {
    const frame = traceFrame([
      ['t1', 'a', undefined, 's', 0, 5],
      ['t1', 'a', undefined, 's', 0, 5],
      ['t1', 'b', 'missing', 's', 1, 1],
      ['t1', '', undefined, 's', 1, 1],
    ]);
    const result = parseTraceFrames([frame]);
    expect(result.ok && result.traces[0].warnings).toEqual({ orphanSpans: 1, duplicateSpans: 1, invalidRows: 1 });
  });

  it('survives a parent cycle and shows its spans', () => {
    const frame = traceFrame([
      ['t1', 'a', 'b', 's', 0, 5],
      ['t1', 'b', 'a', 's', 1, 1],
    ]);
    const result = parseTraceFrames([frame]);
    expect(result.ok && result.traces[0].spans).toHaveLength(2);
  });

  it('groups rows of several traces into several traces', () => {
    const frame = traceFrame([
      ['t1', 'a', undefined, 's', 0, 5],
      ['t2', 'b', undefined, 's', 1, 1],
    ]);
    const result = parseTraceFrames([frame]);
    expect(result.ok && result.traces.map((t) => t.traceId)).toEqual(['t1', 't2']);
  });

  it('explains what is wrong with a frame that is not a trace', () => {
    const frame = createDataFrame({ fields: [{ name: 'Value', type: FieldType.number, values: [1] }] });
    const result = parseTraceFrames([frame]);
    expect(result).toEqual({ ok: false, error: expect.stringContaining('needs the fields spanID and startTime (got: Value)') });
  });
});
