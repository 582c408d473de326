import React, { Suspense, lazy } from 'react';
import { AppPlugin, type AppRootProps } from '@grafana/data';
import { initPluginTranslations } from '@grafana/i18n';
import { LoadingPlaceholder } from '@grafana/ui';
import type { AppConfigProps } from './app/AppConfig/AppConfig';
import { bundledLocales } from './shared/i18n/bundledLocales';
import { type MeshLensSettings } from './shared/settings';
import pluginJson from './plugin.json';
// Static, not import(`./locales/${lang}/…`): see bundledLocales.
import enUS from './locales/en-US/meshlens-istio-app.json';

// Before anything renders, so counts get their plural forms; Grafana waits for a module's top-level await.
await initPluginTranslations(pluginJson.id, [bundledLocales(pluginJson.languages, { 'en-US': enUS })]);

const LazyApp = lazy(() => import('./app/App'));
const LazyAppConfig = lazy(() => import('./app/AppConfig/AppConfig'));

const App = (props: AppRootProps<MeshLensSettings>) => (
  <Suspense fallback={<LoadingPlaceholder text="" />}>
    <LazyApp {...props} />
  </Suspense>
);

const AppConfig = (props: AppConfigProps) => (
  <Suspense fallback={<LoadingPlaceholder text="" />}>
    <LazyAppConfig {...props} />
  </Suspense>
);

export const plugin = new AppPlugin<MeshLensSettings>().setRootPage(App).addConfigPage({
  title: 'Configuration',
  icon: 'cog',
  body: AppConfig,
  id: 'configuration',
});
