import { spawn, type ChildProcess } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

/** A port on 127.0.0.1 that was free a moment ago (the machine is shared: a caller may still lose it). */
export async function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.unref();
    server.on('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const address = server.address();
      const port = typeof address === 'object' && address ? address.port : 0;
      server.close(() => resolve(port));
    });
  });
}

export interface LoopbackProcessOptions {
  /** Named in every error (`prometheus`, `simulator`). */
  name: string;
  command: string;
  /**
   * The arguments for the port picked; `dir` is the temp dir when `tempDirPrefix` is given. It runs before the spawn
   * and may write files there (configs); if it throws, the dir is removed and nothing is started.
   */
  args: (port: number, dir: string) => string[];
  /** Answers 2xx once the process is ready (`/-/ready`, `/health`). */
  readyPath: string;
  /** How long to wait for readyPath; default 20 s. */
  readyTimeoutMs?: number;
  /** A temp dir made before the start and removed on stop and on a failed start (e.g. `meshlens-prom-`). */
  tempDirPrefix?: string;
  cwd?: string;
  /** How many of the last log lines an error quotes; default 30. */
  logTailLines?: number;
  /** How long stop() waits after SIGTERM before SIGKILL; default 5 s. */
  killAfterMs?: number;
}

export interface LoopbackProcess {
  name: string;
  url: string;
  port: number;
  pid: number;
  /** The temp dir ('' without tempDirPrefix); removed by stop(). */
  dir: string;
  /** Everything the process wrote to stdout and stderr so far. */
  log(): string;
  /** SIGTERM to this process only (SIGKILL after killAfterMs), then the temp dir removed. Safe to call twice. */
  stop(): Promise<void>;
}

/** Why a process did not become ready: the exit code or signal when it exited, and all it logged. */
export class LoopbackStartError extends Error {
  constructor(
    message: string,
    readonly log: string,
    readonly exitCode: number | null,
    readonly signal: NodeJS.Signals | null
  ) {
    super(message);
    this.name = 'LoopbackStartError';
  }
}

/** The last `n` non-empty lines of a log, for error messages. */
export function logTail(log: string, n: number): string {
  const lines = log.split('\n').filter((l) => l.trim() !== '');
  const tail = lines.slice(-n);
  const cut = lines.length - tail.length;
  return (cut > 0 ? `(${cut} earlier lines not shown)\n` : '') + (tail.length > 0 ? tail.join('\n') : '(no output)');
}

/**
 * Starts `command` listening on a free 127.0.0.1 port, captures its output, waits until `readyPath` answers, and
 * returns a handle whose stop() ends this process only (never a group or a name) and removes its temp dir. A process
 * that exits first, or is not ready in time, is stopped and cleaned up, and the error names the exit code (or
 * signal) and quotes the last lines it logged.
 */
export async function startLoopbackProcess(options: LoopbackProcessOptions): Promise<LoopbackProcess> {
  const { name, readyTimeoutMs = 20_000, logTailLines = 30, killAfterMs = 5000 } = options;
  const dir = options.tempDirPrefix ? mkdtempSync(join(tmpdir(), options.tempDirPrefix)) : '';
  const removeDir = () => dir && rmSync(dir, { recursive: true, force: true });
  let args: string[];
  let port: number;
  try {
    port = await freePort();
    args = options.args(port, dir);
  } catch (err) {
    removeDir();
    throw err;
  }
  const url = `http://127.0.0.1:${port}`;
  let log = '';
  const proc: ChildProcess = spawn(options.command, args, { cwd: options.cwd, stdio: ['ignore', 'pipe', 'pipe'] });
  proc.stdout?.on('data', (d) => (log += d));
  proc.stderr?.on('data', (d) => (log += d));
  let exit: { code: number | null; signal: NodeJS.Signals | null } | undefined;
  let spawnError: Error | undefined;
  const exited = new Promise<void>((resolve) => {
    proc.on('exit', (code, signal) => {
      exit = { code, signal };
      resolve();
    });
    proc.on('error', (err) => {
      // ENOENT and the like: there is no process to wait for.
      spawnError = err;
      exit ??= { code: null, signal: null };
      resolve();
    });
  });

  const stop = async () => {
    if (!exit) {
      proc.kill('SIGTERM');
      const timer = setTimeout(() => proc.kill('SIGKILL'), killAfterMs);
      await exited;
      clearTimeout(timer);
    }
    removeDir();
  };

  const deadline = Date.now() + readyTimeoutMs;
  for (;;) {
    if (spawnError) {
      removeDir();
      throw new LoopbackStartError(`${name} could not be started (${options.command}): ${spawnError.message}`, log, null, null);
    }
    if (exit) {
      removeDir();
      const status = exit.signal ? `signal ${exit.signal}` : `code ${exit.code}`;
      throw new LoopbackStartError(
        `${name} exited with ${status} before it was ready at ${url}${options.readyPath}; last lines of its log:\n${logTail(log, logTailLines)}`,
        log,
        exit.code,
        exit.signal
      );
    }
    try {
      if ((await fetch(`${url}${options.readyPath}`)).ok) {
        return { name, url, port, pid: proc.pid ?? 0, dir, log: () => log, stop };
      }
    } catch {
      // not listening yet
    }
    if (Date.now() > deadline) {
      await stop();
      throw new LoopbackStartError(
        `${name} not ready after ${readyTimeoutMs / 1000} s at ${url}${options.readyPath}; last lines of its log:\n${logTail(log, logTailLines)}`,
        log,
        null,
        null
      );
    }
    await new Promise((r) => setTimeout(r, 200));
  }
}
