import { test } from 'node:test';
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { stringify } from 'yaml';
import { detailRequestRate } from '../../src/shared/istio/appQueries';
import { inList } from '../../src/shared/promql/matchers';

// Prometheus itself reads the built queries: `promtool test rules` evaluates them over given series (no server).
// Workloads: `reviews${__range}-v1` (1 request/s) and `reviews900s-v1` (2 requests/s), what the first name
// became when Grafana's template service expanded it, and `r$$[[x]]-v1` (3 requests/s). The builders write `$` as
// `\x24` and `[[` as `\x5b[` (src/shared/promql/escape.ts); each query must find its workload, and only it.
// (src/shared/promql/templateEscape.test.ts and detailScene.test.ts show the template service leaves that text alone.)
const series = (workload: string, perMinute: number) => ({
  series: `istio_requests_total{reporter="destination",destination_workload_namespace="bookinfo",destination_workload="${workload}"}`,
  values: `0+${perMinute}x20`,
});

function evaluate(exprs: string[], expected: number[]) {
  const dir = mkdtempSync(join(tmpdir(), 'meshlens-dollar-'));
  try {
    const file = join(dir, 'test.yml');
    writeFileSync(
      file,
      stringify({
        evaluation_interval: '1m',
        tests: [
          {
            interval: '1m',
            input_series: [series('reviews${__range}-v1', 60), series('reviews900s-v1', 120), series('r$$[[x]]-v1', 180)],
            promql_expr_test: exprs.map((expr, i) => ({ expr, eval_time: '10m', exp_samples: [{ labels: '{}', value: expected[i] }] })),
          },
        ],
      })
    );
    return spawnSync('promtool', ['test', 'rules', file], { encoding: 'utf8' });
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

test('Prometheus reads \\x24 and \\x5b in = and =~ matchers as $ and [: the built queries find reviews${__range}-v1 (1/s) and r$$[[x]]-v1 (3/s)', () => {
  const target = { kind: 'workload' as const, namespace: 'bookinfo', name: 'reviews${__range}-v1' };
  // What reaches Prometheus: the built query after Grafana replaced the macro outside the strings.
  const plain = detailRequestRate(target).replace('[$__range]', '[5m]');
  const regex = `sum(rate(istio_requests_total{${inList('destination_workload', [target.name])}}[5m]))`;
  assert.ok(plain.includes('destination_workload="reviews\\x24{__range}-v1"'), plain);
  assert.ok(regex.includes('destination_workload=~"reviews\\\\x24\\\\{__range\\\\}-v1"'), regex);
  const odd = { ...target, name: 'r$$[[x]]-v1' };
  const oddPlain = detailRequestRate(odd).replace('[$__range]', '[5m]');
  const oddRegex = `sum(rate(istio_requests_total{${inList('destination_workload', [odd.name])}}[5m]))`;
  assert.ok(oddPlain.includes('destination_workload="r\\x24\\x24\\x5b[x]]-v1"'), oddPlain);
  const r = evaluate([plain, regex, oddPlain, oddRegex], [1, 1, 3, 3]);
  assert.equal(r.status, 0, r.stdout + r.stderr);
});

test('without the escape, the expanded query would read the other workload (2/s): the case the escape prevents', () => {
  // The name pasted as typed (no escape), then expanded by the template service.
  const expanded = 'sum(rate(istio_requests_total{destination_workload="reviews${__range}-v1"}[$__range]))'.replace('${__range}', '900s').replace('[$__range]', '[5m]');
  const r = evaluate([expanded], [2]);
  assert.equal(r.status, 0, r.stdout + r.stderr);
});
