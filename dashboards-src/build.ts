/**
 * Writes the generated dashboards to src/dashboards/ (`npm run dashboards`), formatted with the repository's
 * prettier config so `prettier --write` never makes the checked-in copy drift.
 * `--check` writes nothing and exits 1 listing the files that differ (the jest test runs this; prettier 3
 * cannot be loaded inside jest's module system).
 */
import { existsSync, mkdirSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { format, resolveConfig } from 'prettier';
import { generateDashboards } from './generate';
import { Dashboards, type DashboardKey } from './lib/ids';
import coverage from './coverage.json';

const OUT_DIR = resolve(__dirname, '..', 'src', 'dashboards');

const COVERAGE_MD = resolve(__dirname, 'COVERAGE.md');

/** coverage.json as a readable table (generated; edit coverage.json). */
function coverageMarkdown(): string {
  const cell = (s: string) => s.replace(/\|/g, '\\|');
  const lines = [
    '# Coverage of Istio’s dashboards',
    '',
    'Generated from `coverage.json` by `npm run dashboards`; `coverage.test.ts` checks every row against the generated JSON.',
    `Source: ${coverage.source}.`,
    '',
    '| Istio dashboard | Row | Istio panel | MeshLens dashboard | MeshLens panel | Note |',
    '|---|---|---|---|---|---|',
    ...coverage.panels.map(
      (p) =>
        `| ${cell(p.istioDashboard)} | ${cell(p.istioRow)} | ${cell(p.istioPanel)} | ${Dashboards[p.dashboard as DashboardKey].title} | ${cell(p.panel)} | ${cell((p as { note?: string }).note ?? '')} |`
    ),
    '',
  ];
  return lines.join('\n');
}

async function render(): Promise<Record<string, string>> {
  const config = (await resolveConfig(join(OUT_DIR, 'x.json'))) ?? {};
  const out: Record<string, string> = {};
  for (const [key, dash] of Object.entries(generateDashboards())) {
    out[Dashboards[key as DashboardKey].file] = await format(JSON.stringify(dash), { ...config, parser: 'json' });
  }
  return out;
}

async function main(check: boolean) {
  const files = await render();
  const md = await format(coverageMarkdown(), { ...((await resolveConfig(COVERAGE_MD)) ?? {}), parser: 'markdown' });
  const present = existsSync(OUT_DIR) ? readdirSync(OUT_DIR).filter((f) => f.endsWith('.json')) : [];
  const stale = present.filter((f) => !(f in files));
  if (check) {
    const differing = Object.entries(files)
      .filter(([name, text]) => !existsSync(join(OUT_DIR, name)) || readFileSync(join(OUT_DIR, name), 'utf8') !== text)
      .map(([name]) => name);
    if (!existsSync(COVERAGE_MD) || readFileSync(COVERAGE_MD, 'utf8') !== md) {
      differing.push('dashboards-src/COVERAGE.md');
    }
    if (differing.length + stale.length > 0) {
      console.error(
        `out of date: ${[...differing, ...stale.map((s) => `${s} (stale)`)].join(', ')}; run npm run dashboards`
      );
      process.exit(1);
    }
    console.log(`${Object.keys(files).length} dashboards up to date`);
    return;
  }
  mkdirSync(OUT_DIR, { recursive: true });
  stale.forEach((f) => rmSync(join(OUT_DIR, f)));
  for (const [name, text] of Object.entries(files)) {
    writeFileSync(join(OUT_DIR, name), text);
    console.log(`wrote src/dashboards/${name}`);
  }
  writeFileSync(COVERAGE_MD, md);
  console.log('wrote dashboards-src/COVERAGE.md');
}

main(process.argv.includes('--check')).catch((err) => {
  console.error(err);
  process.exit(1);
});
