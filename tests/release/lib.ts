import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join, relative, resolve } from 'node:path';

export const ROOT = resolve(__dirname, '../..');
export const DIST = join(ROOT, 'dist');

export const readJson = <T = Record<string, any>>(path: string): T => JSON.parse(readFileSync(path, 'utf8')) as T;

/** Every file under dir, as paths relative to it with forward slashes, sorted. */
export function filesUnder(dir: string): string[] {
  const out: string[] = [];
  const walk = (d: string) => {
    for (const name of readdirSync(d)) {
      const p = join(d, name);
      if (statSync(p).isDirectory()) {
        walk(p);
      } else {
        out.push(relative(dir, p).split('\\').join('/'));
      }
    }
  };
  walk(dir);
  return out.sort();
}

/** The plugin modules in src/ (module.ts or module.tsx), relative to the repository, sorted. */
export function sourceModules(): string[] {
  return filesUnder(join(ROOT, 'src'))
    .filter((f) => /(^|\/)module\.tsx?$/.test(f))
    .map((f) => `src/${f}`);
}
