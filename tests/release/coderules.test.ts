import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { ROOT, filesUnder } from './lib';

// The TypeScript rules of the plugin validator's coderules analyzer (semgrep), checked by hand since its binary cannot
// run here: over src/ without tests, as the validator scans it. (window.location is also an eslint error in src/.)
const RULES: Array<[string, RegExp]> = [
  ['detect-console-logs', /\bconsole\.(log|info|table|debug|clear|count|countReset|dir|dirxml|group|groupEnd|time|timeEnd|timeLog|trace)\(/],
  ['direct-window-location', /\bwindow\.location\b/],
  ['window-open', /\bwindow\.open\(/],
  ['native-browser-dialogs', /(^|[^.\w])(window\.)?(alert|confirm|prompt)\(/],
  ['ts-ignore', /@ts-ignore/],
  ['detect-invalid-window-properties', /\bwindow\.(grafanaBootData|grafanaRuntime|__grafanaSceneContext)\b/],
  ['detect-topnav-toggle', /featureToggles\.topnav/],
  ['detect-old-react-internals', /__SECRET_INTERNALS_DO_NOT_USE_OR_YOU_WILL_BE_FIRED/],
  ['no-direct-css-imports', /import\s+['"].*\.(css|scss|less)['"]|import \{ Global \} from '@emotion\/react'|<Global\b/],
  ['deprecated-gf-form', /\bgf-form\b|\bLegacyForms\b/],
];

describe('plugin validator code rules', () => {
  test('src/ (without tests) breaks none of them', () => {
    const files = filesUnder(join(ROOT, 'src')).filter((f) => /\.tsx?$/.test(f) && !/\.(test|spec)\.tsx?$/.test(f));
    assert.ok(files.length > 150, `${files.length} files`);
    const hits = files.flatMap((f) =>
      readFileSync(join(ROOT, 'src', f), 'utf8')
        .split('\n')
        .flatMap((line, i) => RULES.filter(([, re]) => re.test(line)).map(([id]) => `src/${f}:${i + 1}: ${id}`))
    );
    assert.deepEqual(hits, []);
  });

  test('each rule finds its example', () => {
    const samples = [
      "console.log('x');",
      'const q = window.location.search;',
      "window.open('https://x');",
      "if (confirm('Delete?')) {}",
      '// @ts-ignore',
      'const b = window.grafanaBootData;',
      'if (config.featureToggles.topnav) {}',
      'React.__SECRET_INTERNALS_DO_NOT_USE_OR_YOU_WILL_BE_FIRED',
      "import './styles.css';",
      '<div className="gf-form">',
    ];
    assert.deepEqual(
      samples.map((s) => RULES.filter(([, re]) => re.test(s)).map(([id]) => id)),
      RULES.map(([id]) => [id])
    );
  });
});
