import { build } from 'esbuild';
import { copyFileSync, mkdirSync, readdirSync, statSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';

export const ROOT = resolve(__dirname, '../..');
export const HOST_OUT = join(ROOT, '.harness/host');

/** Bundles the host page (shared Grafana modules + renderer) into .harness/host with SystemJS beside it. */
export async function buildHost(): Promise<void> {
  mkdirSync(HOST_OUT, { recursive: true });
  await build({
    entryPoints: [join(__dirname, 'host/host.tsx')],
    bundle: true,
    format: 'iife',
    platform: 'browser',
    target: 'es2020',
    outfile: join(HOST_OUT, 'host.js'),
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
    ],
  });
  const systemjs = dirname(require.resolve('systemjs/package.json'));
  copyFileSync(join(systemjs, 'dist/system.min.js'), join(HOST_OUT, 'system.js'));
  copyFileSync(join(systemjs, 'dist/extras/amd.min.js'), join(HOST_OUT, 'amd.js'));
  copyFileSync(join(__dirname, 'host/index.html'), join(HOST_OUT, 'index.html'));
}

/** True when the host bundle is older than any of its sources. */
export function hostIsStale(): boolean {
  try {
    const built = statSync(join(HOST_OUT, 'host.js')).mtimeMs;
    const dir = join(__dirname, 'host');
    return readdirSync(dir, { recursive: true }).some((f) => statSync(join(dir, String(f))).mtimeMs > built);
  } catch {
    return true;
  }
}

if (require.main === module) {
  const started = Date.now();
  buildHost().then(
    () => console.log(`host built in ${Date.now() - started} ms -> ${HOST_OUT}`),
    (e) => {
      console.error(e);
      process.exit(1);
    }
  );
}
