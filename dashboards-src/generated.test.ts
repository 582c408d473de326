/** @jest-environment node */
import { spawnSync } from 'node:child_process';
import { mkdtempSync, cpSync, writeFileSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';

const ROOT = resolve(__dirname, '..');

function check(): { status: number | null; output: string } {
  const r = spawnSync(process.execPath, ['--import', 'tsx', 'dashboards-src/build.ts', '--check'], {
    cwd: ROOT,
    encoding: 'utf8',
  });
  return { status: r.status, output: `${r.stdout}${r.stderr}` };
}

describe('checked-in dashboards (src/dashboards/*.json)', () => {
  it('match a fresh generation byte for byte (run `npm run dashboards` after changing dashboards-src/)', () => {
    const r = check();
    expect(r.output).toContain('dashboards up to date');
    expect(r.status).toBe(0);
  });

  it('the check fails when a checked-in file is edited by hand', () => {
    const file = join(ROOT, 'src', 'dashboards', 'istio-mesh.json');
    const backup = mkdtempSync(join(tmpdir(), 'meshlens-dash-'));
    cpSync(file, join(backup, 'istio-mesh.json'));
    try {
      writeFileSync(file, readFileSync(file, 'utf8').replace('"revision": ', '"revision": 9'));
      const r = check();
      expect(r.status).toBe(1);
      expect(r.output).toContain('istio-mesh.json');
    } finally {
      cpSync(join(backup, 'istio-mesh.json'), file);
      rmSync(backup, { recursive: true, force: true });
    }
  });
});
