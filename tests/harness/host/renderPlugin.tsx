import React from 'react';
import lodash from 'lodash';
import { Route, Router, Routes } from 'react-router';
import { LocationServiceProvider, locationService } from '@grafana/runtime';
import {
  AppPlugin,
  EventBusSrv,
  LoadingState,
  PanelOptionsEditorBuilder,
  PanelPlugin,
  PluginType,
  createTheme,
  standardEditorsRegistry,
  getDefaultTimeRange,
  type AppPluginMeta,
  type DataFrame,
  type PanelProps,
} from '@grafana/data';
import { GlobalStyles, ThemeContext } from '@grafana/ui';

export type HostKind = 'trace' | 'meshgraph' | 'app' | 'app-config' | 'dashboard';

export interface HostRequest {
  kind: HostKind;
  theme: 'dark' | 'light';
  width: number;
  height: number;
  options: Record<string, unknown>;
  appPath: string;
  jsonData: Record<string, unknown>;
}

// Grafana registers its option editors at boot; the host renders no options pane, so empty editors
// under the standard ids are enough for builders to resolve them and yield their defaults.
const EDITOR_IDS = ['text', 'number', 'slider', 'boolean', 'select', 'multi-select', 'radio', 'color', 'unit', 'links', 'stats-picker', 'field-name', 'unit', 'mappings', 'thresholds', 'timezone', 'fieldColor'];
let editorsInstalled = false;
export function installOptionEditors() {
  if (!editorsInstalled) {
    editorsInstalled = true;
    standardEditorsRegistry.setInit(() => [...new Set(EDITOR_IDS)].map((id) => ({ id, name: id, editor: () => null })));
  }
}

/** Grafana fills panel options from the builder's defaults; do the same so the panel sees real defaults. */
export function defaultOptions(plugin: PanelPlugin, frames: DataFrame[], overrides: Record<string, unknown>) {
  installOptionEditors();
  const builder = new PanelOptionsEditorBuilder<Record<string, unknown>>();
  plugin.getPanelOptionsSupplier()(builder, { data: frames });
  const options: Record<string, unknown> = {};
  for (const item of builder.getItems()) {
    if (item.defaultValue !== undefined) {
      lodash.set(options, item.path, item.defaultValue);
    }
  }
  return lodash.merge(options, overrides);
}

function appMeta(jsonData: Record<string, unknown>): AppPluginMeta {
  return {
    id: 'meshlens-istio-app',
    name: 'MeshLens for Istio',
    type: PluginType.app,
    module: '/dist/module.js',
    baseUrl: '/dist',
    enabled: true,
    pinned: true,
    jsonData,
    info: {
      author: { name: 'MeshLens' },
      description: '',
      links: [],
      logos: { small: '/dist/img/logo.svg', large: '/dist/img/logo.svg' },
      screenshots: [],
      updated: '',
      version: '',
    },
  } as AppPluginMeta;
}

/** A router on locationService's history, as Grafana's app shell has, so Scenes' URL sync and links agree. */
function HistoryRouter({ children }: { children: React.ReactNode }) {
  const history = locationService.getHistory();
  const [location, setLocation] = React.useState(history.location);
  React.useLayoutEffect(() => history.listen((l: typeof history.location) => setLocation(l)), [history]);
  return (
    <LocationServiceProvider service={locationService}>
      <Router location={location} navigator={history as never}>
        {children}
      </Router>
    </LocationServiceProvider>
  );
}

/** Builds the element Grafana would mount for this plugin: a panel with PanelProps, or an app page. */
export function pluginElement(mod: Record<string, unknown>, req: HostRequest, frames: DataFrame[]): React.ReactElement {
  const theme = createTheme({ colors: { mode: req.theme } });
  const plugin = mod.plugin;
  let body: React.ReactElement;
  if (plugin instanceof PanelPlugin && plugin.panel) {
    const Panel = plugin.panel as React.ComponentType<PanelProps>;
    const timeRange = getDefaultTimeRange();
    const props: PanelProps = {
      id: 1,
      title: 'MeshLens',
      data: { state: LoadingState.Done, series: frames, timeRange },
      timeRange,
      timeZone: 'utc',
      options: defaultOptions(plugin, frames, req.options),
      fieldConfig: { defaults: {}, overrides: [] },
      transparent: false,
      width: req.width,
      height: req.height,
      renderCounter: 0,
      replaceVariables: (s: string) => s,
      onOptionsChange: () => {},
      onFieldConfigChange: () => {},
      onChangeTimeRange: () => {},
      eventBus: new EventBusSrv(),
    };
    body = <Panel {...props} />;
  } else if (plugin instanceof AppPlugin) {
    const meta = appMeta(req.jsonData);
    if (req.kind === 'app-config') {
      const Config = plugin.configPages?.[0]?.body;
      if (!Config) {
        throw new Error('The app has no config page');
      }
      body = <Config plugin={plugin} query={{}} />;
    } else {
      const Root = plugin.root;
      if (!Root) {
        throw new Error('The app has no root page');
      }
      body = (
        <HistoryRouter>
          <Routes>
            {/* Grafana mounts an app root under /a/<id>/*, so the app's relative routes resolve there. */}
            <Route
              path="/a/meshlens-istio-app/*"
              element={<Root meta={meta} basename="/a/meshlens-istio-app" query={{}} path={req.appPath} onNavChanged={() => {}} />}
            />
          </Routes>
        </HistoryRouter>
      );
    }
    plugin.meta = meta;
  } else {
    throw new Error('module.js exports no PanelPlugin or AppPlugin named "plugin"');
  }
  return (
    <ThemeContext.Provider value={theme}>
      {/* Grafana's global CSS (box-sizing, body font, form elements), as every Grafana page has it. */}
      <GlobalStyles />
      <div
        id="meshlens-host-frame"
        style={{
          width: req.width,
          height: req.height,
          overflow: 'hidden',
          background: theme.colors.background.primary,
          color: theme.colors.text.primary,
          fontFamily: theme.typography.fontFamily,
          fontSize: theme.typography.fontSize,
        }}
      >
        {body}
      </div>
    </ThemeContext.Provider>
  );
}
