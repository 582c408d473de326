import { test } from 'node:test';
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { chmodSync, copyFileSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';

// Runs a copy of scripts/test-all.sh (the README's test command) in a scratch project whose install step passes and
// whose `npm` is a fake that records each call and fails the scripts it is told to: the lanes must report every
// step, fail the run when any step fails, and skip what depends on a failed step.
const ROOT = resolve(__dirname, '../..');
const DIST = ['module.js', 'plugin.json', 'panels/trace/module.js', 'panels/trace/plugin.json', 'panels/meshgraph/module.js', 'panels/meshgraph/plugin.json'];

function run(failing: string[], withDist = true) {
  const dir = mkdtempSync(join(tmpdir(), 'meshlens-test-all-'));
  try {
    mkdirSync(join(dir, 'scripts'));
    mkdirSync(join(dir, 'bin'));
    copyFileSync(join(ROOT, 'scripts/test-all.sh'), join(dir, 'scripts/test-all.sh'));
    writeFileSync(join(dir, 'scripts/install-system-packages.sh'), 'exit 0\n');
    for (const f of withDist ? DIST : []) {
      mkdirSync(join(dir, 'dist', f, '..'), { recursive: true });
      writeFileSync(join(dir, 'dist', f), '');
    }
    const calls = join(dir, 'calls.log');
    // `npm run X` and `npm ci [--prefix P]`: records the call, prints a line, fails when X is listed.
    writeFileSync(
      join(dir, 'bin/npm'),
      `#!/bin/bash\nname="$*"\n[ "$1" = run ] && name=$2\necho "$name" >> '${calls}'\necho "output of $name"\ncase " $FAILING " in *" $name "*) exit 3;; esac\nexit 0\n`
    );
    chmodSync(join(dir, 'bin/npm'), 0o755);
    const r = spawnSync('/bin/bash', [join(dir, 'scripts/test-all.sh')], {
      encoding: 'utf8',
      env: { PATH: `${join(dir, 'bin')}:/usr/bin:/bin`, FAILING: failing.join(' '), CI: 'true', TMPDIR: dir },
    });
    const summary = r.stdout.slice(r.stdout.lastIndexOf('== summary'));
    const rows = Object.fromEntries(
      summary
        .split('\n')
        .map((l) => /^ {2}(\S.*?)\s{2,}(pass|FAIL \(\d+\)|skipped: .*?)\s+(\d+s|-)\s+(\d+s|-)$/.exec(l))
        .filter((m): m is RegExpExecArray => m !== null)
        .map((m) => [m[1], m[2]])
    );
    return { status: r.status, stdout: r.stdout, rows, calls: readFileSync(calls, 'utf8').trim().split('\n').sort() };
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

const STEPS = [
  'install system packages',
  'install node modules',
  'typecheck',
  'lint',
  'production build',
  'install Grafana 13 host vendor set',
  'unit tests (jest)',
  'browser tests (Chromium)',
  'integration tests (Prometheus)',
  'docker-compose checks',
  'script and CI checks',
  'release checks (dist, maps, zip)',
  'browser tests on Grafana 13.2 host',
];

test('every step runs once and passes; each lane prints its output whole', () => {
  const r = run([]);
  assert.equal(r.status, 0, r.stdout);
  assert.deepEqual(Object.keys(r.rows).sort(), [...STEPS].sort());
  assert.ok(Object.values(r.rows).every((v) => v === 'pass'), JSON.stringify(r.rows));
  assert.deepEqual(r.calls, [
    'build',
    'ci --no-audit --no-fund',
    'ci --prefix tests/harness/host13 --no-audit --no-fund',
    'lint',
    'test:browser',
    'test:browser:host13',
    'test:ci',
    'test:compose',
    'test:integration',
    'test:release',
    'test:scripts',
    'typecheck',
  ]);
  assert.match(r.stdout, /== integration tests \(Prometheus\)\x1b\[0m\noutput of test:integration\n/);
});

test('a failing step in a background lane fails the run and the later steps of its lane still run', () => {
  const r = run(['test:integration']);
  assert.equal(r.status, 1);
  assert.equal(r.rows['integration tests (Prometheus)'], 'FAIL (3)');
  assert.equal(r.rows['browser tests on Grafana 13.2 host'], 'pass');
  assert.equal(r.rows['browser tests (Chromium)'], 'pass');
});

test('a failed build skips what needs dist/; a failed 13 install skips its two steps', () => {
  const noBuild = run(['build']);
  assert.equal(noBuild.status, 1);
  assert.equal(noBuild.rows['production build'], 'FAIL (3)');
  assert.equal(noBuild.rows['browser tests (Chromium)'], 'skipped: build failed');
  assert.equal(noBuild.rows['release checks (dist, maps, zip)'], 'skipped: build failed');
  assert.equal(noBuild.rows['integration tests (Prometheus)'], 'pass');
  assert.ok(!noBuild.calls.includes('test:browser'));
  const noHost = run(['ci --prefix tests/harness/host13 --no-audit --no-fund']);
  assert.equal(noHost.status, 1);
  assert.equal(noHost.rows['release checks (dist, maps, zip)'], 'skipped: install Grafana 13 host vendor set failed');
  assert.equal(noHost.rows['browser tests on Grafana 13.2 host'], 'skipped: install Grafana 13 host vendor set failed');
  assert.ok(!noHost.calls.includes('test:browser:host13'));
});

test('missing build output fails the run even when every step passed', () => {
  const r = run([], false);
  assert.equal(r.status, 1);
  assert.match(r.stdout, /missing build output: dist\/module\.js/);
});
