import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { parse } from 'yaml';
import { ROOT, readJson, sourceModules } from './lib';

const workflow = parse(readFileSync(join(ROOT, '.github/workflows/is-compatible.yml'), 'utf8'));
const script = readFileSync(join(ROOT, 'scripts/is-compatible.sh'), 'utf8');
const job = workflow.jobs.compatibilitycheck;

describe('.github/workflows/is-compatible.yml', () => {
  test('runs one job per plugin module in src/', () => {
    assert.deepEqual(sourceModules(), ['src/module.tsx', 'src/panels/meshgraph/module.ts', 'src/panels/trace/module.ts']);
    assert.deepEqual([...job.strategy.matrix.module].sort(), sourceModules());
    assert.equal(job.strategy['fail-fast'], false);
  });

  test('each job runs scripts/is-compatible.sh on its module against 12.4 and the Grafana 13 host version', () => {
    const step = job.steps.find((s: { run?: string }) => s.run?.includes('scripts/is-compatible.sh'));
    assert.equal(step.run, 'bash scripts/is-compatible.sh "$MODULE"');
    assert.equal(step.env.MODULE, '${{ matrix.module }}');
    const host13 = readJson(join(ROOT, 'tests/harness/host13/package.json')).dependencies['@grafana/data'];
    const own = readJson(join(ROOT, 'package.json')).dependencies['@grafana/data'];
    assert.deepEqual(step.env.GRAFANA_TARGETS.split(' '), [own, host13]);
  });

  test('pins its tools: setup-node by commit, node and levitate by exact version', () => {
    const setupNode = job.steps.find((s: { uses?: string }) => s.uses?.startsWith('actions/setup-node@'));
    assert.match(setupNode.uses, /^actions\/setup-node@[0-9a-f]{40}$/);
    assert.match(String(setupNode.with['node-version']), /^\d+\.\d+\.\d+$/);
    assert.match(script, /^LEVITATE='@grafana\/levitate@\d+\.\d+\.\d+'$/m);
    assert.ok(!job.steps.some((s: { uses?: string }) => s.uses?.includes('@latest')));
  });
});
