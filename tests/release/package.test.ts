import { after, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { DIST, ROOT, filesUnder, readJson } from './lib';

// scripts/package.sh (the second half of `npm run package`) on the built dist/, into a temp folder.
const out = mkdtempSync(join(tmpdir(), 'meshlens-package-'));
after(() => rmSync(out, { recursive: true, force: true }));
const run = spawnSync('bash', [join(ROOT, 'scripts/package.sh')], { cwd: ROOT, env: { ...process.env, PACKAGE_OUT: out }, encoding: 'utf8' });
const version = readJson(join(ROOT, 'package.json')).version as string;
const zipName = `meshlens-istio-app-${version}.zip`;
const zip = join(out, zipName);

describe('npm run package', () => {
  test('writes the versioned zip and its two checksum files', () => {
    assert.equal(run.stderr, '');
    assert.equal(run.status, 0);
    assert.deepEqual(filesUnder(out), [zipName, `${zipName}.md5`, `${zipName}.sha256`]);
  });

  test('the zip holds one folder named after the plugin id with exactly the files of dist/', () => {
    const listing = spawnSync('unzip', ['-Z1', zip], { encoding: 'utf8' });
    assert.equal(listing.status, 0);
    const entries = listing.stdout.split('\n').filter(Boolean);
    assert.deepEqual([...new Set(entries.map((e) => e.split('/')[0]))], ['meshlens-istio-app']);
    assert.deepEqual(
      entries.filter((e) => !e.endsWith('/')).sort(),
      filesUnder(DIST).map((f) => `meshlens-istio-app/${f}`)
    );
    for (const f of ['plugin.json', 'module.js', 'module.js.map', 'panels/trace/plugin.json', 'panels/meshgraph/module.js', 'img/screenshots/app-graph.png', 'LICENSE', 'README.md', 'CHANGELOG.md']) {
      assert.ok(entries.includes(`meshlens-istio-app/${f}`), f);
    }
  });

  test('the plugin.json inside names the same id and version', () => {
    const inner = spawnSync('unzip', ['-p', zip, 'meshlens-istio-app/plugin.json'], { encoding: 'utf8' });
    const p = JSON.parse(inner.stdout);
    assert.deepEqual([p.id, p.info.version], ['meshlens-istio-app', version]);
  });

  test('the checksum files are sha256sum/md5sum lines for the zip', () => {
    const bytes = readFileSync(zip);
    assert.equal(readFileSync(`${zip}.sha256`, 'utf8'), `${createHash('sha256').update(bytes).digest('hex')}  ${zipName}\n`);
    assert.equal(readFileSync(`${zip}.md5`, 'utf8'), `${createHash('md5').update(bytes).digest('hex')}  ${zipName}\n`);
  });
});
