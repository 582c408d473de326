import { SceneApp } from '@grafana/scenes';
import { type ResolvedSettings } from '../shared/settings';
import { getGraphPage } from './pages/graph/graphScene';
import { getOverviewPage } from './pages/overview/overviewScene';
import { getTracesPage } from './pages/traces/tracesScene';

/** Pure factory: the app's pages for these settings. */
export function getMeshLensApp(settings: ResolvedSettings): SceneApp {
  return new SceneApp({
    pages: [getOverviewPage(settings), getGraphPage(settings), getTracesPage(settings)],
    urlSyncOptions: { updateUrlOnInit: true, createBrowserHistorySteps: true },
  });
}
