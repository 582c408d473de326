/** @jest-environment node */
import { readdirSync, readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { defaultHealthThresholds, errorRateSteps, successRatioSteps } from '../src/shared/health';

const DIR = resolve(__dirname, '../src/dashboards');

interface Steps {
  mode: string;
  steps: Array<{ value: number | null; color: string }>;
}

/** Every thresholds object in a dashboard, wherever it sits (field defaults or overrides). */
function allThresholds(node: unknown, out: Steps[] = []): Steps[] {
  if (Array.isArray(node)) {
    node.forEach((n) => allThresholds(n, out));
  } else if (node && typeof node === 'object') {
    const o = node as Record<string, unknown>;
    if (o.mode === 'absolute' && Array.isArray(o.steps)) {
      out.push(o as unknown as Steps);
    }
    Object.values(o).forEach((v) => allThresholds(v, out));
  }
  return out;
}

const asSteps = (t: { base: string; steps: Array<[number, string]> }) => [{ value: null, color: t.base }, ...t.steps.map(([value, color]) => ({ value, color }))];

test("the dashboards' health colours are the app's health constants (Kiali's 5xx tolerance)", () => {
  const success = asSteps(successRatioSteps(defaultHealthThresholds));
  const errors = asSteps(errorRateSteps(defaultHealthThresholds));
  expect(success).toEqual([
    { value: null, color: 'red' },
    { value: 0.9, color: 'orange' },
    { value: 1, color: 'green' },
  ]);
  const counts = { success: 0, errors: 0 };
  for (const file of readdirSync(DIR).filter((f) => f.endsWith('.json'))) {
    for (const t of allThresholds(JSON.parse(readFileSync(join(DIR, file), 'utf8')))) {
      // Health colours: any step coloured by a health status.
      if (!t.steps.some((s) => ['orange', 'red'].includes(s.color))) {
        continue;
      }
      if (t.steps[0].color === 'red') {
        expect({ file, steps: t.steps }).toEqual({ file, steps: success });
        counts.success++;
      } else {
        expect({ file, steps: t.steps }).toEqual({ file, steps: errors });
        counts.errors++;
      }
    }
  }
  // Success-rate stats and table columns, and 5xx-rate stats, across the generated dashboards.
  expect(counts).toEqual({ success: 6, errors: 2 });
});
