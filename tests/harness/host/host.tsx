import { createRoot } from 'react-dom/client';
import { framesFromText } from './loadInput';
import { locationService } from '@grafana/runtime';
import i18next from 'i18next';
import { installFakeDataSources } from './fakeServices';
import { interceptLinkClicks } from './interceptLinks';
import { pluginExports } from './pluginModule';
import { type QueryLog } from './prometheusDataSource';
import { installRuntimeServices } from './runtimeServices';
import { installOptionEditors, pluginElement, type HostKind, type HostRequest } from './renderPlugin';
import { registerSharedModules } from './shared';
import { dashboardElement } from './dashboard/mount';

declare const System: Parameters<typeof registerSharedModules>[0];

/** What the test driver reads back from the page. */
interface HostState {
  phase: 'loading' | 'rendering' | 'ready' | 'error';
  dataHandedAt?: number;
  readyAt?: number;
  /** Main-thread tasks over 50 ms: [start, duration] in ms. */
  longTasks: Array<[number, number]>;
  error?: string;
  /** Queries the pages sent to the harness Prometheus, with their total time. */
  queries: QueryLog;
}

const READY_SELECTOR = '[data-meshlens-ready="true"], [data-testid="meshlens-panel-message"]';
const MODULES: Record<HostKind, string> = {
  trace: '/dist/panels/trace/module.js',
  meshgraph: '/dist/panels/meshgraph/module.js',
  app: '/dist/module.js',
  'app-config': '/dist/module.js',
  // A generated dashboard (?dashboard=/dashboards/<file>) drawn by the preview in dashboard/.
  dashboard: '',
};

function readRequest(): HostRequest & { input: string | null; moduleUrl: string; scrapeInterval?: string } {
  const q = new URLSearchParams(window.location.search);
  const kind = (q.get('kind') ?? 'trace') as HostKind;
  return {
    kind,
    theme: q.get('theme') === 'light' ? 'light' : 'dark',
    width: Number(q.get('width') ?? 1200),
    height: Number(q.get('height') ?? 700),
    options: JSON.parse(q.get('options') ?? '{}'),
    appPath: q.get('path') ?? '/a/meshlens-istio-app/overview',
    jsonData: JSON.parse(q.get('jsonData') ?? '{"prometheusUid":"meshlens-prometheus","traceUid":"meshlens-jaeger"}'),
    input: q.get('input'),
    scrapeInterval: q.get('scrapeInterval') ?? undefined,
    // Only the harness's own tests point at another module (test-modules/).
    moduleUrl: q.get('module') ?? MODULES[kind],
  };
}

/**
 * Benchmarks that expose `__meshlensBenchMark` (page.exposeFunction) read the renderer's CPU counters here: just before
 * the data is handed over (awaited, so it is not counted) and at the ready marker.
 */
function benchMark(at: 'handover' | 'ready'): Promise<void> {
  const mark = (window as unknown as { __meshlensBenchMark?: (at: string) => Promise<void> }).__meshlensBenchMark;
  return mark ? mark(at) : Promise.resolve();
}

/** Marks the first frame painted after the plugin shows its view or its message. */
function watchForReady(state: HostState) {
  const check = () => {
    if (state.readyAt === undefined && document.querySelector(READY_SELECTOR)) {
      observer.disconnect();
      requestAnimationFrame(() =>
        setTimeout(() => {
          state.readyAt = performance.now();
          state.phase = 'ready';
          void benchMark('ready');
        })
      );
    }
  };
  const observer = new MutationObserver(check);
  observer.observe(document.body, {
    subtree: true,
    childList: true,
    attributes: true,
    attributeFilter: ['data-meshlens-ready'],
  });
  check();
}

async function main(state: HostState) {
  const req = readRequest();
  document.body.style.background = req.theme === 'light' ? '#f4f5f5' : '#111217';
  registerSharedModules(System);
  // Grafana sets up the shared i18next before it loads any plugin (its initTranslations options, English);
  // each plugin then adds a namespace named after its id.
  await i18next.init({
    lng: 'en-US',
    fallbackLng: 'en-US',
    resources: {},
    partialBundledLanguages: true,
    returnEmptyString: false,
  });
  installFakeDataSources(state.queries, req.scrapeInterval);
  installRuntimeServices();
  // Grafana registers its option editors at boot; VizPanels in app scenes resolve panel options through them.
  installOptionEditors();
  if (req.kind === 'app') {
    // Grafana's router and locationService share the browser history; start it at the app path.
    locationService.replace(req.appPath);
    interceptLinkClicks();
  }
  if (req.kind === 'dashboard') {
    const q = new URLSearchParams(window.location.search);
    const element = await dashboardElement({
      dashboardUrl: q.get('dashboard') ?? '',
      overrides: JSON.parse(q.get('vars') ?? '{}'),
      rangeSeconds: Number(q.get('range') ?? 180),
      emptyReasons: JSON.parse(q.get('reasons') ?? '{}'),
      theme: req.theme,
      width: req.width,
    });
    state.phase = 'rendering';
    watchForReady(state);
    state.dataHandedAt = performance.now();
    createRoot(document.getElementById('root')!).render(element);
    return;
  }
  const mod = await pluginExports(await System.import(req.moduleUrl));
  const text = req.input ? await (await fetch(req.input)).text() : '[]';
  const frames = framesFromText(text);
  const element = pluginElement(mod, req, frames);
  await benchMark('handover');
  state.phase = 'rendering';
  watchForReady(state);
  state.dataHandedAt = performance.now();
  const root = createRoot(document.getElementById('root')!);
  root.render(element);
  // A dashboard refresh: the same panel gets a new data array (new frames) read from `next`, or the same text again.
  (window as unknown as { __meshlensRefresh: (next?: string) => void }).__meshlensRefresh = (next) =>
    root.render(pluginElement(mod, req, framesFromText(next ?? text)));
}

const state: HostState = { phase: 'loading', longTasks: [], queries: { count: 0, totalMs: 0, exprs: [] } };
(window as unknown as { __meshlens: HostState }).__meshlens = state;
// Tests ask which translation keys a plugin namespace holds in the shared i18next.
(window as unknown as { __meshlensI18nKeys: (ns: string) => string[] }).__meshlensI18nKeys = (ns) =>
  Object.keys(i18next.getResourceBundle('en-US', ns) ?? {});
try {
  new PerformanceObserver((list) =>
    list.getEntries().forEach((e) => state.longTasks.push([e.startTime, e.duration]))
  ).observe({
    type: 'longtask',
    buffered: true,
  });
} catch {
  // longtask is Chromium-only; other browsers report no long tasks.
}
(window as unknown as { __startHost: () => void }).__startHost = () => {
  main(state).catch((e: unknown) => {
    state.phase = 'error';
    state.error = e instanceof Error ? `${e.message}\n${e.stack ?? ''}` : String(e);
  });
};
