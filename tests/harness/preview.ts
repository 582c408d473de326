import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { openHarness, type Kind, type RenderMetrics } from './browser';
import { previewHeight } from './host/dashboard/grid';

const USAGE =
  'usage: npm run preview -- <trace|meshgraph|app|app-config|dashboard> [data.json | dashboard.json] --out <dir> [--width W] [--height H] [--theme dark|light] [--timeout ms] [--options JSON] [--path /a/meshlens-istio-app/…] [--prometheus http://host:port] [--vars \'{"service":["x"]}\'] [--range seconds]';
// A 1×1 grey PNG, written when the page is too hung to take a screenshot.
const FALLBACK_PNG = Buffer.from(
  'iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNkYPhfDwAChwGA60e6kgAAAABJRU5ErkJggg==',
  'base64'
);

interface Args {
  kind: Kind;
  input?: string;
  out: string;
  width: number;
  height: number;
  theme: 'dark' | 'light';
  timeoutMs: number;
  options: Record<string, unknown>;
  moduleUrl?: string;
  path?: string;
  prometheusUrl?: string;
  vars?: Record<string, string[]>;
  rangeSeconds?: number;
}

function parseArgs(argv: string[]): Args {
  const positional: string[] = [];
  const flags: Record<string, string> = {};
  for (let i = 0; i < argv.length; i++) {
    if (argv[i].startsWith('--')) {
      flags[argv[i].slice(2)] = argv[++i] ?? '';
    } else {
      positional.push(argv[i]);
    }
  }
  const [kind, input] = positional;
  if (
    !['trace', 'meshgraph', 'app', 'app-config', 'dashboard'].includes(kind) ||
    !flags.out ||
    (kind === 'dashboard' && !input)
  ) {
    throw new Error(USAGE);
  }
  if (input && !existsSync(input)) {
    throw new Error(`input file not found: ${input}`);
  }
  const theme = flags.theme ?? 'dark';
  if (theme !== 'dark' && theme !== 'light') {
    throw new Error(`--theme must be dark or light, got ${theme}`);
  }
  return {
    kind: kind as Kind,
    input: input ? resolve(input) : undefined,
    out: resolve(flags.out),
    width: Number(flags.width ?? 1200),
    height: Number(flags.height ?? 700),
    theme,
    timeoutMs: Number(flags.timeout ?? 60_000),
    options: JSON.parse(flags.options ?? '{}'),
    moduleUrl: flags.module,
    path: flags.path,
    prometheusUrl: flags.prometheus,
    vars: flags.vars ? JSON.parse(flags.vars) : undefined,
    rangeSeconds: flags.range ? Number(flags.range) : undefined,
  };
}

async function main() {
  let args: Args;
  try {
    args = parseArgs(process.argv.slice(2));
  } catch (e) {
    console.error((e as Error).message);
    process.exit(2);
  }
  mkdirSync(args.out, { recursive: true });
  const shot = join(args.out, 'screenshot.png');
  const metricsFile = join(args.out, 'metrics.json');
  let written = false;
  const finish = (metrics: RenderMetrics, png?: Buffer) => {
    if (written) {
      return;
    }
    written = true;
    writeFileSync(shot, png ?? FALLBACK_PNG);
    writeFileSync(metricsFile, JSON.stringify(metrics, null, 2) + '\n');
    console.log(JSON.stringify(metrics, null, 2));
    console.log(`wrote ${shot} and ${metricsFile}`);
  };
  // The whole command has its own limit, so a hung plugin cannot hang it.
  const watchdog = setTimeout(() => {
    finish({
      ok: false,
      panelMessage: null,
      pageErrors: [`preview: gave up after ${args.timeoutMs + 20_000} ms (page hung)`],
      firstRenderMs: null,
      longestTaskMs: 0,
      jsHeapMB: null,
    });
    process.exit(1);
  }, args.timeoutMs + 20_000);

  const harness = await openHarness(args.input, { prometheusUrl: args.prometheusUrl });
  try {
    // A dashboard is drawn whole: its height follows from the panels' gridPos.
    const dashboard =
      args.kind === 'dashboard'
        ? { dashboard: '/input', height: previewHeight(JSON.parse(readFileSync(args.input!, 'utf8')).panels ?? []) }
        : {};
    const { page, metrics } = await harness.render({ ...args, input: args.input, ...dashboard });
    const png = await page.screenshot({ timeout: 10_000 }).catch((e: Error) => {
      metrics.pageErrors.push(`screenshot failed: ${e.message}`);
      return undefined;
    });
    finish(metrics, png);
    process.exitCode = metrics.ok ? 0 : 1;
  } catch (e) {
    finish({ ok: false, panelMessage: null, pageErrors: [`harness: ${(e as Error).message}`], firstRenderMs: null, longestTaskMs: 0, jsHeapMB: null });
    process.exitCode = 1;
  } finally {
    clearTimeout(watchdog);
    await harness.close();
  }
}

main();
