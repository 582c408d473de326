/**
 * The dashboard preview's transformer registration against both vendor sets' @grafana/data: 12.4 reads
 * `item.transformation.operator`, 13.2 calls `item.transformation()` (lazy transformers). The same registry items must
 * run a merge + organize in both; the Grafana 13 host run draws the dashboards with it in Chromium.
 */
import '../browser/dashboards-preview.window';
import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { join, resolve } from 'node:path';
import { firstValueFrom } from 'rxjs';
import type * as GrafanaData from '@grafana/data';
import { eagerAndLazy } from '../harness/host/dashboard/frames';

const ROOT = resolve(__dirname, '../..');
const SETS: Array<[string, string]> = [
  ['12.4.2', join(ROOT, 'node_modules/@grafana/data')],
  ['13.2.3', join(ROOT, 'tests/harness/host13/node_modules/@grafana/data')],
];

describe('dashboard preview transformations', () => {
  for (const [version, path] of SETS) {
    test(`merge and organize run through the registry of @grafana/data ${version}`, async () => {
      const data = require(path) as typeof GrafanaData;
      assert.equal((require(join(path, 'package.json')) as { version: string }).version, version);
      const unique = [...new Map(Object.values(data.standardTransformers).map((t) => [t.id, t])).values()];
      data.standardTransformersRegistry.setInit(() =>
        unique.map((t) => ({ id: t.id, name: t.name, transformation: eagerAndLazy(t), editor: () => null, imageDark: '', imageLight: '' }))
      );
      const table = (refId: string, value: string, v: number) =>
        data.createDataFrame({
          refId,
          fields: [
            { name: 'service', type: data.FieldType.string, values: ['reviews'] },
            { name: value, type: data.FieldType.number, values: [v] },
          ],
        });
      const out = await firstValueFrom(
        data.transformDataFrame(
          [
            { id: 'merge', options: {} },
            { id: 'organize', options: { renameByName: { 'Value #A': 'Requests', 'Value #B': 'Errors' } } },
          ],
          [table('A', 'Value #A', 12.5), table('B', 'Value #B', 0.25)]
        )
      );
      assert.deepEqual(
        out.map((f) => f.fields.map((field) => [field.config.displayName ?? field.name, [...field.values]])),
        [[['service', ['reviews']], ['Requests', [12.5]], ['Errors', [0.25]]]]
      );
    });
  }
});
