/**
 * The graph page's "Display" choices, as Kiali's Display menu has them, and the mesh graph panel
 * options each one sets. Pure: parsing from the URL and mapping to panel options.
 */
export type DisplayOption = 'animation' | 'mtls' | 'legend' | 'minimap' | 'idleEdges' | 'idleNodes' | 'serviceNodes' | 'boxes' | 'compare';

export const DISPLAY_OPTIONS: readonly DisplayOption[] = ['animation', 'mtls', 'legend', 'minimap', 'idleEdges', 'idleNodes', 'serviceNodes', 'boxes', 'compare'];

/** What the page shows before anyone chooses: the panel's own defaults. */
export const DEFAULT_DISPLAY: readonly DisplayOption[] = ['mtls', 'minimap', 'serviceNodes', 'boxes'];

/** Display choices that change the queries, not the panel: the earlier window of the same length. */
export const QUERY_DISPLAY: readonly DisplayOption[] = ['idleEdges', 'compare'];

/** Panel option (MeshGraphPanelOptions key) each display choice switches. */
const PANEL_OPTION: Record<Exclude<DisplayOption, 'compare'>, string> = {
  animation: 'trafficAnimation',
  mtls: 'showMtls',
  legend: 'showLegend',
  minimap: 'showMinimap',
  idleEdges: 'includeIdleEdges',
  idleNodes: 'showIdleNodes',
  serviceNodes: 'injectServiceNodes',
  boxes: 'boxByNamespace',
};

export function isDisplayOption(value: unknown): value is DisplayOption {
  return typeof value === 'string' && (DISPLAY_OPTIONS as readonly string[]).includes(value);
}

/**
 * The choices from a URL value: a list, a single value, or `none` for an explicitly empty choice
 * (an absent key means the defaults). Unknown values are dropped; the result is in canonical order.
 */
export function parseDisplay(value: string | string[] | null | undefined): DisplayOption[] | undefined {
  if (value === undefined || value === null) {
    return undefined;
  }
  const values = new Set(Array.isArray(value) ? value : [value]);
  return DISPLAY_OPTIONS.filter((o) => values.has(o));
}

/** The URL form: the choices, or `none` when nothing is chosen (so it differs from "defaults"). */
export function displayUrlValue(display: readonly DisplayOption[]): string[] {
  return display.length > 0 ? DISPLAY_OPTIONS.filter((o) => display.includes(o)) : ['none'];
}

/** Every display panel option, true or false, so switching one off really turns it off in the panel. */
export function displayPanelOptions(display: readonly DisplayOption[]): Record<string, boolean> {
  const out: Record<string, boolean> = {};
  for (const o of DISPLAY_OPTIONS) {
    if (o !== 'compare') {
      out[PANEL_OPTION[o]] = display.includes(o);
    }
  }
  return out;
}
