/** @jest-environment node */
import { spawnSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';

const ROOT = resolve(__dirname, '../..');
const LOCALE_FILES = [
  'src/locales/en-US/meshlens-istio-app.json',
  'src/panels/trace/locales/en-US/meshlens-trace-panel.json',
  'src/panels/meshgraph/locales/en-US/meshlens-meshgraph-panel.json',
];

// i18next-cli is ESM-only, so the extractor runs in its own node process, as `npm run i18n:extract` does.
const extractor = (...args: string[]) => spawnSync(process.execPath, ['--import', 'tsx', join(ROOT, 'scripts/i18n-extract.mts'), ...args], { cwd: ROOT, encoding: 'utf8' });

// Each extractor run starts node, tsx and i18next-cli (1–3 s, more on a loaded machine).
const SLOW = 120_000;

const readJson = (path: string) => JSON.parse(readFileSync(path, 'utf8')) as Record<string, string>;

describe('locale files', () => {
  it('are current with the t() calls in the source (run npm run i18n:extract when this fails)', () => {
    const run = extractor('--check');
    expect(run.stderr.split('\n').filter((l) => l.includes(': '))).toEqual([]);
    expect(run.status).toBe(0);
  }, SLOW);

  it.each(LOCALE_FILES)('%s has both English plural forms for every counted text', (file) => {
    const keys = Object.keys(readJson(join(ROOT, file)));
    const plural = keys.filter((k) => /_(one|other)$/.test(k)).map((k) => k.replace(/_(one|other)$/, ''));
    expect(plural.length).toBeGreaterThan(0);
    for (const base of new Set(plural)) {
      expect([keys.includes(`${base}_one`), keys.includes(`${base}_other`)]).toEqual([true, true]);
    }
  });
});

describe('npm run i18n:extract on a checkout', () => {
  let root: string;
  const write = (path: string, text: string) => {
    mkdirSync(dirname(join(root, path)), { recursive: true });
    writeFileSync(join(root, path), text);
  };
  const locale = () => readJson(join(root, 'src/locales/en-US/test-app.json'));

  beforeEach(() => {
    root = mkdtempSync(join(tmpdir(), 'meshlens-i18n-'));
    write('src/plugin.json', JSON.stringify({ id: 'test-app', languages: ['en-US'] }));
    write(
      'src/app/Page.tsx',
      [
        "import { t } from '@grafana/i18n';",
        "export const hidden = (count: number) => t('page.hidden', '{{count}} spans hidden', { count });",
        "export const skew = (count: number) => t('page.skew', '{{count}} spans with clock skew', { count, defaultValue_one: '{{count}} span with clock skew' });",
        "export const title = () => t('page.title', 'New title');",
      ].join('\n')
    );
    // A translator's singular for the call that passes only { count }, a stale English value and a key no code uses.
    write('src/locales/en-US/test-app.json', JSON.stringify({ 'page.hidden_one': '{{count}} span hidden', 'page.title': 'Old title', 'page.gone': 'Gone' }));
  });
  afterEach(() => rmSync(root, { recursive: true, force: true }));

  it('--check names what is missing, unused and out of date, and writes nothing', () => {
    const run = extractor('--check', `--root=${root}`);
    expect(run.status).toBe(1);
    expect(run.stderr).toMatch(/missing: page\.hidden_other, page\.skew_one, page\.skew_other/);
    expect(run.stderr).toMatch(/unused: page\.gone/);
    expect(run.stderr).toMatch(/changed: page\.title/);
    expect(locale()).toEqual({ 'page.hidden_one': '{{count}} span hidden', 'page.title': 'Old title', 'page.gone': 'Gone' });
  }, SLOW);

  it('writes both plural forms, keeps the hand-written singular, follows the code, and is then current', () => {
    expect(extractor(`--root=${root}`).status).toBe(0);
    expect(locale()).toEqual({
      'page.hidden_one': '{{count}} span hidden',
      'page.hidden_other': '{{count}} spans hidden',
      'page.skew_one': '{{count}} span with clock skew',
      'page.skew_other': '{{count}} spans with clock skew',
      'page.title': 'New title',
    });
    expect(extractor('--check', `--root=${root}`).status).toBe(0);
    // A second run changes nothing, the hand-written singular included.
    expect(extractor(`--root=${root}`).status).toBe(0);
    expect(locale()['page.hidden_one']).toBe('{{count}} span hidden');
  }, SLOW);

  it('follows a changed plural text of a call that passes only { count }, keeping the hand-written singular', () => {
    expect(extractor(`--root=${root}`).status).toBe(0);
    const page = readFileSync(join(root, 'src/app/Page.tsx'), 'utf8');
    write('src/app/Page.tsx', page.replace("'{{count}} spans hidden'", "'{{count}} spans are hidden'"));
    const check = extractor('--check', `--root=${root}`);
    expect(check.status).toBe(1);
    expect(check.stderr).toMatch(/changed: page\.hidden_other/);
    expect(extractor(`--root=${root}`).status).toBe(0);
    expect(locale()).toMatchObject({ 'page.hidden_one': '{{count}} span hidden', 'page.hidden_other': '{{count}} spans are hidden' });
    expect(extractor('--check', `--root=${root}`).status).toBe(0);
  }, SLOW);
});
