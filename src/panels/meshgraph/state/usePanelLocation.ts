import { useEffect, useState } from 'react';
import { locationService } from '@grafana/runtime';
import { type PanelLocation } from '../model/links';

const current = (): PanelLocation => {
  const { pathname, search } = locationService.getLocation();
  return { pathname, search };
};

/** Where this panel is shown (the app's graph page or a dashboard), kept current as the URL changes. */
export function usePanelLocation(): PanelLocation {
  const [here, setHere] = useState(current);
  useEffect(() => locationService.getHistory().listen(() => setHere(current())), []);
  return here;
}
