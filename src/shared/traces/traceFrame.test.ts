import { createDataFrame, FieldType } from '@grafana/data';
import { summariseTrace } from '../../app/pages/traces/model/summary';
import { normaliseFrames } from '../../panels/trace/model/normalise';
import { rowStatus, traceFrameFields } from './traceFrame';

// One frame, two readers: the Traces page's summary and the trace panel's model must agree span by span.
const frame = createDataFrame({
  fields: [
    { name: 'traceID', type: FieldType.string, values: ['t', 't', 't', 't', 't', 't'] },
    { name: 'spanID', type: FieldType.string, values: ['1', '2', '3', '4', '5', '6'] },
    { name: 'parentSpanID', type: FieldType.string, values: [undefined, '1', '1', '1', '1', '1'] },
    { name: 'serviceName', type: FieldType.string, values: ['web', 'db', 'db', 'auth', 'web', 'api'] },
    { name: 'startTime', type: FieldType.number, values: [1, 2, 3, 4, 5, 6] },
    { name: 'duration', type: FieldType.number, values: [10, 1, 1, 1, 1, 1] },
    { name: 'statusCode', type: FieldType.number, values: [0, 2, 0, 0, 1, 0] },
    {
      name: 'tags',
      type: FieldType.other,
      values: [
        [{ key: 'error', value: false }],
        [],
        [{ key: 'error', value: 'true' }],
        [{ key: 'otel.status_code', value: 'ERROR' }],
        [{ key: 'http.status_code', value: 503 }],
        '[{"key":"http.status_code","value":502}]',
      ],
    },
  ],
});

it('the Traces page summary and the trace panel count the same errors (status, error tag, 5xx; explicit OK wins)', () => {
  const f = traceFrameFields(frame);
  expect([0, 1, 2, 3, 4, 5].map((i) => rowStatus(f, i))).toEqual(['unset', 'error', 'error', 'error', 'ok', 'error']);
  expect(summariseTrace(frame)).toEqual({ spans: 6, errors: 4, services: ['db', 'web', 'api', 'auth'] });
  const panel = normaliseFrames([frame]);
  expect(panel.ok && panel.traces[0].errorCount).toBe(4);
  expect(panel.ok && panel.traces[0].spans.map((s) => `${s.spanId}:${s.status}`)).toEqual(['1:unset', '2:error', '3:error', '4:error', '5:ok', '6:error']);
});
