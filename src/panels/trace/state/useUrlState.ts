import { useEffect } from 'react';
import { locationService } from '@grafana/runtime';
import { panelParamName, panelParamUpdate, readPanelParam } from '../model/viewState';

/** The panel's view state in the page URL (so a copied URL reopens the same view); per panel `<name>-<panelId>`. */
export const URL_PARAMS = {
  span: 'meshlensSpan',
  find: 'meshlensFind',
  filters: 'meshlensFilters',
  view: 'meshlensView',
} as const;

export type UrlParam = keyof typeof URL_PARAMS;

/** The parameter as the URL has it now (raw text; Grafana's search object would turn "true" into a boolean). */
function rawParam(name: string): string | undefined {
  return locationService.getSearch().get(name) ?? undefined;
}

/** This panel's value of a view-state parameter: its own name first, else the shared un-suffixed name. */
export function readUrlParam(param: UrlParam, panelId: number | undefined): string | undefined {
  return readPanelParam(rawParam, URL_PARAMS[param], panelId);
}

/** The name this panel writes a parameter under (`meshlensSpan-2`). */
export function urlParamName(param: UrlParam, panelId: number | undefined): string {
  return panelParamName(URL_PARAMS[param], panelId);
}

/** Writes `value` to the panel's URL parameter whenever it changes (replacing the history entry); undefined removes it. */
export function useUrlParam(param: UrlParam, panelId: number | undefined, value: string | undefined) {
  useEffect(() => {
    const update = panelParamUpdate(rawParam, URL_PARAMS[param], panelId, value);
    if (update) {
      locationService.partial(update, true);
    }
  }, [param, panelId, value]);
}
