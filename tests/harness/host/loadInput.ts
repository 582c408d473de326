import { FieldType, createDataFrame, dataFrameFromJSON, toDataFrame, type DataFrame, type DataFrameJSON } from '@grafana/data';

function looksLikeFrames(value: unknown): value is Array<DataFrameJSON | { fields: unknown[] }> {
  return Array.isArray(value) && value.length > 0 && value.every((v) => v && typeof v === 'object' && ('schema' in v || 'fields' in v));
}

/**
 * data.json is either an array of DataFrameJSON (as dataFrameToJSON writes them) or anything else,
 * e.g. a raw trace file; the latter reaches the panel as one string field named `trace`, the way a
 * JSON or Infinity data source would hand it over. Malformed JSON is passed through the same way,
 * so the panel (not the harness) has to explain it.
 */
export function framesFromText(text: string): DataFrame[] {
  let parsed: unknown;
  try {
    parsed = JSON.parse(text);
  } catch {
    parsed = undefined;
  }
  if (looksLikeFrames(parsed)) {
    return parsed.map((f) => ('schema' in f ? dataFrameFromJSON(f as DataFrameJSON) : toDataFrame(f)));
  }
  return [createDataFrame({ name: 'trace', fields: [{ name: 'trace', type: FieldType.string, values: [text] }] })];
}
