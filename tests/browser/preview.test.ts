import { test } from 'node:test';
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';

const ROOT = resolve(__dirname, '../..');

/** Runs `npm run preview` as a user would (without npm's banner) and returns its exit code and files. */
function preview(args: string[]) {
  const out = mkdtempSync(join(tmpdir(), 'meshlens-preview-'));
  const r = spawnSync(process.execPath, ['--import', 'tsx', 'tests/harness/preview.ts', ...args, '--out', out], {
    cwd: ROOT,
    encoding: 'utf8',
    // A guard for the test itself; the command must stop on its own well before this.
    timeout: 120_000,
  });
  const metricsFile = join(out, 'metrics.json');
  return {
    status: r.status,
    signal: r.signal,
    png: existsSync(join(out, 'screenshot.png')) ? readFileSync(join(out, 'screenshot.png')) : undefined,
    metrics: existsSync(metricsFile) ? JSON.parse(readFileSync(metricsFile, 'utf8')) : undefined,
  };
}

const PNG_MAGIC = Buffer.from([0x89, 0x50, 0x4e, 0x47]);

test('preview renders a panel and writes a screenshot and metrics', () => {
  const r = preview(['meshgraph', 'tests/fixtures/frames/workload-graph.frames.json', '--width', '900', '--height', '500']);
  assert.equal(r.status, 0);
  assert.ok(r.png && r.png.subarray(0, 4).equals(PNG_MAGIC) && r.png.length > 5000, 'a real screenshot');
  assert.equal(r.metrics.ok, true);
  assert.equal(r.metrics.panelMessage, null);
  assert.deepEqual(r.metrics.pageErrors, []);
  assert.equal(typeof r.metrics.firstRenderMs, 'number');
  assert.equal(typeof r.metrics.longestTaskMs, 'number');
  assert.ok(r.metrics.jsHeapMB > 0);
});

test('preview passes malformed JSON to the trace panel, which explains it', () => {
  const dir = mkdtempSync(join(tmpdir(), 'meshlens-bad-'));
  const bad = join(dir, 'bad.json');
  writeFileSync(bad, '{"data": [ {"traceID": "abc", "spans": [ ');
  const r = preview(['trace', bad]);
  assert.ok(r.png, 'screenshot written');
  assert.equal(r.metrics.ok, false);
  assert.ok(r.metrics.panelMessage, 'the panel shows a message');
  assert.deepEqual(r.metrics.pageErrors, []);
});

test('preview reports a plugin that crashes while rendering', () => {
  const r = preview(['trace', '--module', '/test-modules/crash-panel.js', '--timeout', '8000']);
  assert.equal(r.status, 1);
  assert.ok(r.png, 'screenshot written');
  assert.equal(r.metrics.ok, false);
  assert.ok(
    r.metrics.pageErrors.some((e: string) => e.includes('thrown on purpose')),
    `the crash is reported: ${JSON.stringify(r.metrics.pageErrors)}`
  );
});

test('preview stops on its own and reports a plugin that hangs the page', () => {
  const r = preview(['trace', '--module', '/test-modules/hang-panel.js', '--timeout', '4000']);
  assert.equal(r.signal, null, 'not killed by the guard');
  assert.equal(r.status, 1);
  assert.ok(r.png, 'screenshot file written even without a page to shoot');
  assert.equal(r.metrics.ok, false);
  assert.ok(r.metrics.pageErrors.some((e: string) => /timeout|gave up/.test(e)), JSON.stringify(r.metrics.pageErrors));
});
