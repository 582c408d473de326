import { test } from 'node:test';
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { chmodSync, existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';

// Runs scripts/install-system-packages.sh (the install step of `npm run test:all`) with a PATH of fakes that record
// every call, so no test here touches the machine's packages or services.
const ROOT = resolve(__dirname, '../..');
const SCRIPT = join(ROOT, 'scripts/install-system-packages.sh');
const FAKES = ['apt-get', 'sudo', 'systemctl', 'service', 'pkill', 'killall', 'invoke-rc.d'];
const TOOLS = ['chmod', 'rm', 'cat', 'tr'];

interface Run {
  status: number | null;
  stdout: string;
  stderr: string;
  /** One line per fake call: `name arg...`; apt-get adds `policy=<content of policy-rc.d or none>`. */
  calls: string[];
  policyAfter: string | undefined;
}

function sandbox(present: string[], options: { policy?: string } = {}) {
  const dir = mkdtempSync(join(tmpdir(), 'meshlens-install-'));
  const bin = join(dir, 'bin');
  mkdirSync(bin);
  const log = join(dir, 'calls.log');
  const policy = join(dir, 'policy-rc.d');
  if (options.policy !== undefined) {
    writeFileSync(policy, options.policy);
  }
  const fake = (name: string, body: string) => {
    writeFileSync(join(bin, name), `#!/bin/sh\n${body}\n`);
    chmodSync(join(bin, name), 0o755);
  };
  for (const name of FAKES) {
    const extra = name === 'apt-get' ? ` "policy=$(cat '${policy}' 2>/dev/null | tr '\\n' ' ' || true)"` : '';
    fake(name, `echo "${name} $*"${extra} >> '${log}'\n[ "$APT_FAILS" = 1 ] && [ "${name}" = apt-get ] && exit 100\nexit 0`);
  }
  for (const tool of TOOLS) {
    symlinkSync(`/usr/bin/${tool}`, join(bin, tool));
  }
  // Stands in for /usr/bin/chromium, which the script checks by path.
  const chromium = join(bin, 'chromium');
  // victoria-metrics and zip/unzip are present in every case here; the cases vary the other packages.
  [...present, 'victoria-metrics', 'zip', 'unzip'].forEach((name) => fake(name, 'exit 0'));
  const run = (uid: number, env: Record<string, string> = {}): Run => {
    const r = spawnSync('/bin/bash', [SCRIPT], {
      cwd: ROOT,
      encoding: 'utf8',
      env: {
        PATH: bin,
        MESHLENS_INSTALL_UID: String(uid),
        MESHLENS_POLICY_RC_D: policy,
        MESHLENS_CHROMIUM: chromium,
        ...env,
      },
    });
    return {
      status: r.status,
      stdout: r.stdout,
      stderr: r.stderr,
      calls: existsSync(log) ? readFileSync(log, 'utf8').split('\n').filter(Boolean) : [],
      policyAfter: existsSync(policy) ? readFileSync(policy, 'utf8') : undefined,
    };
  };
  return { run, cleanup: () => rmSync(dir, { recursive: true, force: true }) };
}

const ALL = ['prometheus', 'promtool', 'chromium', 'docker-compose'];
const POLICY_DURING_APT = 'policy=#!/bin/sh # Written by MeshLens scripts/install-system-packages.sh for the length of one apt-get run. exit 101 ';

test('nothing missing: no command at all, exit 0, as root and as a user', () => {
  const box = sandbox(ALL);
  try {
    for (const uid of [0, 1000]) {
      const r = box.run(uid);
      assert.equal(r.status, 0, r.stderr);
      assert.deepEqual(r.calls, []);
      assert.equal(r.policyAfter, undefined);
    }
  } finally {
    box.cleanup();
  }
});

test('root, all missing: apt-get under a temporary policy-rc.d (exit 101), removed after; no systemctl, pkill or sudo', () => {
  const box = sandbox([]);
  try {
    const r = box.run(0);
    assert.equal(r.status, 0, r.stderr);
    assert.deepEqual(r.calls, [
      `apt-get update -qq ${POLICY_DURING_APT}`,
      `apt-get install -y --no-install-recommends prometheus chromium docker-compose -qq ${POLICY_DURING_APT}`,
    ]);
    assert.equal(r.policyAfter, undefined, 'the policy-rc.d it created is gone');
    assert.match(r.stdout, /^apt: installing prometheus chromium docker-compose$/m);
  } finally {
    box.cleanup();
  }
});

test('root, only promtool missing: installs prometheus once, nothing else', () => {
  const box = sandbox(['prometheus', 'chromium', 'docker-compose']);
  try {
    const r = box.run(0);
    assert.equal(r.status, 0, r.stderr);
    assert.deepEqual(r.calls, [
      `apt-get update -qq ${POLICY_DURING_APT}`,
      `apt-get install -y --no-install-recommends prometheus -qq ${POLICY_DURING_APT}`,
    ]);
  } finally {
    box.cleanup();
  }
});

test("root with its own policy-rc.d: the machine's file is used as it is and left in place", () => {
  const own = '#!/bin/sh\n# the admin\'s own\nexit 0\n';
  const box = sandbox(['prometheus', 'promtool', 'chromium'], { policy: own });
  try {
    const r = box.run(0);
    assert.equal(r.status, 0, r.stderr);
    assert.deepEqual(r.calls, [
      "apt-get update -qq policy=#!/bin/sh # the admin's own exit 0 ",
      "apt-get install -y --no-install-recommends docker-compose -qq policy=#!/bin/sh # the admin's own exit 0 ",
    ]);
    assert.equal(r.policyAfter, own);
  } finally {
    box.cleanup();
  }
});

test('root, apt-get fails: exit 1 and the temporary policy-rc.d is still removed', () => {
  const box = sandbox(['prometheus', 'promtool', 'docker-compose']);
  try {
    const r = box.run(0, { APT_FAILS: '1' });
    assert.equal(r.status, 1);
    assert.deepEqual(r.calls, [`apt-get update -qq ${POLICY_DURING_APT}`]);
    assert.equal(r.policyAfter, undefined);
  } finally {
    box.cleanup();
  }
});

test('not root, packages missing: prints the command to run, exits 1, calls nothing (no sudo)', () => {
  const box = sandbox(['chromium']);
  try {
    const r = box.run(1000);
    assert.equal(r.status, 1);
    assert.deepEqual(r.calls, []);
    assert.equal(r.policyAfter, undefined);
    assert.match(r.stderr, /missing: prometheus docker-compose\n/);
    assert.match(r.stderr, /\n {2}sudo bash scripts\/install-system-packages\.sh\n/);
    assert.ok(r.stderr.includes('apt-get update && apt-get install -y --no-install-recommends prometheus docker-compose'), r.stderr);
  } finally {
    box.cleanup();
  }
});

test('the test command and the install step name no command that stops, kills or escalates', () => {
  for (const file of ['scripts/test-all.sh', 'scripts/install-system-packages.sh', '.ci/run']) {
    const code = readFileSync(join(ROOT, file), 'utf8')
      .split('\n')
      .filter((line) => !line.trim().startsWith('#'))
      .join('\n');
    for (const word of ['systemctl', 'service ', 'pkill', 'killall', 'kill ', 'invoke-rc.d']) {
      assert.ok(!code.includes(word), `${file} runs ${word.trim()}`);
    }
    // The only sudo allowed is inside the message that tells a user what to run.
    assert.deepEqual(code.match(/\bsudo\b/g) ?? [], file === 'scripts/install-system-packages.sh' ? ['sudo'] : [], file);
  }
  const testAll = readFileSync(join(ROOT, 'scripts/test-all.sh'), 'utf8');
  assert.match(testAll, /^step 'install system packages' bash scripts\/install-system-packages\.sh /m);
});
