/**
 * `node --import tsx simulator/replay/main.ts <scrape.txt> [--port 15091] [--host 127.0.0.1] [--period 60]`:
 * serves a recorded /metrics scrape with growing counters (rate() = recorded value / period).
 */
import { readFileSync } from 'node:fs';
import { startReplay } from './server';

const USAGE = 'usage: replay <scrape.txt> [--port <n>] [--host <addr>] [--period <seconds>]';

function parseArgs(argv: readonly string[]): { file: string; port: number; host: string; period: number } {
  const flags: Record<string, string> = {};
  const files: string[] = [];
  for (let i = 0; i < argv.length; i++) {
    const a = argv[i];
    if (a.startsWith('--')) {
      const value = argv[i + 1];
      if (value === undefined) {
        throw new Error(`${a} needs a value`);
      }
      flags[a.slice(2)] = value;
      i++;
    } else {
      files.push(a);
    }
  }
  const unknown = Object.keys(flags).filter((k) => !['port', 'host', 'period'].includes(k));
  if (unknown.length > 0 || files.length !== 1) {
    throw new Error(unknown.length > 0 ? `unknown flag --${unknown[0]}` : 'exactly one scrape file');
  }
  const num = (name: string, fallback: number) => {
    const v = flags[name] === undefined ? fallback : Number(flags[name]);
    if (!Number.isFinite(v) || v < 0) {
      throw new Error(`--${name} must be a non-negative number, got "${flags[name]}"`);
    }
    return v;
  };
  return { file: files[0], port: num('port', 15091), host: flags.host ?? '127.0.0.1', period: num('period', 60) };
}

async function main() {
  let args;
  try {
    args = parseArgs(process.argv.slice(2));
  } catch (e) {
    console.error(`${(e as Error).message}\n${USAGE}`);
    process.exit(2);
  }
  const replay = await startReplay(readFileSync(args.file, 'utf8'), { port: args.port, host: args.host, periodSeconds: args.period });
  const growing = replay.parsed.samples.filter((s) => s.grows).length;
  console.log(`replaying ${args.file}: ${replay.parsed.samples.length} samples (${growing} growing) on ${replay.url}/metrics`);
  const stop = () => void replay.stop().then(() => process.exit(0));
  process.on('SIGINT', stop);
  process.on('SIGTERM', stop);
}

void main().catch((e) => {
  console.error(e instanceof Error ? e.message : String(e));
  process.exit(1);
});
