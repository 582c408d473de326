/**
 * The dashboard preview's pure parts (tests/harness/host/dashboard/): Grafana's table and heatmap result shapes,
 * and variable resolution, with fetch answering as the harness's Prometheus proxy would.
 */
import './dashboards-preview.window';
import { afterEach, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { FieldType, createDataFrame, type DataFrame } from '@grafana/data';
import { toHeatmapBuckets, toTableFrames } from '../harness/host/dashboard/frames';
import { resolveVariables, scopedVarsOf, substitute } from '../harness/host/dashboard/variables';

function series(refId: string, labels: Record<string, string>, values: number[], name?: string): DataFrame {
  return createDataFrame({
    refId,
    name,
    fields: [
      { name: 'Time', type: FieldType.time, values: values.map((_, i) => i * 1000) },
      { name: 'Value', type: FieldType.number, values, labels },
    ],
  });
}

describe('result shapes', () => {
  test('table format: one frame per refId, label columns sorted, Value #refId only when several refIds answered', () => {
    const two = toTableFrames([
      series('a', { z: '1', b: 'x' }, [5]),
      series('a', { b: 'y' }, [6]),
      series('c', { b: 'x' }, [7]),
    ]);
    assert.deepEqual(
      two.map((f) => f.fields.map((x) => x.name)),
      [
        ['Time', 'b', 'z', 'Value #a'],
        ['Time', 'b', 'Value #c'],
      ]
    );
    assert.deepEqual(two[0].fields[2].values, ['1', '']);
    const one = toTableFrames([series('value', { destination_service: 's' }, [1])]);
    assert.deepEqual(
      one[0].fields.map((x) => x.name),
      ['Time', 'destination_service', 'Value']
    );
  });

  test('heatmap format: buckets ordered by le with +Inf last, cumulative counts turned into per-bucket counts', () => {
    const buckets = toHeatmapBuckets([
      series('A', { le: '+Inf' }, [10, 12], '+Inf'),
      series('A', { le: '0.5' }, [4, 4], '0.5'),
      series('A', { le: '0.1' }, [1, 2], '0.1'),
    ]);
    assert.deepEqual(
      buckets.map((b) => [b.le, b.values]),
      [
        ['0.1', [1, 2]],
        ['0.5', [3, 2]],
        ['+Inf', [6, 8]],
      ]
    );
  });
});

describe('variables', () => {
  const realFetch = globalThis.fetch;
  afterEach(() => {
    globalThis.fetch = realFetch;
  });

  /** Answers label_values and query_result as Prometheus would, recording the URLs asked. */
  function fakePrometheus(asked: string[]) {
    globalThis.fetch = (async (url: string) => {
      asked.push(decodeURIComponent(String(url)));
      const data = String(url).includes('/label/')
        ? ['cluster-1', 'cluster-2']
        : {
            result: [
              { metric: { destination_service: '*.example.com' }, value: [1, '2'] },
              { metric: { destination_service: 'a.b' }, value: [1, '3'] },
            ],
          };
      return new Response(JSON.stringify({ status: 'success', data }), { status: 200 });
    }) as typeof fetch;
  }

  const saved = [
    { name: 'datasource', type: 'datasource', query: 'prometheus' },
    {
      name: 'cluster',
      type: 'query',
      query: 'label_values(up, cluster)',
      multi: true,
      includeAll: true,
      allValue: '.*',
      current: { value: '$__all' },
    },
    {
      name: 'service',
      type: 'query',
      query: 'query_result(sum by (destination_service) (x{cluster=~"$cluster"}))',
      regex: '/destination_service="([^"]*)"/',
      sort: 1,
    },
  ];
  const range = { fromSec: 0, toSec: 60 };

  test('saved All stays All, a single-value variable gets its first sorted option, later queries see earlier values', async () => {
    const asked: string[] = [];
    fakePrometheus(asked);
    const vars = await resolveVariables(saved, range, {});
    assert.deepEqual(
      vars.map((v) => [v.name, v.values]),
      [
        ['datasource', ['meshlens-prometheus']],
        ['cluster', ['$__all']],
        ['service', ['*.example.com']],
      ]
    );
    assert.ok(asked[1].includes('cluster=~".*"'), asked[1]);
    const scoped = scopedVarsOf(vars);
    // Multi/All values are regex-escaped as Grafana does; the single-value one is inserted as written.
    assert.equal(
      substitute('a{c=~"$cluster", s="${service}"} $__rate_interval', scoped),
      'a{c=~".*", s="*.example.com"} $__rate_interval'
    );
  });

  test('an override the variable does not offer fails with the options it does offer', async () => {
    fakePrometheus([]);
    await assert.rejects(
      resolveVariables(saved, range, { cluster: ['cluster-9'] }),
      /cluster: cluster-9 not offered by .* \(offers cluster-1, cluster-2\)/
    );
  });

  test('selected multi values are escaped for regex matchers', async () => {
    fakePrometheus([]);
    const vars = await resolveVariables(saved, range, { cluster: ['cluster-1', 'cluster-2'] });
    assert.equal(substitute('$cluster', scopedVarsOf(vars)), '(cluster-1|cluster-2)');
  });
});
