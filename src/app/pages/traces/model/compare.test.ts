import { FieldType, createDataFrame } from '@grafana/data';
import { compareTraces } from './compare';

const trace = (spans: Array<[string, string, number, number]>) =>
  createDataFrame({
    fields: [
      { name: 'serviceName', type: FieldType.string, values: spans.map((s) => s[0]) },
      { name: 'operationName', type: FieldType.string, values: spans.map((s) => s[1]) },
      { name: 'startTime', type: FieldType.number, values: spans.map((s) => s[2]) },
      { name: 'duration', type: FieldType.number, values: spans.map((s) => s[3]) },
    ],
  });

test('groups spans by service and operation, biggest change first, missing on one side as 0', () => {
  const a = trace([
    ['gw', 'GET /', 0, 100],
    ['reviews', 'GET /r', 10, 30],
    ['ratings', 'GET /s', 20, 5],
  ]);
  const b = trace([
    ['gw', 'GET /', 0, 400],
    ['reviews', 'GET /r', 10, 350],
    ['reviews', 'GET /r', 15, 20],
  ]);
  const c = compareTraces(a, b);
  expect(c).toMatchObject({ spansA: 3, spansB: 3, durationMsA: 100, durationMsB: 400 });
  expect(c.rows).toEqual([
    { service: 'reviews', operation: 'GET /r', countA: 1, countB: 2, totalMsA: 30, totalMsB: 370 },
    { service: 'gw', operation: 'GET /', countA: 1, countB: 1, totalMsA: 100, totalMsB: 400 },
    { service: 'ratings', operation: 'GET /s', countA: 1, countB: 0, totalMsA: 5, totalMsB: 0 },
  ]);
});

test('a missing trace compares as empty', () => {
  expect(compareTraces(undefined, undefined)).toEqual({
    rows: [],
    spansA: 0,
    spansB: 0,
    durationMsA: 0,
    durationMsB: 0,
  });
});
