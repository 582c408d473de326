import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { existsSync, readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { DIST, ROOT, filesUnder, readJson } from './lib';

// Checks on the production build (run after `npm run build`): the layout Grafana and its validator expect.
const plugin = readJson(join(DIST, 'plugin.json'));
const files = filesUnder(DIST);

describe('dist/ layout', () => {
  test('every include with a file path resolves inside dist/, the panels to their plugin.json', () => {
    const withFiles = plugin.includes.filter((i: { type: string }) => i.type === 'panel' || i.type === 'dashboard');
    assert.equal(withFiles.length, 10);
    for (const i of withFiles) {
      assert.ok(files.includes(i.path), i.path);
    }
    assert.deepEqual(
      files.filter((f) => f.endsWith('/plugin.json') || f === 'plugin.json'),
      ['panels/meshgraph/plugin.json', 'panels/trace/plugin.json', 'plugin.json']
    );
  });

  test('each nested panel has its module, source map and logo beside its plugin.json', () => {
    for (const panel of ['trace', 'meshgraph']) {
      for (const f of ['module.js', 'module.js.map', 'img/logo.svg']) {
        assert.ok(files.includes(`panels/${panel}/${f}`), `panels/${panel}/${f}`);
      }
      assert.equal(readJson(join(DIST, `panels/${panel}/plugin.json`)).info.version, readJson(join(ROOT, 'package.json')).version);
    }
  });

  test('the screenshots are copied unchanged and the placeholders are replaced', () => {
    assert.equal(plugin.info.screenshots.length, 6);
    for (const s of plugin.info.screenshots) {
      assert.ok(readFileSync(join(DIST, s.path)).equals(readFileSync(join(ROOT, 'src', s.path))), s.path);
    }
    assert.equal(plugin.info.version, readJson(join(ROOT, 'package.json')).version);
    assert.match(plugin.info.updated, /^\d{4}-\d{2}-\d{2}$/);
    assert.doesNotMatch(readFileSync(join(DIST, 'plugin.json'), 'utf8'), /%[A-Z_]+%/);
  });
});

// What webpack writes for code it generates itself, which no source file backs (Grafana's validator skips these).
const GENERATED = [/^webpack\/(bootstrap|startup|runtime\/[A-Za-z ]+)$/, /^external amd "[^"]+"$/, /^\.\/node_modules\/grafana-public-path\.js$/];
const PREFIX = 'webpack://meshlens-istio-app/';

describe('source maps', () => {
  const maps = files.filter((f) => f.endsWith('.map'));

  test('there is one for every script', () => {
    assert.deepEqual(
      maps.map((m) => m.replace(/\.map$/, '')),
      files.filter((f) => f.endsWith('.js'))
    );
  });

  test('no source is a webpack context module (a template import() of the locale files)', () => {
    // e.g. "webpack://meshlens-istio-app/./locales/ lazy ^\.\/.*\/meshlens\-istio\-app\.json$ namespace object"
    const isContext = (s: string) => !s.startsWith(`${PREFIX}webpack/`) && / (lazy|sync|eager|weak)( |$)|\^/.test(s);
    const contexts = maps.flatMap((m) => readJson<{ sources: string[] }>(join(DIST, m)).sources.filter(isContext));
    assert.deepEqual(contexts, []);
    // The entry a build with the template import() wrote (seen in module.js.map before the static imports).
    assert.equal(isContext(`${PREFIX}./locales/ lazy ^\\.\\/.*\\/meshlens-istio-app\\.json$ namespace object`), true);
    assert.equal(isContext(`${PREFIX}webpack/runtime/make namespace object`), false);
  });

  test('every other source is a file in src/ or node_modules whose text is the file on disk', () => {
    const problems: string[] = [];
    let checked = 0;
    for (const m of maps) {
      const map = readJson<{ sources: string[]; sourcesContent?: string[] }>(join(DIST, m));
      map.sources.forEach((source, i) => {
        if (!source.startsWith(PREFIX)) {
          problems.push(`${m}: ${source} is outside ${PREFIX}`);
          return;
        }
        const path = source.slice(PREFIX.length);
        if (GENERATED.some((g) => g.test(path))) {
          return;
        }
        // webpack's context is src/, so the paths are relative to it.
        const file = resolve(ROOT, 'src', path);
        if (!file.startsWith(join(ROOT, 'src') + '/') && !file.startsWith(join(ROOT, 'node_modules') + '/')) {
          problems.push(`${m}: ${source} is neither in src/ nor in node_modules`);
        } else if (!existsSync(file)) {
          problems.push(`${m}: ${source} names no file`);
        } else if (map.sourcesContent?.[i] !== readFileSync(file, 'utf8')) {
          problems.push(`${m}: ${source} differs from the file`);
        } else {
          checked++;
        }
      });
    }
    assert.deepEqual(problems, []);
    assert.ok(checked > 400, `${checked} sources checked`);
  });
});
