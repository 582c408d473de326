/**
 * Tables of the dashboards-at-scale bench: per panel (Istio's beside ours, coverage.json's mapping, then our panels
 * without a counterpart) and per page (dashboard or app page) with the 1/3-of-Istio and 50 M-per-panel goals.
 */
import coverage from '../../dashboards-src/coverage.json';
import { Dashboards, type DashboardKey } from '../../dashboards-src/lib/ids';
import { addCost as add, NO_COST as ZERO, type QueryCost } from './dashboardCost';
import { APP_PAGE_ISTIO, type AppPage } from './scaleJobs';

type Cost = QueryCost;

/** One page's costs per panel (or app query), read from the raw series and with the recording rules. */
export interface PageCosts {
  key: DashboardKey | AppPage;
  raw: Map<string, Cost>;
  recorded: Map<string, Cost>;
}

export const MAX_SAMPLES = 50_000_000;
/** The scrape interval the goals are stated for (Istio's and the demo stack's). */
const GOAL_INTERVAL = 15;

export const fmtSamples = (n: number) =>
  n >= 1e6 ? `${(n / 1e6).toFixed(2)}M` : n >= 1e3 ? `${(n / 1e3).toFixed(1)}k` : String(n);
const fmtCost = (c: Cost | undefined) =>
  c ? `${fmtSamples(c.samples)} / ${(c.wallSeconds * 1000).toFixed(0)} ms${c.failed ? ' FAILED' : ''}` : '–';

const total = (m: Map<string, Cost> | undefined) => [...(m ?? new Map<string, Cost>()).values()].reduce(add, ZERO);
const peak = (m: Map<string, Cost> | undefined) =>
  Math.max(0, ...[...(m ?? new Map<string, Cost>()).values()].map((c) => c.samples));

function isDashboard(key: string): key is DashboardKey {
  return key in Dashboards;
}

export function printScaleResults(
  istio: Map<string, Map<string, Cost>>,
  ours: Map<string, PageCosts>,
  intervalSeconds: number
): void {
  const byKey = new Map([...ours.values()].map((p) => [p.key as string, p]));
  const shown = new Set<string>();
  const rows: string[][] = coverage.panels.map((p) => {
    const mine = byKey.get(p.dashboard);
    shown.add(`${p.dashboard}/${p.panel}`);
    return [
      `${p.istioDashboard.replace(/^Istio | Dashboard$/g, '')} / ${p.istioPanel}`,
      fmtCost(istio.get(p.istioDashboard)?.get(p.istioPanel)),
      `${p.dashboard} / ${p.panel}`,
      fmtCost(mine?.raw.get(p.panel)),
      fmtCost(mine?.recorded.get(p.panel)),
    ];
  });
  for (const page of ours.values()) {
    for (const [panel, cost] of page.raw) {
      if (!shown.has(`${page.key}/${panel}`)) {
        shown.add(`${page.key}/${panel}`);
        rows.push(['–', '–', `${page.key} / ${panel}`, fmtCost(cost), fmtCost(page.recorded.get(panel))]);
      }
    }
  }
  printTable(['Istio panel', 'Istio', 'MeshLens panel', 'MeshLens, raw', 'MeshLens, rules'], rows);

  const istioOf: Record<string, string> = { ...APP_PAGE_ISTIO };
  coverage.panels.forEach((p) => (istioOf[p.dashboard] ??= p.istioDashboard));
  const scale = intervalSeconds / GOAL_INTERVAL;
  const pageRows: string[][] = [];
  for (const [title, page] of ours) {
    const istioTitle = istioOf[page.key];
    const it = istioTitle ? total(istio.get(istioTitle)) : undefined;
    const rec = total(page.recorded);
    const worst = peak(page.recorded);
    pageRows.push([
      isDashboard(page.key) ? title : page.key,
      istioTitle ? `${istioTitle.replace(/^Istio | Dashboard$/g, '')}: ${fmtCost(it)}` : '–',
      fmtCost(total(page.raw)),
      fmtCost(rec),
      it && it.samples > 0 ? `${((rec.samples / it.samples) * 100).toFixed(0)} %` : '–',
      fmtSamples(peak(page.raw)),
      fmtSamples(worst),
      `${fmtSamples(peak(page.raw) * scale)} / ${fmtSamples(worst * scale)}`,
      Math.max(peak(page.raw), worst) * scale > MAX_SAMPLES ? 'OVER 50M' : 'ok',
    ]);
  }
  printTable(
    [
      'Page',
      'Istio (same information)',
      'MeshLens, raw',
      'MeshLens, rules',
      'rules / Istio',
      'max panel, raw',
      'max panel, rules',
      `max at ${GOAL_INTERVAL} s (×${scale.toFixed(0)}), raw / rules`,
      '50M',
    ],
    pageRows
  );
}

function printTable(header: string[], rows: string[][]): void {
  const widths = header.map((h, i) => Math.max(h.length, ...rows.map((r) => (r[i] ?? '').length)));
  const line = (cells: string[]) => '| ' + cells.map((c, i) => (c ?? '').padEnd(widths[i])).join(' | ') + ' |';
  console.log(`\n${line(header)}`);
  console.log('|' + widths.map((w) => '-'.repeat(w + 2)).join('|') + '|');
  rows.forEach((r) => console.log(line(r)));
}
