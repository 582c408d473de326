import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import semver from 'semver';
import { ROOT, filesUnder, readJson } from './lib';

// What Grafana's plugin validator checks in plugin.json and LICENSE (its binary cannot run here; README "Release").
const plugin = readJson(join(ROOT, 'src/plugin.json'));
const PNG = Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]);

describe('plugin.json for the catalogue', () => {
  test('the nested panels are included by the path of their plugin.json', () => {
    const nested = filesUnder(join(ROOT, 'src/panels')).filter((f) => f.endsWith('/plugin.json')).map((f) => `panels/${f}`);
    assert.deepEqual(nested, ['panels/meshgraph/plugin.json', 'panels/trace/plugin.json']);
    const panels = plugin.includes.filter((i: { type: string }) => i.type === 'panel');
    assert.deepEqual(panels.map((i: { path: string }) => i.path).sort(), nested);
    for (const p of nested) {
      assert.equal(readJson(join(ROOT, 'src', p)).type, 'panel', p);
    }
  });

  test('every dashboard include names a file in src/', () => {
    const dashboards = plugin.includes.filter((i: { type: string }) => i.type === 'dashboard');
    assert.equal(dashboards.length, 8);
    for (const d of dashboards) {
      assert.ok(existsSync(join(ROOT, 'src', d.path)), d.path);
    }
  });

  test('screenshots are named PNG files in src/img/screenshots', () => {
    assert.equal(plugin.info.screenshots.length, 6);
    for (const s of plugin.info.screenshots) {
      assert.match(s.path, /^img\/screenshots\/[a-z0-9-]+\.png$/);
      assert.ok(s.name.length > 3, s.path);
      assert.deepEqual(readFileSync(join(ROOT, 'src', s.path)).subarray(0, 8), PNG, s.path);
    }
  });

  test('keywords, logos, links and the author are set in all three plugin.json files', () => {
    for (const file of ['src/plugin.json', 'src/panels/trace/plugin.json', 'src/panels/meshgraph/plugin.json']) {
      const p = readJson(join(ROOT, file));
      assert.ok(p.info.keywords.length >= 4, file);
      assert.ok(p.info.description.length > 20, file);
      assert.equal(p.info.author.name, 'MeshLens', file);
      for (const logo of [p.info.logos.small, p.info.logos.large]) {
        assert.ok(existsSync(join(ROOT, file, '..', logo)), `${file}: ${logo}`);
      }
      assert.equal(p.info.version, '%VERSION%', file);
      assert.equal(p.dependencies.grafanaDependency, plugin.dependencies.grafanaDependency, file);
    }
    assert.deepEqual(
      plugin.info.links.map((l: { url: string }) => new URL(l.url).protocol),
      plugin.info.links.map(() => 'https:')
    );
  });
});

describe('grafanaDependency', () => {
  test('is the proven range: from 12.4 to the Grafana 13 host version, nothing untested beyond 13.x', () => {
    const range = plugin.dependencies.grafanaDependency;
    const own = readJson(join(ROOT, 'package.json')).dependencies['@grafana/data'];
    const host13 = readJson(join(ROOT, 'tests/harness/host13/package.json')).dependencies['@grafana/data'];
    assert.deepEqual([own, host13], ['12.4.2', '13.2.3']);
    assert.deepEqual(
      ['12.3.9', '12.4.0', own, '13.0.0', host13, '13.9.0', '14.0.0'].map((v) => semver.satisfies(v, range)),
      [false, true, true, true, true, true, false]
    );
  });
});

describe('LICENSE', () => {
  test('is Apache-2.0 with the appendix filled in', () => {
    const text = readFileSync(join(ROOT, 'LICENSE'), 'utf8');
    assert.match(text, /Apache License\s+Version 2\.0, January 2004/);
    assert.deepEqual(text.match(/\{yyyy\}|\[yyyy\]|\{name of copyright owner\}|\[name of copyright owner\]/g), null);
    assert.match(text, /^ {3}Copyright 2026 MeshLens$/m);
    assert.equal(readJson(join(ROOT, 'package.json')).license, 'Apache-2.0');
  });
});
