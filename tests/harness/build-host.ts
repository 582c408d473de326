import { build, type Plugin } from 'esbuild';
import { existsSync, mkdirSync, readdirSync, readFileSync, renameSync, statSync, writeFileSync } from 'node:fs';
import { dirname, join, relative, resolve, sep } from 'node:path';
import { vendorSet, type VendorSet } from './vendor';

export const ROOT = resolve(__dirname, '../..');
export const VENDOR: VendorSet = vendorSet();
export const HOST_OUT = VENDOR.hostOut;
/** The built plugin the server serves: dist/, or HARNESS_DIST (e.g. another commit's build, to compare two builds in one harness). */
export const DIST = process.env.HARNESS_DIST ? resolve(process.env.HARNESS_DIST) : join(ROOT, 'dist');

/**
 * Bundles the host page (shared Grafana modules + renderer) into HOST_OUT with SystemJS beside it, taking the
 * shared modules from the chosen vendor set (vendor.ts).
 */
export async function buildHost(): Promise<void> {
  mkdirSync(HOST_OUT, { recursive: true });
  const result = await build({
    entryPoints: [join(__dirname, 'host/host.tsx')],
    bundle: true,
    format: 'iife',
    platform: 'browser',
    target: 'es2020',
    outfile: join(HOST_OUT, 'host.js'),
    write: false,
    define: { 'process.env.NODE_ENV': '"production"', global: 'window' },
    loader: { '.svg': 'dataurl', '.png': 'dataurl', '.woff2': 'file', '.woff': 'file', '.ttf': 'file' },
    minify: true,
    logLevel: 'warning',
    plugins: [
      {
        name: 'cjs-default-interop',
        setup(b) {
          b.onResolve({ filter: /^react-custom-scrollbars-2$/ }, (args) =>
            args.importer.endsWith('.mjs') ? { path: join(__dirname, 'host/shims/customScrollbars.ts') } : undefined
          );
        },
      },
      ...(VENDOR.dir === ROOT ? [] : [fromVendorSet(VENDOR.dir)]),
    ],
  });
  const systemjs = dirname(require.resolve('systemjs/package.json'));
  // The page tells @grafana/runtime's config which Grafana it is (buildInfo.version).
  const page = readFileSync(join(__dirname, 'host/index.html'), 'utf8');
  // host.js last: its time stamp is what hostIsStale compares.
  const outputs = [...result.outputFiles].sort(
    (a, b) => Number(a.path.endsWith('host.js')) - Number(b.path.endsWith('host.js'))
  );
  writeAtomically(join(HOST_OUT, 'system.js'), readFileSync(join(systemjs, 'dist/system.min.js')));
  writeAtomically(join(HOST_OUT, 'amd.js'), readFileSync(join(systemjs, 'dist/extras/amd.min.js')));
  writeAtomically(
    join(HOST_OUT, 'index.html'),
    VENDOR.dir === ROOT ? page : page.replace("version: '12.4.0'", `version: '${VENDOR.grafana}'`)
  );
  for (const file of outputs) {
    writeAtomically(file.path, file.contents);
  }
}

/**
 * Browser test files run in parallel and each may find the host stale: a file is replaced whole (rename), so a page
 * never loads a half-written bundle.
 */
function writeAtomically(path: string, contents: string | Uint8Array): void {
  const tmp = `${path}.${process.pid}.tmp`;
  writeFileSync(tmp, contents);
  renameSync(tmp, path);
}

// Packages that must be one instance in the page: what Grafana shares with plugins, and what they share state through.
const SINGLETONS = /^(react|react-dom|@grafana\/[^/]+|@emotion\/[^/]+|rxjs|lodash|i18next|react-router)$/;

/**
 * Resolves the host's imports from another vendor set's node_modules: every bare import from the harness's own
 * files (and the relative imports it makes into the root node_modules) that the set has, and the singletons from
 * anywhere, so no second React or @grafana/data comes in through a root package.
 */
function fromVendorSet(dir: string): Plugin {
  const vendorModules = join(dir, 'node_modules');
  const rootModules = join(ROOT, 'node_modules');
  const packageName = (spec: string) =>
    spec
      .split('/')
      .slice(0, spec.startsWith('@') ? 2 : 1)
      .join('/');
  return {
    name: 'vendor-set',
    setup(b) {
      b.onResolve({ filter: /.*/ }, (args) => {
        if (
          args.pluginData === 'vendor-set' ||
          args.importer.startsWith(vendorModules + sep) ||
          args.kind === 'entry-point'
        ) {
          return undefined;
        }
        if (args.path.startsWith('.')) {
          // e.g. ../../../node_modules/@grafana/runtime/dist/esm/components/PluginPage.mjs
          const target = resolve(args.resolveDir, args.path);
          if (!target.startsWith(rootModules + sep)) {
            return undefined;
          }
          const inVendor = join(vendorModules, relative(rootModules, target));
          if (!existsSync(inVendor)) {
            throw new Error(`${args.importer} imports ${args.path}, which the vendor set in ${dir} does not have`);
          }
          return { path: inVendor };
        }
        const name = packageName(args.path);
        const fromOwnFile = !args.importer.includes(`${sep}node_modules${sep}`);
        if ((fromOwnFile || SINGLETONS.test(name)) && existsSync(join(vendorModules, name, 'package.json'))) {
          return b.resolve(args.path, { resolveDir: dir, kind: args.kind, pluginData: 'vendor-set' });
        }
        return undefined;
      });
    },
  };
}

/** True when the host bundle is older than any of its sources or its vendor set's lockfile. */
export function hostIsStale(): boolean {
  try {
    const built = statSync(join(HOST_OUT, 'host.js')).mtimeMs;
    const dir = join(__dirname, 'host');
    const inputs = [
      join(VENDOR.dir, 'node_modules/.package-lock.json'),
      __filename,
      ...readdirSync(dir, { recursive: true }).map((f) => join(dir, String(f))),
    ];
    return inputs.some((f) => statSync(f).mtimeMs > built);
  } catch {
    return true;
  }
}

// `node --import tsx tests/harness/build-host.ts [--if-stale]`: the browser scripts build the host once before
// their files run in parallel.
if (require.main === module) {
  const started = Date.now();
  if (process.argv.includes('--if-stale') && !hostIsStale()) {
    console.log(`host up to date -> ${HOST_OUT}`);
    process.exit(0);
  }
  buildHost().then(
    () =>
      console.log(
        `host built in ${Date.now() - started} ms -> ${HOST_OUT} (@grafana/data ${VENDOR.grafana}, react ${VENDOR.react})`
      ),
    (e) => {
      console.error(e);
      process.exit(1);
    }
  );
}
