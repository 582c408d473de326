import type { Labels } from '../model/labels';

/*
 * The text rules prom-client 15 applies (lib/registry.js, lib/util.js), restated so the bulk writer
 * can pre-render label sets once. bulkWriter.test.ts checks the result against prom-client itself.
 */

/** HELP text and names: backslash and newline escaped. */
export function escapeText(text: string): string {
  return text.replace(/\\/g, '\\\\').replace(/\n/g, '\\n');
}

/** Label values: as escapeText, plus double quotes (prom-client leaves non-strings as they are). */
export function escapeLabelValue(value: unknown): string {
  return typeof value === 'string' ? escapeText(value).replace(/"/g, '\\"') : `${value}`;
}

/** `name="value",…` in the object's own order, as prom-client flattens a label set. */
export function flattenLabels(labels: Labels): string {
  let out = '';
  for (const name in labels) {
    out += `${out === '' ? '' : ','}${name}="${escapeLabelValue(labels[name])}"`;
  }
  return out;
}

/** A sample value as prom-client prints it (note its `Nan` spelling). */
export function valueText(value: number): string {
  if (Number.isNaN(value)) {
    return 'Nan';
  }
  if (!Number.isFinite(value)) {
    return value < 0 ? '-Inf' : '+Inf';
  }
  return `${value}`;
}
