// Where the main thread spends its time between the data being handed to the built trace panel and its first
// painted rows: a CPU profile of the page (not of the worker) from that moment to the ready marker, summed by
// function. Needs `npm run build`. Usage: node --import tsx bench/trace-profile.ts [--spans 100000] [--top 25]
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { type Page } from 'playwright-core';
import { SourceMapConsumer } from 'source-map-js';
import { withRenderedTrace } from './lib/traceHarness';
import { DIST } from '../tests/harness/build-host';
import { generate } from './traceGen';

const argValue = (name: string, fallback: number) => {
  const k = process.argv.indexOf(name);
  return k > 0 ? Number(process.argv[k + 1]) : fallback;
};
const SPANS = argValue('--spans', 100_000);
const TOP = argValue('--top', 25);

interface ProfileNode {
  id: number;
  callFrame: { functionName: string; url: string; lineNumber: number; columnNumber: number };
  children?: number[];
}
interface Profile {
  nodes: ProfileNode[];
  samples: number[];
  timeDeltas: number[];
}

// The panel's own frames are named through the served build's source map (the bundle is minified).
const panelMap = new SourceMapConsumer(JSON.parse(readFileSync(join(DIST, 'panels/trace/module.js.map'), 'utf8')));

function frameName(f: ProfileNode['callFrame']): string {
  const file = f.url.split('/').slice(-1)[0].split('?')[0];
  if (file === 'module.js' && f.url.includes('/panels/trace/')) {
    const pos = panelMap.originalPositionFor({ line: f.lineNumber + 1, column: f.columnNumber });
    if (pos.source) {
      return `${pos.name ?? f.functionName ?? '(anonymous)'} ${pos.source.replace(/^webpack:\/\/[^/]+\//, '')}:${pos.line}`;
    }
  }
  return `${f.functionName || '(anonymous)'} ${file ? `${file}:${f.lineNumber + 1}` : ''}`.trim();
}

/**
 * Self and inclusive time per function (ms), the total sampled busy time (idle excluded), and the longest busy
 * stretches (consecutive non-idle samples: roughly the main-thread tasks) with what ran most in each.
 */
function summarise(profile: Profile) {
  const byId = new Map(profile.nodes.map((n) => [n.id, n]));
  const parent = new Map<number, number>();
  profile.nodes.forEach((n) => n.children?.forEach((c) => parent.set(c, n.id)));
  const self = new Map<string, number>();
  const inclusive = new Map<string, number>();
  const stretches: Array<{ ms: number; self: Map<string, number> }> = [];
  let current: { ms: number; self: Map<string, number> } | undefined;
  let busy = 0;
  profile.samples.forEach((id, k) => {
    const name = frameName(byId.get(id)!.callFrame);
    const ms = (profile.timeDeltas[k + 1] ?? 0) / 1000;
    if (name.startsWith('(idle)')) {
      current = undefined;
      return;
    }
    busy += ms;
    self.set(name, (self.get(name) ?? 0) + ms);
    const seen = new Set<string>();
    for (let n: number | undefined = id; n !== undefined; n = parent.get(n)) {
      const fn = frameName(byId.get(n)!.callFrame);
      if (!seen.has(fn)) {
        seen.add(fn);
        inclusive.set(fn, (inclusive.get(fn) ?? 0) + ms);
      }
    }
    if (!current) {
      current = { ms: 0, self: new Map() };
      stretches.push(current);
    }
    current.ms += ms;
    current.self.set(name, (current.self.get(name) ?? 0) + ms);
  });
  const top = (m: Map<string, number>) => [...m.entries()].sort((a, b) => b[1] - a[1]);
  return { busy, self: top(self), inclusive: top(inclusive), stretches: stretches.sort((a, b) => b.ms - a.ms) };
}

async function main() {
  let stop: (() => Promise<Profile>) | undefined;
  const onPage = async (page: Page) => {
    const cdp = await page.context().newCDPSession(page);
    await cdp.send('Profiler.enable');
    await cdp.send('Profiler.setSamplingInterval', { interval: 200 });
    // From the start: the data is handed over in the same task that renders first, so a later start would miss it.
    // Page and module loading show up as their own stretches (host.js, system.js).
    const started = cdp.send('Profiler.start');
    stop = async () => {
      await started;
      const { profile } = await cdp.send('Profiler.stop');
      return profile as unknown as Profile;
    };
  };
  await withRenderedTrace(
    generate('jaeger', SPANS),
    async (page, metrics) => {
      const profile = await stop!();
      await page.close();
      const { busy, self, inclusive, stretches } = summarise(profile);
      console.log(
        `Trace panel main thread, ${SPANS.toLocaleString('en')} spans: first rows ${metrics.firstRenderMs} ms after the data, longest task ${metrics.longestTaskMs} ms`
      );
      console.log(
        `Sampled main-thread busy time from page load to first rows (and the harness's GC after): ${busy.toFixed(0)} ms`
      );
      console.log('Longest busy stretches (≈ tasks), with their top functions by self time:');
      for (const s of stretches.slice(0, 5)) {
        const fns = [...s.self.entries()].sort((a, b) => b[1] - a[1]).slice(0, 6);
        console.log(`  ${s.ms.toFixed(0)} ms: ${fns.map(([fn, ms]) => `${fn} ${ms.toFixed(0)}`).join('; ')}`);
      }
      console.log('By function, self time:');
      console.table(self.slice(0, TOP).map(([fn, ms]) => ({ function: fn, 'self ms': ms.toFixed(1) })));
      console.log('Panel functions, inclusive time:');
      console.table(
        inclusive
          .filter(([fn]) => /panels\/trace|tanstack/.test(fn))
          .slice(0, TOP)
          .map(([fn, ms]) => ({ function: fn, 'total ms': ms.toFixed(1) }))
      );
    },
    { onPage }
  );
}

main().catch((e) => {
  console.error(e);
  process.exit(1);
});
