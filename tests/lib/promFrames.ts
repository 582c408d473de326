import { createDataFrame, FieldType, type DataFrame } from '@grafana/data';

/** A Prometheus instant vector as its HTTP API returns it (`data.result` of /api/v1/query). */
export type Vector = Array<{ metric: Record<string, string>; value: [number, string] }>;

/**
 * An instant vector as the table frame Grafana's Prometheus data source returns for a `format: table` target:
 * Time, a string column per label (in order of first appearance), then `Value #<refId>`.
 */
export function tableFrame(refId: string, expr: string, vector: Vector): DataFrame {
  const names = [...new Set(vector.flatMap((s) => Object.keys(s.metric)))];
  return createDataFrame({
    refId,
    meta: { executedQueryString: `Expr: ${expr}` },
    fields: [
      { name: 'Time', type: FieldType.time, values: vector.map((s) => s.value[0] * 1000) },
      ...names.map((name) => ({ name, type: FieldType.string, values: vector.map((s) => s.metric[name]) })),
      { name: `Value #${refId}`, type: FieldType.number, values: vector.map((s) => Number(s.value[1])) },
    ],
  });
}

/** An instant vector as Grafana's Prometheus backend returns it for a time-series target: one frame per series. */
export function seriesFrames(refId: string, vector: Vector): DataFrame[] {
  return vector.map((s) =>
    createDataFrame({
      refId,
      fields: [
        { name: 'Time', type: FieldType.time, values: [s.value[0] * 1000] },
        { name: 'Value', type: FieldType.number, values: [Number(s.value[1])], labels: s.metric },
      ],
    })
  );
}
