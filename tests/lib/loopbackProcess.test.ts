import { test } from 'node:test';
import assert from 'node:assert/strict';
import { spawn } from 'node:child_process';
import { existsSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { LoopbackStartError, logTail, startLoopbackProcess, type LoopbackProcessOptions } from './loopbackProcess';

// Node scripts stand in for Prometheus and the simulator: `node -e <script> <port>` (process.argv[1] is the port).
const SERVER = `
  const port = Number(process.argv[1]);
  console.log('pid ' + process.pid);
  require('node:http').createServer((req, res) => { res.writeHead(req.url === '/ready' ? 200 : 404); res.end(); })
    .listen(port, '127.0.0.1', () => console.log('listening on ' + port));
`;
const NEVER_READY = `
  console.log('pid ' + process.pid);
  for (let i = 1; i <= 40; i++) console.log('line ' + i);
  setInterval(() => {}, 1000);
`;
const EXITS = `console.log('starting'); console.error('boom: unknown flag --x'); process.exit(3);`;

const node = (script: string, more: Partial<LoopbackProcessOptions> = {}): LoopbackProcessOptions => ({
  name: 'fake',
  command: process.execPath,
  args: (port) => ['-e', script, String(port)],
  readyPath: '/ready',
  ...more,
});

function alive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch {
    return false;
  }
}

async function startError(options: LoopbackProcessOptions): Promise<LoopbackStartError> {
  try {
    const started = await startLoopbackProcess(options);
    await started.stop();
  } catch (err) {
    assert.ok(err instanceof LoopbackStartError, String(err));
    return err;
  }
  assert.fail('the start did not fail');
}

test('logTail: the last n non-empty lines, with how many were cut', () => {
  assert.equal(logTail('a\nb\n\nc\nd\n', 2), '(2 earlier lines not shown)\nc\nd');
  assert.equal(logTail('a\nb\n', 5), 'a\nb');
  assert.equal(logTail('', 5), '(no output)');
});

test('ready: the handle has the URL, port and pid of the process, and its log', async () => {
  const p = await startLoopbackProcess(node(SERVER));
  try {
    assert.equal(p.url, `http://127.0.0.1:${p.port}`);
    assert.equal((await fetch(`${p.url}/ready`)).status, 200);
    assert.ok(alive(p.pid));
    assert.match(p.log(), new RegExp(`^pid ${p.pid}\\nlistening on ${p.port}\\n$`));
  } finally {
    await p.stop();
  }
});

test('not ready in time: the error says so, quotes the last log lines (not the first), and the process is gone', async () => {
  const err = await startError(node(NEVER_READY, { readyTimeoutMs: 1500, logTailLines: 5 }));
  const lines = err.message.split('\n');
  assert.match(lines[0], /^fake not ready after 1\.5 s at http:\/\/127\.0\.0\.1:\d+\/ready; last lines of its log:$/);
  assert.deepEqual(lines.slice(1), ['(36 earlier lines not shown)', 'line 36', 'line 37', 'line 38', 'line 39', 'line 40']);
  assert.equal(err.exitCode, null);
  const pid = Number(/^pid (\d+)$/m.exec(err.log)?.[1]);
  assert.equal(alive(pid), false, `pid ${pid} was stopped`);
});

test('a process that exits before it is ready is reported with its exit code and its log tail', async () => {
  const err = await startError(node(EXITS));
  assert.match(err.message, /^fake exited with code 3 before it was ready at http:\/\/127\.0\.0\.1:\d+\/ready; last lines of its log:\n/);
  assert.match(err.message, /\nstarting\nboom: unknown flag --x$/);
  assert.equal(err.exitCode, 3);
  assert.equal(err.signal, null);
  const killed = await startError(node('process.kill(process.pid, "SIGKILL")'));
  assert.match(killed.message, /^fake exited with signal SIGKILL before it was ready/);
  assert.equal(killed.signal, 'SIGKILL');
});

test('a command that cannot be spawned is named', async () => {
  const err = await startError(node('', { command: '/nonexistent/meshlens-binary' }));
  assert.match(err.message, /^fake could not be started \(\/nonexistent\/meshlens-binary\): spawn \/nonexistent\/meshlens-binary ENOENT$/);
});

test('stop() ends its own child only: another helper process and a process the test started itself keep running', async () => {
  const a = await startLoopbackProcess(node(SERVER, { name: 'a' }));
  const b = await startLoopbackProcess(node(SERVER, { name: 'b' }));
  const other = spawn(process.execPath, ['-e', 'setInterval(() => {}, 1000)'], { stdio: 'ignore' });
  try {
    assert.ok(other.pid && alive(other.pid));
    await a.stop();
    assert.equal(alive(a.pid), false, 'a is gone');
    await assert.rejects(fetch(`${a.url}/ready`));
    assert.ok(alive(b.pid), 'b still runs');
    assert.equal((await fetch(`${b.url}/ready`)).status, 200);
    assert.ok(alive(other.pid!), 'the unrelated process still runs');
    await a.stop(); // twice is fine
  } finally {
    await b.stop();
    other.kill();
  }
  assert.equal(alive(b.pid), false);
});

test('the temp dir: made before the start, handed to args, removed on stop and on a failed start', async () => {
  let seen = '';
  const p = await startLoopbackProcess(
    node(SERVER, {
      tempDirPrefix: 'meshlens-loopback-test-',
      args: (port, dir) => {
        seen = dir;
        writeFileSync(join(dir, 'config.yml'), 'x: 1\n');
        return ['-e', SERVER, String(port)];
      },
    })
  );
  assert.equal(p.dir, seen);
  assert.ok(existsSync(join(seen, 'config.yml')));
  await p.stop();
  assert.equal(existsSync(seen), false);

  let failedDir = '';
  await startError(
    node(EXITS, {
      tempDirPrefix: 'meshlens-loopback-test-',
      args: (port, dir) => ((failedDir = dir), ['-e', EXITS, String(port)]),
    })
  );
  assert.ok(failedDir !== '');
  assert.equal(existsSync(failedDir), false);

  let thrownDir = '';
  await assert.rejects(
    startLoopbackProcess(
      node(SERVER, {
        tempDirPrefix: 'meshlens-loopback-test-',
        args: (_port, dir) => {
          thrownDir = dir;
          throw new Error('no config');
        },
      })
    ),
    /^Error: no config$/
  );
  assert.equal(existsSync(thrownDir), false);
});
