import { FieldType, createDataFrame } from '@grafana/data';
import { summariseTrace, traceFrameOf } from './summary';

test('spans, errors by status code or tag, and services with the most spans first', () => {
  const frame = createDataFrame({
    fields: [
      { name: 'spanID', type: FieldType.string, values: ['1', '2', '3', '4', '5'] },
      { name: 'serviceName', type: FieldType.string, values: ['web', 'db', 'db', 'auth', 'web'] },
      { name: 'statusCode', type: FieldType.number, values: [0, 2, 0, 0, 1] },
      {
        name: 'tags',
        type: FieldType.other,
        values: [
          [{ key: 'error', value: false }],
          [],
          [{ key: 'error', value: 'true' }],
          [{ key: 'otel.status_code', value: 'ERROR' }],
          null,
        ],
      },
    ],
  });
  expect(summariseTrace(frame)).toEqual({ spans: 5, errors: 3, services: ['db', 'web', 'auth'] });
});

test('the trace frame is the one with span ids; none when the trace was not found', () => {
  const table = createDataFrame({ fields: [{ name: 'traceID', type: FieldType.string, values: ['a'] }] });
  const trace = createDataFrame({ fields: [{ name: 'spanID', type: FieldType.string, values: [] }] });
  expect(traceFrameOf([table, trace])).toBe(trace);
  expect(traceFrameOf([table])).toBeUndefined();
  expect(summariseTrace(trace)).toEqual({ spans: 0, errors: 0, services: [] });
});
