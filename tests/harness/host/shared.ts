// The modules Grafana shares with plugins (webpack externals in .config/bundler/externals.ts),
// taken from the real npm packages so the plugin runs against the same code as in Grafana.
import React from 'react';
import ReactDOM from 'react-dom';
import * as jsxRuntime from 'react/jsx-runtime';
import * as GrafanaData from '@grafana/data';
import * as GrafanaUI from '@grafana/ui';
import * as GrafanaRuntime from '@grafana/runtime';
import * as EmotionCss from '@emotion/css';
import * as EmotionReact from '@emotion/react';
import * as Rxjs from 'rxjs';
import lodash from 'lodash';
import i18next from 'i18next';
import * as ReactRouter from 'react-router';

export const sharedModules: Record<string, unknown> = {
  react: React,
  'react-dom': ReactDOM,
  'react/jsx-runtime': jsxRuntime,
  '@grafana/data': GrafanaData,
  '@grafana/ui': GrafanaUI,
  '@grafana/runtime': GrafanaRuntime,
  '@emotion/css': EmotionCss,
  '@emotion/react': EmotionReact,
  rxjs: Rxjs,
  lodash,
  i18next,
  'react-router': ReactRouter,
};

interface SystemJS {
  set(id: string, module: unknown): void;
  addImportMap(map: { imports: Record<string, string> }): void;
  import(url: string): Promise<Record<string, unknown>>;
}

/** Registers the shared modules under URL-like ids and maps the bare names to them. */
export function registerSharedModules(system: SystemJS): void {
  const imports: Record<string, string> = {};
  for (const [name, mod] of Object.entries(sharedModules)) {
    // __useDefault makes the AMD extra hand the raw module object to webpack's externals.
    system.set(`app:${name}`, { __useDefault: true, default: mod });
    imports[name] = `app:${name}`;
  }
  system.addImportMap({ imports });
  // Which vendor set this page was built from (HARNESS_HOST), for the tests that check the host itself.
  (window as unknown as { __harnessVendor: Record<string, string> }).__harnessVendor = {
    react: React.version,
    reactDom: ReactDOM.version,
    grafana: GrafanaRuntime.config.buildInfo.version,
  };
}
