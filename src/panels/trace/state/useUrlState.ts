import { useEffect } from 'react';
import { locationService } from '@grafana/runtime';

/** The panel's view state in the page URL (so a copied URL reopens the same view). */
export const URL_PARAMS = {
  span: 'meshlensSpan',
  find: 'meshlensFind',
  filters: 'meshlensFilters',
  view: 'meshlensView',
} as const;

/** The parameter as the URL has it now (raw text; Grafana's search object would turn "true" into a boolean). */
export function readUrlParam(name: string): string | undefined {
  return locationService.getSearch().get(name) ?? undefined;
}

/** Writes `value` to the URL parameter whenever it changes (replacing the history entry); undefined removes it. */
export function useUrlParam(name: string, value: string | undefined) {
  useEffect(() => {
    if (readUrlParam(name) !== value) {
      locationService.partial({ [name]: value ?? null }, true);
    }
  }, [name, value]);
}
