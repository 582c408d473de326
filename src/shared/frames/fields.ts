import { type DataFrame, type Field } from '@grafana/data';

/** Finds a field by exact name, or by any of its aliases, in the order given. */
export function findField(frame: DataFrame, ...names: string[]): Field | undefined {
  for (const name of names) {
    const field = frame.fields.find((f) => f.name === name);
    if (field) {
      return field;
    }
  }
  return undefined;
}

/** Reads a cell as a string; null and undefined become the empty string. */
export function stringAt(field: Field | undefined, row: number): string {
  const value: unknown = field?.values[row];
  return value === null || value === undefined ? '' : String(value);
}

/** Reads a cell as a finite number, or NaN when it is missing or not numeric. */
export function numberAt(field: Field | undefined, row: number): number {
  const value: unknown = field?.values[row];
  if (typeof value === 'number') {
    return value;
  }
  if (typeof value === 'string' && value.trim() !== '') {
    return Number(value);
  }
  return NaN;
}
