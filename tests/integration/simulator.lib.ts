import { join } from 'node:path';
import { LoopbackStartError, startLoopbackProcess } from '../lib/loopbackProcess';

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
      const sim = await startLoopbackProcess({
        name: 'simulator',
        command: process.execPath,
        args: (port) => ['--import', 'tsx', 'simulator/main.ts', '--host', '127.0.0.1', '--port', String(port), ...args],
        cwd: ROOT,
        readyPath: '/-/ready',
        readyTimeoutMs: 30_000,
      });
      return { url: sim.url, target: `127.0.0.1:${sim.port}`, stop: sim.stop };
    } catch (err) {
      if (attempt >= 3 || !(err instanceof LoopbackStartError && err.log.includes('cannot listen'))) {
        throw err;
      }
    }
  }
}

export { pollUntil } from '../lib/poll';
