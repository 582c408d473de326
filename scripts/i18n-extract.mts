/**
 * Writes each plugin's locale files from the t() calls in the code its bundle holds:
 *   npm run i18n:extract              write <plugin dir>/locales/<lang>/<plugin-id>.json
 *   npm run i18n:extract -- --check   exit 1, writing nothing, when a checked-in file is not current with the source
 *   --root=<dir>                      another checkout laid out like this one (the script's own test uses it)
 *
 * The app and each nested panel are separate bundles, and @grafana/i18n reads keys from the namespace named after
 * the plugin id of the bundle it is in, so each plugin gets its own file beside its plugin.json (where Grafana looks
 * for it), holding the keys of its own folder and of src/shared. English values follow the code's defaults
 * (--sync-primary): Grafana 12 loads the en-US file over them. i18next-cli syncs plural forms only from an explicit
 * `defaultValue_one`; for a call that passes only `{ count }` this script syncs `_other` from the code itself and
 * keeps `_one`, which a translator may have written by hand.
 */
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { dirname, join, relative, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { defineConfig, extract, findKeys, runExtractor } from 'i18next-cli';

/** Plugin folders and the source folders bundled into each plugin's module. */
const SCOPES = [
  { dir: 'src', sources: ['src/module.tsx', 'src/app', 'src/shared'] },
  { dir: 'src/panels/trace', sources: ['src/panels/trace', 'src/shared'] },
  { dir: 'src/panels/meshgraph', sources: ['src/panels/meshgraph', 'src/shared'] },
];

function configs(root: string) {
  return SCOPES.filter((s) => existsSync(join(root, s.dir, 'plugin.json'))).map((scope) => {
    const plugin = JSON.parse(readFileSync(join(root, scope.dir, 'plugin.json'), 'utf8')) as { id: string; languages?: string[] };
    if (!plugin.languages?.length) {
      throw new Error(`${scope.dir}/plugin.json declares no "languages"`);
    }
    return defineConfig({
      locales: plugin.languages,
      extract: {
        input: scope.sources.map((s) => (/\.tsx?$/.test(s) ? `${root}/${s}` : `${root}/${s}/**/*.{ts,tsx}`)),
        ignore: [`${root}/**/*.test.ts`, `${root}/**/*.test.tsx`],
        output: `${root}/${scope.dir}/locales/{{language}}/{{namespace}}.json`,
        defaultNS: plugin.id,
        primaryLanguage: 'en-US',
        functions: ['t'],
        transComponents: ['Trans'],
        // Flat keys: the code uses some keys both as a text and as the parent of others ('graph.nodes' and
        // 'graph.nodes.more'), which nested JSON cannot hold; i18next finds flat keys that contain dots.
        keySeparator: false,
        sort: true,
        indentation: 2,
      },
    });
  });
}

type Config = ReturnType<typeof configs>[number];

/** The en-US file a config writes. */
function primaryFile(config: Config): string {
  const output = config.extract.output as string;
  return output.replace('{{language}}', config.extract.primaryLanguage!).replace('{{namespace}}', config.extract.defaultNS as string);
}

/** `_other` texts of the calls that pass only `{ count }`, by key: the code's default, which i18next-cli leaves alone. */
async function countOnlyPlurals(config: Config): Promise<Map<string, string>> {
  const { allKeys } = await findKeys(config);
  const plurals = [...allKeys.values()].filter((k) => k.hasCount && !k.explicitDefault && k.key.endsWith('_other') && k.defaultValue !== undefined);
  return new Map(plurals.map((k) => [k.key, k.defaultValue!]));
}

/** What --check reports per file: keys to add, keys to drop, and English values that differ from the code. */
function differences(result: { newTranslations: Record<string, unknown>; existingTranslations: Record<string, unknown> }, plurals: Map<string, string>) {
  const want = { ...result.newTranslations, ...Object.fromEntries(plurals) };
  const have = result.existingTranslations;
  return {
    missing: Object.keys(want).filter((k) => !(k in have)),
    unused: Object.keys(have).filter((k) => !(k in want)),
    changed: Object.keys(want).filter((k) => k in have && have[k] !== want[k]),
  };
}

async function check(root: string): Promise<boolean> {
  let current = true;
  for (const config of configs(root)) {
    const plurals = await countOnlyPlurals(config);
    for (const result of await extract(config, { syncPrimaryWithDefaults: true })) {
      const d = differences(result, result.locale === config.extract.primaryLanguage ? plurals : new Map());
      for (const [what, keys] of Object.entries(d).filter(([, keys]) => keys.length > 0)) {
        current = false;
        console.error(`${relative(root, result.path)}: ${keys.length} ${what}: ${keys.join(', ')}`);
      }
    }
  }
  console.log(current ? 'Locale files are current with the source.' : 'Locale files are not current with the source: run npm run i18n:extract');
  return current;
}

async function write(root: string) {
  for (const config of configs(root)) {
    await runExtractor(config, { syncPrimaryWithDefaults: true, quiet: true });
    const plurals = await countOnlyPlurals(config);
    const file = primaryFile(config);
    const resources = JSON.parse(readFileSync(file, 'utf8')) as Record<string, string>;
    if ([...plurals].some(([key, text]) => resources[key] !== text)) {
      writeFileSync(file, `${JSON.stringify({ ...resources, ...Object.fromEntries(plurals) }, null, 2)}\n`);
    }
  }
}

const rootArg = process.argv.find((a) => a.startsWith('--root='));
const root = rootArg ? resolve(rootArg.slice('--root='.length)) : resolve(dirname(fileURLToPath(import.meta.url)), '..');
(process.argv.includes('--check') ? check(root) : write(root).then(() => true)).then(
  (ok) => process.exit(ok ? 0 : 1),
  (e: unknown) => {
    console.error(e);
    process.exit(1);
  }
);
