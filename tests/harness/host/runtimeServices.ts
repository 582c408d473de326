import { Observable, catchError, from, map, of, startWith } from 'rxjs';
import {
  EventBusSrv,
  LoadingState,
  PanelPlugin,
  type DataQueryRequest,
  type DataSourceApi,
  type PanelData,
  type PanelPluginMeta,
  type ScopedVars,
} from '@grafana/data';
import { setAppEvents, setPluginImportUtils, setRunRequest, setTemplateSrv, toDataQueryError, type TemplateSrv } from '@grafana/runtime';
import { HarnessPluginPage, setPluginPage } from './pluginPage';
import { pluginExports } from './pluginModule';
import { interpolateFromScene, type SceneLike } from './sceneVariables';

declare const System: { import(url: string): Promise<Record<string, unknown>> };

/** The nested panels the app ships, by plugin id (Grafana finds them by scanning dist/ for plugin.json). */
const NESTED_PANELS: Record<string, string> = {
  'meshlens-meshgraph-panel': '/dist/panels/meshgraph',
  'meshlens-trace-panel': '/dist/panels/trace',
};

/** Grafana's runRequest, reduced to what pages see: Loading, then Done or Error with the response's frames. */
function runRequest(ds: DataSourceApi, request: DataQueryRequest): Observable<PanelData> {
  const base = { timeRange: request.range, request };
  return from(ds.query(request) as Observable<{ data: PanelData['series']; errors?: PanelData['errors']; error?: PanelData['error'] }>).pipe(
    map(
      (res): PanelData => ({
        ...base,
        state: res.errors?.length || res.error ? LoadingState.Error : LoadingState.Done,
        series: res.data ?? [],
        errors: res.errors ?? (res.error ? [res.error] : undefined),
        error: res.error ?? res.errors?.[0],
      })
    ),
    catchError((e: unknown) => {
      const error = toDataQueryError(e as Error);
      return of<PanelData>({ ...base, state: LoadingState.Error, series: [], error, errors: [error] });
    }),
    startWith<PanelData>({ ...base, state: LoadingState.Loading, series: [] })
  );
}

/** Values from scopedVars as `$name`, `${name}` or `[[name]]`; unknown names are left as written. */
function replaceScoped(target: string, scopedVars: ScopedVars = {}): string {
  return target.replace(/\$(\w+)|\$\{(\w+)(?::\w+)?\}|\[\[(\w+)\]\]/g, (match, a, b, c) => {
    const v = scopedVars[a ?? b ?? c];
    return v === undefined ? match : String(v.value ?? v.text);
  });
}

/** Grafana's template service delegates to the scene graph when a request comes from a scene. */
const templateSrv: Partial<TemplateSrv> & { getAdhocFilters(): [] } = {
  replace(target?: string, scopedVars?: ScopedVars, format?: string | Function) {
    if (!target) {
      return '';
    }
    const holder = scopedVars?.__sceneObject?.value as { valueOf(): unknown } | undefined;
    const scene = holder?.valueOf() as SceneLike | undefined;
    const scoped = replaceScoped(target, scopedVars);
    return scene && typeof scene.state === 'object' ? interpolateFromScene(scene, scoped) : scoped;
  },
  getVariables: () => [],
  containsTemplate: (target?: string) => Boolean(target && /\$\w+|\$\{|\[\[/.test(target)),
  updateTimeRange: () => {},
  getAdhocFilters: () => [],
};

async function importPanelPlugin(id: string, cache: Map<string, PanelPlugin>): Promise<PanelPlugin> {
  const dir = NESTED_PANELS[id];
  if (!dir) {
    throw new Error(`Panel plugin ${id} is not available in the harness (only the app's nested panels are)`);
  }
  const [mod, meta] = await Promise.all([System.import(`${dir}/module.js`).then(pluginExports), fetch(`${dir}/plugin.json`).then((r) => r.json())]);
  const plugin = mod.plugin;
  if (!(plugin instanceof PanelPlugin)) {
    throw new Error(`${dir}/module.js exports no PanelPlugin named "plugin"`);
  }
  plugin.meta = { ...(meta as PanelPluginMeta), module: `${dir}/module.js`, baseUrl: dir };
  cache.set(id, plugin);
  return plugin;
}

/** What @grafana/scenes reads from @grafana/runtime, installed the way Grafana installs it at boot. */
export function installRuntimeServices(): void {
  const cache = new Map<string, PanelPlugin>();
  setRunRequest(runRequest);
  setTemplateSrv(templateSrv as TemplateSrv);
  setAppEvents(new EventBusSrv() as never);
  // App pages render inside PluginPage: breadcrumbs and title, as in Grafana.
  setPluginPage(HarnessPluginPage);
  setPluginImportUtils({
    importPanelPlugin: (id) => importPanelPlugin(id, cache),
    getPanelPluginFromCache: (id) => cache.get(id),
  });
}
