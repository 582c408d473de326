import { test } from 'node:test';
import assert from 'node:assert/strict';
import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { join, resolve } from 'node:path';

// SECURITY.md and the README's "Run it" say what the code does: these checks keep them true.
const ROOT = resolve(__dirname, '../..');
const read = (file: string) => readFileSync(join(ROOT, file), 'utf8');

function* files(dir: string): Generator<string> {
  for (const name of readdirSync(join(ROOT, dir))) {
    const path = `${dir}/${name}`;
    if (statSync(join(ROOT, path)).isDirectory()) {
      yield* files(path);
    } else if (/\.tsx?$/.test(name)) {
      yield path;
    }
  }
}

test('SECURITY.md: every file it names exists, and it covers trust, escaping and reporting', () => {
  const text = read('SECURITY.md');
  const named = [...text.matchAll(/`((?:src|tests|simulator|scripts|\.github)\/[\w./-]+\.\w+)`/g)].map((m) => m[1]);
  assert.ok(named.length >= 9, `names ${named.length} files`);
  for (const file of named) {
    assert.ok(existsSync(join(ROOT, file)), `${file} exists`);
  }
  for (const heading of ['## Reporting a vulnerability', '## What is trusted', '## What is escaped where']) {
    assert.ok(text.includes(heading), heading);
  }
  for (const topic of ['PromQL string literals', 'PromQL regex', 'TraceQL', 'URLs', 'React text', 'template service']) {
    assert.ok(text.includes(topic), topic);
  }
});

test('as SECURITY.md says: no dangerouslySetInnerHTML, innerHTML or eval in src/', () => {
  const offenders = [...files('src')].filter((f) => /dangerouslySetInnerHTML|\.innerHTML\b|\beval\(|new Function\(/.test(read(f)));
  assert.deepEqual(offenders, []);
});

test("README's Run it names the demo stack's real settings: MESHLENS_BIND, MESHLENS_GRAFANA_PASSWORD, the password line", () => {
  const readme = read('README.md');
  const runIt = readme.slice(readme.indexOf('## Run it'), readme.indexOf('## Test it'));
  const compose = read('docker-compose.yaml');
  for (const name of ['MESHLENS_BIND', 'MESHLENS_GRAFANA_PASSWORD']) {
    assert.ok(runIt.includes(name) && compose.includes(name), name);
  }
  assert.ok(runIt.includes('MeshLens: Grafana user admin, password') && compose.includes('MeshLens: Grafana user admin, password'));
  assert.ok(runIt.includes('127.0.0.1'));
  assert.ok(!/admin` \/ `admin`|anonymous users are Viewers/.test(runIt), 'no admin/admin, no anonymous Viewer');
});
