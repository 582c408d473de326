import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';

// Dashboard queries name Grafana variables ($istiod_pod, $cluster…) that Grafana must interpolate: the escape that
// keeps `$` in data away from the template service (`\x24`) must never reach a variable the generator wrote.
const DIR = join(__dirname, '../src/dashboards');

function exprs(node: unknown, out: string[] = []): string[] {
  if (Array.isArray(node)) {
    node.forEach((n) => exprs(n, out));
  } else if (node && typeof node === 'object') {
    for (const [k, v] of Object.entries(node)) {
      if (k === 'expr' && typeof v === 'string') {
        out.push(v);
      } else {
        exprs(v, out);
      }
    }
  }
  return out;
}

test('no dashboard query hides a variable reference behind \\x24', () => {
  const files = readdirSync(DIR).filter((f) => f.endsWith('.json'));
  expect(files).toHaveLength(8);
  const escaped = files.flatMap((f) => exprs(JSON.parse(readFileSync(join(DIR, f), 'utf8'))).filter((e) => e.includes('\\x24')).map((e) => `${f}: ${e}`));
  expect(escaped).toEqual([]);
  // The variables the Performance dashboard's proxy panels read are still there, as Grafana expects them.
  const performance = exprs(JSON.parse(readFileSync(join(DIR, 'istio-performance.json'), 'utf8'))).join('\n');
  expect(performance).toContain('pod=~"$istiod_pod"');
});
