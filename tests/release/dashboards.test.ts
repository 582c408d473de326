import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { parse } from 'yaml';
import { ROOT, filesUnder, readJson } from './lib';

// Grafana migrates a dashboard on load through every schema step above its schemaVersion, and replaces panels of
// retired types (graph, singlestat, table-old, the Angular plugins) with their successors. A dashboard at the
// current version with current panel types loads unchanged.
const dashboards = filesUnder(join(ROOT, 'src/dashboards')).filter((f) => f.endsWith('.json'));
const RETIRED = new Set(['graph', 'singlestat', 'table-old', 'grafana-piechart-panel', 'grafana-worldmap-panel', 'grafana-polystat-panel']);
const latest = (dir: string) => (require(join(dir, 'node_modules/@grafana/schema')) as { defaultDashboard: { schemaVersion: number } }).defaultDashboard.schemaVersion;

describe('bundled dashboards in Grafana 12.4 and 13.2', () => {
  test('the schema version is the latest of @grafana/schema 12.4 and 13.2 (42: no migration step runs)', () => {
    assert.deepEqual([latest(ROOT), latest(join(ROOT, 'tests/harness/host13'))], [42, 42]);
    assert.equal(dashboards.length, 8);
    for (const f of dashboards) {
      assert.equal(readJson(join(ROOT, 'src/dashboards', f)).schemaVersion, 42, f);
    }
  });

  test('no panel has a type Grafana retires and auto-migrates', () => {
    const types = new Set<string>();
    const walk = (panels: Array<{ type: string; panels?: unknown[] }> = []) =>
      panels.forEach((p) => {
        types.add(p.type);
        walk(p.panels as typeof panels);
      });
    for (const f of dashboards) {
      walk(readJson(join(ROOT, 'src/dashboards', f)).panels);
    }
    assert.deepEqual([...types].filter((t) => RETIRED.has(t)), []);
    assert.deepEqual([...types].sort(), ['heatmap', 'meshlens-meshgraph-panel', 'meshlens-trace-panel', 'row', 'stat', 'table', 'text', 'timeseries']);
  });
});

// The file provisioning format (apiVersion 1) that Grafana 12 and 13 read, key by key.
const KEYS = {
  datasource: ['name', 'uid', 'type', 'access', 'url', 'isDefault', 'editable', 'jsonData', 'secureJsonData', 'orgId', 'basicAuth', 'user', 'database', 'version'],
  provider: ['name', 'orgId', 'folder', 'folderUid', 'type', 'disableDeletion', 'allowUiUpdates', 'updateIntervalSeconds', 'options'],
  app: ['type', 'org_id', 'org_name', 'disabled', 'jsonData', 'secureJsonData'],
};

describe('provisioning files', () => {
  const read = (f: string) => parse(readFileSync(join(ROOT, 'provisioning', f), 'utf8'));
  const unknownKeys = (items: Array<Record<string, unknown>>, allowed: string[]) => items.flatMap((i) => Object.keys(i).filter((k) => !allowed.includes(k)));

  test('use apiVersion 1 and only the keys Grafana 13 reads', () => {
    const ds = read('datasources/meshlens.yaml');
    const dash = read('dashboards/meshlens.yaml');
    const apps = read('plugins/apps.yaml');
    assert.deepEqual([ds.apiVersion, dash.apiVersion, apps.apiVersion], [1, 1, 1]);
    assert.deepEqual(unknownKeys(ds.datasources, KEYS.datasource), []);
    assert.deepEqual(unknownKeys(dash.providers, KEYS.provider), []);
    assert.deepEqual(unknownKeys(apps.apps, KEYS.app), []);
    assert.deepEqual(Object.keys(dash.providers[0].options).sort(), ['foldersFromFilesStructure', 'path']);
  });

  test('the dashboards provider reads the folder the build writes the dashboards to', () => {
    const dash = read('dashboards/meshlens.yaml');
    assert.equal(dash.providers[0].options.path, '/var/lib/grafana/plugins/meshlens-istio-app/dashboards');
    assert.deepEqual(filesUnder(join(ROOT, 'provisioning')), ['dashboards/meshlens.yaml', 'datasources/meshlens.yaml', 'plugins/apps.yaml']);
  });
});
