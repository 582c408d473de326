import { spawn, type ChildProcess } from 'node:child_process';
import { join } from 'node:path';
import { freePort } from '../lib/prometheus';

export interface RunningSimulator {
  url: string;
  target: string;
  stop(): Promise<void>;
}

const ROOT = join(__dirname, '..', '..');

/**
 * Starts `simulator/main.ts` (the same entry point as `npm run simulate`) on a free loopback port,
 * trying another port if the chosen one was taken in the meantime (the machine is shared).
 */
export async function startSimulator(args: string[]): Promise<RunningSimulator> {
  for (let attempt = 1; ; attempt++) {
    try {
      return await startOnce(args);
    } catch (err) {
      if (attempt >= 3 || !String((err as Error).message).includes('cannot listen')) {
        throw err;
      }
    }
  }
}

async function startOnce(args: string[]): Promise<RunningSimulator> {
  const port = await freePort();
  let log = '';
  const proc: ChildProcess = spawn(
    process.execPath,
    ['--import', 'tsx', 'simulator/main.ts', '--host', '127.0.0.1', '--port', String(port), ...args],
    {
      cwd: ROOT,
      stdio: ['ignore', 'pipe', 'pipe'],
    }
  );
  proc.stdout?.on('data', (d) => (log += d));
  proc.stderr?.on('data', (d) => (log += d));
  let exited = false;
  proc.on('exit', () => (exited = true));
  const url = `http://127.0.0.1:${port}`;
  const stop = async () => {
    if (!exited) {
      proc.kill('SIGTERM');
      await new Promise<void>((resolve) => {
        const timer = setTimeout(() => (proc.kill('SIGKILL'), resolve()), 5000);
        proc.on('exit', () => (clearTimeout(timer), resolve()));
      });
    }
  };
  const deadline = Date.now() + 30_000;
  for (;;) {
    if (exited) {
      throw new Error(`simulator exited early:\n${log}`);
    }
    try {
      if ((await fetch(`${url}/-/ready`)).ok) {
        return { url, target: `127.0.0.1:${port}`, stop };
      }
    } catch {
      // not listening yet
    }
    if (Date.now() > deadline) {
      await stop();
      throw new Error(`simulator not ready after 30 s:\n${log}`);
    }
    await new Promise((r) => setTimeout(r, 200));
  }
}

export { pollUntil } from '../lib/poll';
