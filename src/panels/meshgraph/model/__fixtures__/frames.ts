import { createDataFrame, type DataFrame, FieldType } from '@grafana/data';
import { type Sample } from '../mesh/types';

/** Samples of one metric as a Prometheus instant query in table format: a column per label, then Value. */
export function tableFrame(samples: readonly Sample[], refId: string): DataFrame {
  const names = [...new Set(samples.flatMap((s) => Object.keys(s.labels)))];
  return createDataFrame({
    refId,
    fields: [
      { name: 'Time', type: FieldType.time, values: samples.map(() => 1523364075000) },
      ...names.map((name) => ({ name, type: FieldType.string, values: samples.map((s) => s.labels[name]) })),
      { name: `Value #${refId}`, type: FieldType.number, values: samples.map((s) => s.value) },
    ],
  });
}

/** One frame per series, labels on the value field (Prometheus "time series" format). */
export function seriesFrames(samples: readonly Sample[], refId: string): DataFrame[] {
  return samples.map((s) =>
    createDataFrame({
      refId,
      fields: [
        { name: 'Time', type: FieldType.time, values: [1523364075000] },
        { name: 'Value', type: FieldType.number, values: [s.value], labels: { ...s.labels } },
      ],
    })
  );
}
