import React from 'react';
import { PanelPlugin, createTheme } from '@grafana/data';
import { GlobalStyles, ThemeContext } from '@grafana/ui';
import { pluginExports } from '../pluginModule';
import { defaultOptions } from '../renderPlugin';
import { DashboardPreview, type SavedDashboard } from './DashboardPreview';
import { previewHeight } from './grid';
import { type PanelPlugins } from './PreviewPanel';

declare const System: { import(url: string): Promise<Record<string, unknown>> };

/** The nested panels the app ships, by plugin id, loaded from dist/ as Grafana loads them. */
const PANEL_MODULES: Record<string, string> = {
  'meshlens-meshgraph-panel': '/dist/panels/meshgraph/module.js',
  'meshlens-trace-panel': '/dist/panels/trace/module.js',
};

export interface DashboardRequest {
  dashboardUrl: string;
  overrides: Record<string, string[]>;
  rangeSeconds: number;
  emptyReasons: Record<string, string>;
  theme: 'dark' | 'light';
  width: number;
}

/** Fetches a generated dashboard, loads the MeshLens panels it uses, and builds the preview element. */
export async function dashboardElement(req: DashboardRequest): Promise<React.ReactElement> {
  const res = await fetch(req.dashboardUrl);
  if (!res.ok) {
    throw new Error(`dashboard ${req.dashboardUrl}: HTTP ${res.status}`);
  }
  const dashboard = (await res.json()) as SavedDashboard;
  const plugins: PanelPlugins = {};
  for (const type of new Set(dashboard.panels.map((p) => p.type))) {
    if (PANEL_MODULES[type]) {
      const plugin = (await pluginExports(await System.import(PANEL_MODULES[type]))).plugin;
      if (!(plugin instanceof PanelPlugin)) {
        throw new Error(`${PANEL_MODULES[type]} exports no PanelPlugin named "plugin"`);
      }
      plugins[type] = { plugin, options: (saved) => defaultOptions(plugin, [], saved) };
    }
  }
  const theme = createTheme({ colors: { mode: req.theme } });
  return (
    <ThemeContext.Provider value={theme}>
      {/* Grafana's global CSS (box-sizing, body font, form elements), as every Grafana page has it. */}
      <GlobalStyles />
      <div
        id="meshlens-host-frame"
        style={{
          width: req.width,
          minHeight: previewHeight(dashboard.panels),
          background: theme.colors.background.canvas,
          color: theme.colors.text.primary,
          fontFamily: theme.typography.fontFamily,
          fontSize: theme.typography.fontSize,
        }}
      >
        <DashboardPreview
          dashboard={dashboard}
          overrides={req.overrides}
          rangeSeconds={req.rangeSeconds}
          emptyReasons={req.emptyReasons}
          width={req.width - 16}
          theme={theme}
          plugins={plugins}
        />
      </div>
    </ThemeContext.Provider>
  );
}
