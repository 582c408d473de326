import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readdirSync, readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { parse } from 'yaml';

// The GitHub workflows: secrets reach only the step that needs them, and every tool they run is pinned.
const ROOT = resolve(__dirname, '../..');
const DIR = join(ROOT, '.github/workflows');
const workflows = readdirSync(DIR)
  .filter((f) => /\.ya?ml$/.test(f))
  .map((file) => ({ file, text: readFileSync(join(DIR, file), 'utf8'), doc: parse(readFileSync(join(DIR, file), 'utf8')) }));

interface Step {
  name?: string;
  uses?: string;
  run?: string;
  env?: Record<string, string>;
  with?: Record<string, string>;
  if?: string;
}

function* steps(doc: any): Generator<{ job: string; step: Step }> {
  for (const [job, def] of Object.entries<any>(doc.jobs ?? {})) {
    for (const step of def.steps ?? []) {
      yield { job, step };
    }
  }
}

const mentions = (value: unknown, what: string) => JSON.stringify(value ?? null).includes(what);

test('the four workflows are there', () => {
  assert.deepEqual(workflows.map((w) => w.file).sort(), ['ci.yml', 'cp-update.yml', 'is-compatible.yml', 'release.yml']);
});

test('no secret at workflow or job level: only a step env or with may name one', () => {
  for (const { file, doc } of workflows) {
    assert.ok(!mentions(doc.env, 'secrets.'), `${file}: workflow env`);
    for (const [job, def] of Object.entries<any>(doc.jobs)) {
      const { steps: jobSteps, ...rest } = def;
      assert.ok(!mentions(rest, 'secrets.'), `${file}: job ${job} outside its steps`);
      for (const step of (jobSteps ?? []) as Step[]) {
        const other: Record<string, unknown> = { ...step };
        delete other.env;
        delete other.with;
        assert.ok(!mentions(other, 'secrets.'), `${file}: ${job}/${step.name ?? step.uses}: a secret outside env/with`);
      }
    }
  }
});

test('the signing token is in the env of the signing step only, which runs nothing but npm run sign', () => {
  const ci = workflows.find((w) => w.file === 'ci.yml')!;
  const holders = [...steps(ci.doc)].filter(({ step }) => mentions(step, 'GRAFANA_ACCESS_POLICY_TOKEN'));
  assert.deepEqual(
    holders.map(({ job, step }) => `${job}/${step.name}`),
    ['build/Sign plugin']
  );
  const sign = holders[0].step;
  assert.deepEqual(sign.env, { GRAFANA_ACCESS_POLICY_TOKEN: '${{ secrets.GRAFANA_ACCESS_POLICY_TOKEN }}' });
  assert.equal(sign.uses, undefined);
  const commands = sign.run!.split('\n').map((l) => l.trim()).filter((l) => l && !/^(if|fi|echo|exit)\b/.test(l));
  assert.deepEqual(commands, ['npm run sign']);
  // Nothing else names the token (no workflow or job env, no `if:` that reads it), in any workflow.
  for (const { file, doc } of workflows) {
    const rest = JSON.parse(JSON.stringify(doc));
    for (const def of Object.values<any>(rest.jobs)) {
      def.steps = (def.steps ?? []).filter((s: Step) => s.name !== 'Sign plugin' || file !== 'ci.yml');
    }
    assert.ok(!mentions(rest, 'GRAFANA_ACCESS_POLICY_TOKEN'), `${file} names the token outside the signing step`);
  }
  // Signing runs after the install, build and tests, which therefore never see it.
  const names = (ci.doc.jobs.build.steps as Step[]).map((s) => s.name ?? s.uses);
  assert.ok(names.indexOf('Sign plugin') > names.indexOf('Install dependencies'));
  assert.ok(names.indexOf('Sign plugin') > names.indexOf('Build frontend'));
});

test('every action is pinned to a full commit, every image and npx tool to a version', () => {
  for (const { file, doc } of workflows) {
    for (const { job, step } of steps(doc)) {
      if (step.uses) {
        assert.match(step.uses, /^[\w.-]+\/[\w./-]+@[0-9a-f]{40}$/, `${file}: ${job} uses ${step.uses}`);
      }
      assert.ok(!mentions(step.with, 'latest'), `${file}: ${job}/${step.name ?? step.uses} asks for "latest"`);
      const run = step.run ?? '';
      assert.doesNotMatch(run, /--pull=always|:latest\b/, `${file}: ${job}/${step.name}`);
      for (const image of run.match(/grafana\/[\w-]+(:[\w.-]+)?(?= )/g) ?? []) {
        assert.match(image, /:v\d+\.\d+\.\d+$/, `${file}: image ${image} pinned`);
      }
      for (const tool of run.match(/npx (--yes )?\S+/g) ?? []) {
        assert.match(tool, /@\d+\.\d+\.\d+$/, `${file}: ${tool} pinned`);
      }
    }
  }
});

test("package.json's sign script runs an exact @grafana/sign-plugin version", () => {
  const pkg = JSON.parse(readFileSync(join(ROOT, 'package.json'), 'utf8'));
  assert.match(pkg.scripts.sign, /^npx --yes @grafana\/sign-plugin@\d+\.\d+\.\d+$/);
  for (const [name, script] of Object.entries<string>(pkg.scripts)) {
    for (const tool of script.match(/npx (--yes )?\S+/g) ?? []) {
      assert.match(tool, /@\d+\.\d+\.\d+$/, `npm script ${name}: ${tool} pinned`);
    }
  }
});
